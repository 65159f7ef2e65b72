/**
 * Buurthub markup: the small, safe text formatting residents need in posts, comments and
 * event descriptions. It parses into a plain tree (blocks of inlines) and never produces
 * HTML: the PWA renders the tree with Lit text bindings and the feeds escape it, so nothing
 * a user types can become markup or script. Links are the only way out of plain text, and
 * only http(s) and mailto links with a conservative shape become links; anything else stays
 * text. Syntax (docs/schema.md, "Markup"):
 *
 *   blank line          new paragraph          - item / * item    bullet list
 *   line break          kept as "\n" in text   1. item            numbered list
 *   **bold**            _italic_               https://…          a bare link
 *   [text](https://…)   a link with text       [text](mailto:…)   a mail link
 */

export type Inline =
  { type: 'text' | 'bold' | 'italic'; text: string } | { type: 'link'; href: string; text: string };

/** A paragraph's text inlines may contain "\n" for a line break (render with pre-line). */
export type Block =
  { type: 'paragraph'; inlines: Inline[] } | { type: 'list'; ordered: boolean; items: Inline[][] };

// Characters removed from all text: C0/C1 controls (but newline and tab), bidi embeddings,
// overrides and isolates (they can make text read differently from what it is), the BOM.
/* eslint-disable no-control-regex -- these patterns exist to find control characters */
const STRIPPED = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF]/gu;

