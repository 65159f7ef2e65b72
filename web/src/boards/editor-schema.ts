/**
 * The ProseMirror schema of a board. Node and mark names are the element and attribute
 * names y-prosemirror writes into the Y.XmlFragment, so they must match
 * `BOARD_NODE_NAMES` in shared/src/public/boards/board-content.ts (checked by a test).
 * Loaded only with the editor.
 */
import { blobPath, safeHref } from '@buurthub/shared';
import { type DOMOutputSpec, Schema } from 'prosemirror-model';

const headingTag = (level: unknown) => (level === 1 ? 'h3' : level === 3 ? 'h5' : 'h4');

export const boardSchema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: {
      group: 'block',
      content: 'inline*',
      parseDOM: [{ tag: 'p' }],
      toDOM: (): DOMOutputSpec => ['p', 0],
    },
    heading: {
      group: 'block',
      content: 'text*',
      attrs: { level: { default: 2 } },
      defining: true,
      parseDOM: [
        { tag: 'h3', attrs: { level: 1 } },
        { tag: 'h4', attrs: { level: 2 } },
        { tag: 'h5', attrs: { level: 3 } },
      ],
      toDOM: (node): DOMOutputSpec => [headingTag(node.attrs['level']), 0],
    },
    bullet_list: {
      group: 'block',
      content: 'list_item+',
      parseDOM: [{ tag: 'ul' }],
      toDOM: (): DOMOutputSpec => ['ul', 0],
    },
    ordered_list: {
      group: 'block',
      content: 'list_item+',
      attrs: { order: { default: 1 } },
      parseDOM: [{ tag: 'ol' }],
      toDOM: (): DOMOutputSpec => ['ol', 0],
    },
    list_item: {
      content: 'paragraph (bullet_list | ordered_list)*',
      defining: true,
      parseDOM: [{ tag: 'li' }],
      toDOM: (): DOMOutputSpec => ['li', 0],
    },
    hours: {
      group: 'block',
      content: '(paragraph | bullet_list | ordered_list)+',
      defining: true,
      parseDOM: [{ tag: 'section.hours' }],
      toDOM: (): DOMOutputSpec => ['section', { class: 'block hours' }, 0],
    },
    contact: {
      group: 'block',
      content: '(paragraph | bullet_list | ordered_list)+',
      defining: true,
      parseDOM: [{ tag: 'section.contact' }],
      toDOM: (): DOMOutputSpec => ['section', { class: 'block contact' }, 0],
    },
    image: {
      group: 'block',
      atom: true,
      attrs: { hash: { default: '' }, alt: { default: '' } },
      toDOM: (node): DOMOutputSpec => [
        'img',
        {
          class: 'board-image',
          src: blobPath({ hash: String(node.attrs['hash']) }),
          alt: String(node.attrs['alt']),
        },
      ],
    },
    hard_break: {
      group: 'inline',
      inline: true,
      selectable: false,
      parseDOM: [{ tag: 'br' }],
      toDOM: (): DOMOutputSpec => ['br'],
    },
    text: { group: 'inline' },
  },
  marks: {
    strong: {
      parseDOM: [{ tag: 'strong' }, { tag: 'b' }],
      toDOM: (): DOMOutputSpec => ['strong', 0],
    },
    em: {
      parseDOM: [{ tag: 'em' }, { tag: 'i' }],
      toDOM: (): DOMOutputSpec => ['em', 0],
    },
    link: {
      attrs: { href: {} },
      inclusive: false,
      parseDOM: [
        {
          tag: 'a[href]',
          getAttrs: (dom) => {
            const href = safeHref((dom as HTMLElement).getAttribute('href') ?? '');
            return href ? { href } : false;
          },
        },
      ],
      // The toolbar and paste only store safe addresses; another client might not.
      toDOM: (mark): DOMOutputSpec => {
        const href = safeHref(String(mark.attrs['href']));
        return href ? ['a', { href, rel: 'noopener noreferrer' }, 0] : ['span', 0];
      },
    },
  },
});
