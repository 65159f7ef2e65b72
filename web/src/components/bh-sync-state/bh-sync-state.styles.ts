import { css } from 'lit';
import { baseStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  css`
    :host {
      display: block;
      min-width: 0;
    }
    .indicator {
      display: inline-flex;
      align-items: center;
      gap: 0.5rem;
      max-width: 100%;
      padding: 0.3rem 0.8rem;
      border-radius: 1.2rem;
      border: 1px solid var(--bh-border);
      background: var(--bh-surface);
      font-size: 0.9rem;
      line-height: 1.3;
    }
    .dot {
      flex: none;
      width: 0.7rem;
      height: 0.7rem;
      border-radius: 50%;
      background: var(--bh-primary);
    }
    .busy .dot {
      background: #c27a00;
      animation: pulse 1.6s ease-in-out infinite;
    }
    .offline {
      background: var(--bh-warning-soft);
      border-color: #e3c48f;
    }
    .offline .dot {
      background: transparent;
      border: 2px solid var(--bh-warning);
    }
    @keyframes pulse {
      50% {
        opacity: 0.35;
      }
    }
  `,
];
