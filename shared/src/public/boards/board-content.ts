/**
 * A board's rich content as plain data: the tree the PWA renders for residents, the poster
 * and the kiosk, and the form in which versions are kept. The live content is a
 * Y.XmlFragment in the shape y-prosemirror writes (an element per ProseMirror node, named
 * after the node type, with its attrs as XML attributes; a run of text as a Y.XmlText whose
 * formatting attributes are the marks). This module converts between the two, validating
 * what it reads, so a hostile client's odd node is dropped rather than rendered.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { safeHref } from '../../markup.js';

/** Block and inline node types a board may contain (the editor's ProseMirror schema). */
export const BOARD_NODE_NAMES = [
  'paragraph',
  'heading',
  'bullet_list',
  'ordered_list',
  'list_item',
  'image',
  'hard_break',
  'hours',
  'contact',
] as const;
export type BoardNodeName = (typeof BOARD_NODE_NAMES)[number];

export const BOARD_TEXT_MAX = 20_000;
const CHILDREN_MAX = 1_000;
const DEPTH_MAX = 12;

export interface BoardMarks {
  strong?: true;
  em?: true;
  /** A safe `http(s):` or `mailto:` address (see `safeHref`). */
  link?: string;
}

export type BoardNode =
  | { type: 'text'; text: string; marks: BoardMarks }
  | { type: BoardNodeName; attrs: Record<string, string | number>; children: BoardNode[] };

const marksSchema = z.object({
  strong: z.literal(true).optional(),
  em: z.literal(true).optional(),
  link: z
    .string()
    .max(2_000)
    .refine((href) => safeHref(href) !== null, 'must be an http(s) or mailto address')
    .optional(),
});

const attrValue = z.union([z.string().max(2_000), z.number().finite()]);

export const boardNodeSchema: z.ZodType<BoardNode> = z.lazy(() =>
  z.union([
    z.object({ type: z.literal('text'), text: z.string().max(BOARD_TEXT_MAX), marks: marksSchema }),
    z.object({
      type: z.enum(BOARD_NODE_NAMES),
      attrs: z.record(z.string().max(40), attrValue),
      children: z.array(boardNodeSchema).max(CHILDREN_MAX),
    }),
  ]),
) as z.ZodType<BoardNode>;

export const boardContentSchema = z.array(boardNodeSchema).max(CHILDREN_MAX);

/** The heading level of a `heading` node, 1–3 (anything else reads as 2). */
export function headingLevel(node: Extract<BoardNode, { children: BoardNode[] }>): 1 | 2 | 3 {
  const level = node.attrs['level'];
  return level === 1 || level === 3 ? level : 2;
}

/** The blob and alt text of an `image` node, or null when it does not name a valid blob. */
export function boardImage(
  node: Extract<BoardNode, { children: BoardNode[] }>,
): { hash: string; alt: string } | null {
  const { hash, alt } = node.attrs;
  if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) return null;
  return { hash, alt: typeof alt === 'string' ? alt.slice(0, 300) : '' };
}

function marksFrom(attributes: Record<string, unknown> | undefined): BoardMarks {
  const marks: BoardMarks = {};
  if (!attributes) return marks;
  if (attributes['strong'] != null) marks.strong = true;
  if (attributes['em'] != null) marks.em = true;
  const href = (attributes['link'] as { href?: unknown } | null | undefined)?.href;
  if (typeof href === 'string' && safeHref(href) !== null) marks.link = href;
  return marks;
}

function attributesFrom(marks: BoardMarks): Record<string, object> {
  const attributes: Record<string, object> = {};
  if (marks.strong) attributes['strong'] = {};
  if (marks.em) attributes['em'] = {};
  if (marks.link) attributes['link'] = { href: marks.link };
  return attributes;
}

function isNodeName(name: string): name is BoardNodeName {
  return (BOARD_NODE_NAMES as readonly string[]).includes(name);
}

function readChildren(parent: Y.XmlFragment | Y.XmlElement, depth: number): BoardNode[] {
  if (depth > DEPTH_MAX) return [];
  const nodes: BoardNode[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const run of child.toDelta() as {
        insert: unknown;
        attributes?: Record<string, unknown>;
      }[]) {
        if (typeof run.insert !== 'string' || run.insert.length === 0) continue;
        nodes.push({ type: 'text', text: run.insert, marks: marksFrom(run.attributes) });
      }
    } else if (child instanceof Y.XmlElement && isNodeName(child.nodeName)) {
      const attrs: Record<string, string | number> = {};
      for (const [key, value] of Object.entries(child.getAttributes())) {
        if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) {
          attrs[key] = value;
        }
      }
      nodes.push({ type: child.nodeName, attrs, children: readChildren(child, depth + 1) });
    }
  }
  return nodes;
}

/** Reads the content of a board's fragment as validated plain data. */
export function readContent(fragment: Y.XmlFragment): BoardNode[] {
  const result = boardContentSchema.safeParse(readChildren(fragment, 0));
  return result.success ? result.data : [];
}

/** Builds Yjs types for `nodes`, grouping neighbouring text runs into one Y.XmlText. */
function toYjs(nodes: BoardNode[]): (Y.XmlElement | Y.XmlText)[] {
  const out: (Y.XmlElement | Y.XmlText)[] = [];
  let runs: Extract<BoardNode, { type: 'text' }>[] = [];
  const flush = () => {
    if (runs.length === 0) return;
    const text = new Y.XmlText();
    text.applyDelta(runs.map((r) => ({ insert: r.text, attributes: attributesFrom(r.marks) })));
    out.push(text);
    runs = [];
  };
  for (const node of nodes) {
    if (node.type === 'text') {
      runs.push(node);
      continue;
    }
    flush();
    const element = new Y.XmlElement(node.type);
    for (const [key, value] of Object.entries(node.attrs)) {
      element.setAttribute(key, value as string);
    }
    element.insert(0, toYjs(node.children));
    out.push(element);
  }
  flush();
  return out;
}

/** Replaces the whole content of `fragment` with `nodes`; call inside a transaction. */
export function replaceContent(fragment: Y.XmlFragment, nodes: BoardNode[]): void {
  if (fragment.length > 0) fragment.delete(0, fragment.length);
  fragment.insert(0, toYjs(nodes));
}

/** The text of the content, blocks separated by newlines (for search, titles, tests). */
export function contentText(nodes: BoardNode[]): string {
  const blocks: string[] = [];
  const walk = (list: BoardNode[]): string =>
    list
      .map((n) => {
        if (n.type === 'text') return n.text;
        if (n.type === 'hard_break') return '\n';
        if (n.children.some((c) => c.type !== 'text' && c.type !== 'hard_break')) {
          blocks.push(...n.children.map((c) => walk([c])).filter(Boolean));
          return '';
        }
        return walk(n.children);
      })
      .join('');
  for (const node of nodes) {
    const text = walk([node]);
    if (text) blocks.push(text);
  }
  return blocks.join('\n');
}
