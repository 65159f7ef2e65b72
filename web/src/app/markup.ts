/**
 * Renders the shared markup tree (`parseMarkup` in @buurthub/shared) with Lit templates:
 * text only ever lands in text bindings, and a link's href is one the tree allowed (checked
 * again here). Links open in a new tab without access to this page.
 */
import { type Block, type Inline, parseMarkup, safeHref } from '@buurthub/shared';
import { html, nothing } from 'lit';

function inline(part: Inline) {
  switch (part.type) {
    case 'bold':
      return html`<strong>${part.text}</strong>`;
    case 'italic':
      return html`<em>${part.text}</em>`;
    case 'link': {
      const href = safeHref(part.href);
      return href
        ? html`<a href=${href} rel="noopener noreferrer" target="_blank">${part.text}</a>`
        : part.text;
    }
    default:
      return part.text;
  }
}

function block(b: Block) {
  if (b.type === 'paragraph') return html`<p>${b.inlines.map(inline)}</p>`;
  const items = b.items.map((item) => html`<li>${item.map(inline)}</li>`);
  return b.ordered
    ? html`<ol>
        ${items}
      </ol>`
    : html`<ul>
        ${items}
      </ul>`;
}

/** The body text as paragraphs and lists; nothing for an empty text. */
export function renderMarkup(source: string) {
  const blocks = parseMarkup(source);
  return blocks.length > 0 ? blocks.map(block) : nothing;
}
