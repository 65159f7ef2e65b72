/**
 * Renders a board's content (validated plain data from the model) as Lit templates with text
 * bindings only: no HTML strings from user content, so nothing a writer types can become
 * markup or script. The same rendering serves the resident's view, the history's side by side
 * view, the poster and the kiosk; `boardContentStyles` typesets it.
 */
import { type BoardNode, blobPath, boardImage, headingLevel } from '@buurthub/shared';
import { type TemplateResult, css, html, nothing } from 'lit';
import { t } from '../i18n/i18n.js';

type Element = Extract<BoardNode, { children: BoardNode[] }>;
type Text = Extract<BoardNode, { type: 'text' }>;

function renderText(node: Text): TemplateResult {
  let out = html`${node.text}`;
  if (node.marks.em) out = html`<em>${out}</em>`;
  if (node.marks.strong) out = html`<strong>${out}</strong>`;
  // The model only keeps http(s) and mailto links (safeHref).
  if (node.marks.link) out = html`<a href=${node.marks.link} rel="noopener noreferrer">${out}</a>`;
  return out;
}

/** How often, and how many times, a photo that is not on the relay yet is asked for again. */
const PHOTO_RETRY_MS = 5_000;
const PHOTO_RETRIES = 60;

/**
 * A photo a writer just added is still going up from their device, so the relay answers
 * 404 at first; the board is live, so ask again for a while instead of showing it broken.
 */
function retryPhoto(event: Event): void {
  const img = event.target as HTMLImageElement;
  const tries = Number(img.dataset['tries'] ?? '0');
  const src = img.getAttribute('src');
  if (!src || tries >= PHOTO_RETRIES) return;
  img.dataset['tries'] = String(tries + 1);
  setTimeout(() => {
    if (img.isConnected) img.setAttribute('src', src);
  }, PHOTO_RETRY_MS);
}

function renderNode(node: BoardNode, top: number): TemplateResult | typeof nothing {
  if (node.type === 'text') return renderText(node);
  const children = (n: Element) => n.children.map((child) => renderNode(child, top));
  switch (node.type) {
    case 'paragraph':
      return html`<p>${children(node)}</p>`;
    case 'heading': {
      // Board headings sit under the page's h2, so level 1 becomes h3. Where the board's
      // title is the page's h1 (the kiosk), aria-level tells the outline so and the
      // typesetting stays the same.
      const level = headingLevel(node);
      const outline = top === 3 ? nothing : String(level + top - 1);
      if (level === 1) return html`<h3 aria-level=${outline}>${children(node)}</h3>`;
      if (level === 2) return html`<h4 aria-level=${outline}>${children(node)}</h4>`;
      return html`<h5 aria-level=${outline}>${children(node)}</h5>`;
    }
    case 'bullet_list':
      return html`<ul>
        ${children(node)}
      </ul>`;
    case 'ordered_list':
      return html`<ol>
        ${children(node)}
      </ol>`;
    case 'list_item':
      return html`<li>${children(node)}</li>`;
    case 'hard_break':
      return html`<br />`;
    case 'image': {
      const image = boardImage(node);
      return image
        ? html`<img
            class="board-image"
            src=${blobPath(image)}
            alt=${image.alt}
            loading="lazy"
            @error=${retryPhoto}
          />`
        : nothing;
    }
    case 'hours':
      return html`<section class="block hours">
        <p class="block-label">${t('boards.block.hours')}</p>
        ${children(node)}
      </section>`;
    case 'contact':
      return html`<section class="block contact">
        <p class="block-label">${t('boards.block.contact')}</p>
        ${children(node)}
      </section>`;
  }
}

/** The board's content; `top` is the outline level of its first-level headings (h3 by default). */
export function renderContent(nodes: BoardNode[], top = 3): TemplateResult {
  return html`<div class="board-content">
    ${
      nodes.length > 0
        ? nodes.map((node) => renderNode(node, top))
        : html`<p class="empty">${t('boards.empty')}</p>`
    }
  </div>`;
}

/** Typesetting of board content; the editor uses the same rules so what you edit is what hangs. */
export const boardContentStyles = css`
  .board-content {
    font-size: 1.05rem;
    line-height: 1.55;
    overflow-wrap: anywhere;
  }
  .board-content > :first-child {
    margin-block-start: 0;
  }
  .board-content h3,
  .board-content h4,
  .board-content h5 {
    line-height: 1.25;
    margin: 1.2em 0 0.4em;
  }
  .board-content h3 {
    font-size: 1.5em;
  }
  .board-content h4 {
    font-size: 1.25em;
  }
  .board-content h5 {
    font-size: 1.05em;
  }
  /* Large text on a narrow screen (as the app's own headings, shared.styles.ts): a board's
     headings shrink with the column, down to 90 % of the body text (they are bold), so a
     word like "Openingstijden" stays whole at 200 % text on a phone. */
  @media (max-width: 22em) {
    .board-content h3 {
      font-size: clamp(0.9em, 9cqi, 1.5em);
    }
    .board-content h4 {
      font-size: clamp(0.9em, 8cqi, 1.25em);
    }
  }
  .board-content p {
    margin: 0 0 0.75em;
  }
  .board-content ul,
  .board-content ol {
    margin: 0 0 0.75em;
    padding-inline-start: 1.5em;
  }
  .board-content li > p {
    margin: 0 0 0.25em;
  }
  .board-content a {
    color: var(--bh-primary);
  }
  .board-content .block {
    margin: 0 0 1em;
    padding: 0.75em 1em 0.25em;
    border-radius: var(--bh-radius-s);
    border-inline-start: 6px solid var(--bh-primary);
    background: var(--bh-primary-soft);
  }
  .board-content .block.contact {
    border-inline-start-color: var(--bh-warning);
    background: var(--bh-warning-soft);
  }
  .board-content .block-label {
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    font-size: 0.85em;
    margin-block-end: 0.4em;
  }
  .board-content .board-image {
    display: block;
    max-width: 100%;
    height: auto;
    margin: 0 0 0.75em;
    border-radius: var(--bh-radius-s);
  }
  .board-content .empty {
    color: var(--bh-muted);
    font-style: italic;
  }
`;
