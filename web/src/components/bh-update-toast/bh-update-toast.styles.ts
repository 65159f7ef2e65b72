import { css } from 'lit';
import { baseStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  css`
    :host {
      position: fixed;
      inset-inline: 0;
      inset-block-end: 1rem;
      display: flex;
      justify-content: center;
      pointer-events: none;
      z-index: 10;
      padding-inline: 1rem;
    }
    .toast {
      pointer-events: auto;
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 0.5rem 0.75rem;
      padding: 0.6rem 0.75rem 0.6rem 1.1rem;
      border-radius: var(--bh-radius);
      background: #17211c;
      color: #fff;
      box-shadow: 0 6px 24px rgb(0 0 0 / 0.25);
      animation: rise 0.25s ease-out;
    }
    .text {
      font-weight: 600;
    }
    .toast button.primary {
      background: #bfe6d2;
      color: #0f3d2c;
    }
    .toast button.primary:hover {
      background: #d6f0e2;
    }
    .ghost {
      background: transparent;
      color: #fff;
      border-color: rgb(255 255 255 / 0.6);
    }
    .toast :focus-visible {
      outline-color: #9ec5ff;
    }
    @keyframes rise {
      from {
        transform: translateY(1rem);
        opacity: 0;
      }
    }
  `,
];
