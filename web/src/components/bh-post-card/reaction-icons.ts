/**
 * Reaction icons as inline SVG. Emoji need a colour-emoji font, which kiosks and many Linux
 * machines lack (they drew empty boxes); SVG paths draw the same everywhere and take the
 * button's text colour, so a pressed reaction stays in contrast.
 */
import type { ReactionKind } from '@buurthub/shared';
import { type SVGTemplateResult, html, svg } from 'lit';

const PATHS: Record<ReactionKind, SVGTemplateResult> = {
  heart: svg`<path fill="currentColor" d="M12 21.35l-1.45-1.32C5.4 15.36 2 12.28 2 8.5 2 5.42 4.42 3 7.5 3c1.74 0 3.41.81 4.5 2.09C13.09 3.81 14.76 3 16.5 3 19.58 3 22 5.42 22 8.5c0 3.78-3.4 6.86-8.55 11.54L12 21.35z"/>`,
  thanks: svg`<path fill="currentColor" d="M12 17.27L18.18 21l-1.64-7.03L22 9.24l-7.19-.61L12 2 9.19 8.63 2 9.24l5.46 4.73L5.82 21z"/>`,
  helpful: svg`<path fill="currentColor" d="M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z"/>`,
  laugh: svg`<circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" stroke-width="2"/><circle cx="8.5" cy="9.5" r="1.5" fill="currentColor"/><circle cx="15.5" cy="9.5" r="1.5" fill="currentColor"/><path fill="currentColor" d="M6.5 13.5h11a5.5 5.5 0 0 1-11 0z"/>`,
};

/** The icon for `kind`, hidden from assistive technology (the button's text names it). */
export function reactionIcon(kind: ReactionKind) {
  return html`<svg
    class="reaction-icon"
    viewBox="0 0 24 24"
    width="20"
    height="20"
    aria-hidden="true"
    focusable="false"
  >
    ${PATHS[kind]}
  </svg>`;
}
