import { css } from 'lit';
import { crisisStyles } from '../../crisis/present.js';
import { baseStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  crisisStyles,
  css`
    :host {
      display: block;
    }
    :host([active]) {
      background: var(--bh-danger-soft);
      border-block-end: 3px solid var(--bh-danger);
    }
    .banner {
      max-width: var(--bh-column);
      margin: 0 auto;
      padding: 0.75rem 1rem 1rem;
    }
    .top {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
      margin: 0 0 0.5rem;
    }
    .label {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      margin: 0;
      font-size: 0.95rem;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--bh-danger);
    }
    .icon {
      display: inline-grid;
      place-items: center;
      width: 1.4rem;
      height: 1.4rem;
      border-radius: 50%;
      background: var(--bh-danger);
      color: #fff;
      font-size: 0.9rem;
    }
    .notify {
      min-height: 44px;
      padding: 0.35rem 0.9rem;
      font-size: 0.95rem;
    }
    .announce {
      margin: 0;
    }
    .announce:not(.visible) {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    .announce.visible {
      background: var(--bh-surface);
      border: 2px solid var(--bh-danger);
      border-radius: var(--bh-radius-s);
      padding: 0.5rem 0.75rem;
      margin: 0 0 0.75rem;
      font-weight: 600;
    }
    .alert {
      background: var(--bh-surface);
      border: 1px solid #efc3bf;
      border-inline-start: 8px solid var(--sev);
      border-radius: var(--bh-radius-s);
      padding: 0.75rem 1rem;
    }
    .alert + .alert {
      margin-block-start: 0.75rem;
    }
    h3 {
      margin: 0 0 0.35rem;
      font-size: 1.2rem;
      line-height: 1.3;
    }
    p {
      margin: 0 0 0.5rem;
    }
    .update-text {
      white-space: pre-line;
    }
    .villages,
    .age {
      color: var(--bh-muted);
      font-size: 0.9rem;
    }
    .update {
      border-block-start: 1px solid var(--bh-border);
      padding-block-start: 0.5rem;
      margin-block-start: 0.5rem;
    }
    .update-meta {
      font-weight: 700;
      font-size: 0.9rem;
      margin-block-end: 0.2rem;
      color: var(--bh-danger);
    }
    .update-text {
      margin: 0;
    }
    .footer {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: center;
      gap: 0.5rem;
      margin: 0.6rem 0 0;
    }
    .footer a {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      font-weight: 700;
      color: var(--bh-primary);
    }
  `,
];