// Characters that never occur in a link we accept: whitespace and invisible characters of
// every kind, quotes, angle brackets, backslash and a few others browsers treat specially.
const UNSAFE_IN_HREF =
  /[\u0000-\u0020\u007F-\u00A0\u00AD\u061C\u115F\u1160\u1680\u180E\u2000-\u200F\u2028-\u202F\u205F-\u206F\u3000\u3164\uFEFF\uFFA0<>"'`\\{}|^]|\u034F/u;
/* eslint-enable no-control-regex */

const HTTP_URL =
  /^(https?):\/\/((?:[A-Za-z0-9-]+\.)+[A-Za-z0-9-]{2,63})(?::\d{1,5})?(?:[/?#][\x21-\x7E\p{L}\p{N}\p{M}]*)?$/iu;
const MAILTO = /^(mailto):[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,63}$/i;

/**
 * The link target for `raw`, or null when it is not a link we allow: only `http://`,
 * `https://` (host in ASCII, so look-alike letters cannot pose as a known site, and no
 * `user@` part) and `mailto:` with a plain address. The scheme comes back in lowercase.
 */
export function safeHref(raw: string): string | null {
  if (raw.length > 2_000 || UNSAFE_IN_HREF.test(raw)) return null;
  const match = HTTP_URL.exec(raw) ?? MAILTO.exec(raw);
  if (!match || match[1] === undefined) return null;
  return match[1].toLowerCase() + raw.slice(match[1].length);
}

const LIST_ITEM = /^ {0,3}(?:([-*])|(\d{1,9})\.) +(\S.*)$/;
const LINK = /\[([^[\]\n]{1,300})\]\(([^()\s]{1,2000})\)/y;
const BOLD = /\*\*([^*\s](?:[^*]*[^*\s])?)\*\*/y;
const ITALIC = /_([^_\s](?:[^_]*[^_\s])?)_(?![\p{L}\p{N}_])/uy;
const BARE_URL = /https?:\/\/[^\s<>"'`]+/iy;
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const LOOKS_LIKE_URL =
  /^\s*(?:(?:https?|ftp|file|mailto|javascript|vbscript|data):|www\.|[^\s/]+\.[a-z]{2,}(?:[/:?#]|\s*$))/i;

function sticky(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/** Drops trailing punctuation that belongs to the sentence, not the URL. */
function trimUrl(url: string): string {
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    if (last === undefined) break;
    if ('.,;:!?\'"*_'.includes(last)) end--;
    else if (last === ')') {
      const part = url.slice(0, end);
      if (part.split('(').length >= part.split(')').length) break;
      end--;
    } else break;
  }
  return url.slice(0, end);
}

function pushText(out: Inline[], text: string): void {
  if (text.length === 0) return;
  const last = out[out.length - 1];
  if (last?.type === 'text') last.text += text;
  else out.push({ type: 'text', text });
}

/** Inlines of one line of text. */
function parseLine(line: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    pushText(out, text);
    text = '';
  };
  let i = 0;
  while (i < line.length) {
    const ch = line[i] as string;
    const wordBefore = i > 0 && WORD_CHAR.test(line[i - 1] as string);
    if (ch === '[') {
      const m = sticky(LINK, line, i);
      const label = m?.[1]?.trim();
      const href = m?.[2] === undefined ? null : safeHref(m[2]);
      if (m && label && href) {
        flush();
        // Link text that looks like an address but is not this one would mislead: show
        // the real target instead.
        const shown = LOOKS_LIKE_URL.test(label) && label !== href ? href : label;
        out.push({ type: 'link', href, text: shown });
        i += m[0].length;
        continue;
      }
    } else if (ch === '*' && line[i + 1] === '*') {
      const m = sticky(BOLD, line, i);
      if (m?.[1]) {
        flush();
        out.push({ type: 'bold', text: m[1] });
        i += m[0].length;
        continue;
      }
    } else if (ch === '_' && !wordBefore) {
      const m = sticky(ITALIC, line, i);
      if (m?.[1]) {
        flush();
        out.push({ type: 'italic', text: m[1] });
        i += m[0].length;
        continue;
      }
    } else if ((ch === 'h' || ch === 'H') && !wordBefore) {
      const m = sticky(BARE_URL, line, i);
      const url = m ? trimUrl(m[0]) : '';
      const href = url ? safeHref(url) : null;
      if (href) {
        flush();
        out.push({ type: 'link', href, text: url });
        i += url.length;
        continue;
      }
      if (m) {
        // Not a link we allow: the whole would-be address stays text, so no part of it
        // (say, after a look-alike letter) turns into a link on its own.
        text += m[0];
        i += m[0].length;
        continue;
      }
    }
    text += ch;
    i++;
  }
  flush();
  return out;
}

/** Parses Buurthub markup into blocks. Never throws; anything it does not know is text. */
export function parseMarkup(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').replace(STRIPPED, '').split('\n');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: Inline[][] } | null = null;

  const closeParagraph = () => {
    if (paragraph.length === 0) return;
    const inlines: Inline[] = [];
    paragraph.forEach((line, n) => {
      if (n > 0) pushText(inlines, '\n');
      for (const inline of parseLine(line)) {
        if (inline.type === 'text') pushText(inlines, inline.text);
        else inlines.push(inline);
      }
    });
    blocks.push({ type: 'paragraph', inlines });
    paragraph = [];
  };
  const closeList = () => {
    if (list) blocks.push({ type: 'list', ordered: list.ordered, items: list.items });
    list = null;
  };

  for (const raw of lines) {
    const line = raw.trim();
    if (line.length === 0) {
      closeParagraph();
      closeList();
      continue;
    }
    const item = LIST_ITEM.exec(raw.trimEnd());
    if (item) {
      const ordered = item[2] !== undefined;
      closeParagraph();
      if (list && list.ordered !== ordered) closeList();
      list ??= { ordered, items: [] };
      list.items.push(parseLine((item[3] as string).trim()));
      continue;
    }
    closeList();
    paragraph.push(line);
  }
  closeParagraph();
  closeList();
  return blocks;
}

function inlinesToText(inlines: Inline[]): string {
  return inlines
    .map((inline) =>
      inline.type === 'link' && inline.text !== inline.href
        ? `${inline.text} (${inline.href.replace(/^mailto:/, '')})`
        : inline.text,
    )
    .join('');
}

/** Plain text for feeds and notifications: paragraphs apart, list items on their own line. */
export function markupToPlainText(blocks: Block[]): string {
  return blocks
    .map((block) =>
      block.type === 'paragraph'
        ? inlinesToText(block.inlines)
        : block.items
            .map((item, n) => `${block.ordered ? `${n + 1}.` : '-'} ${inlinesToText(item)}`)
            .join('\n'),
    )
    .join('\n\n');
}
