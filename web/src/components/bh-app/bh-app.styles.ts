import { css } from 'lit';
import { baseStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  css`
    :host {
      display: block;
      min-height: 100vh;
    }
    /* The sync state must stay visible while reading, so the header sticks, but only on a
       screen that is tall for its text: at 200 % text a phone's header takes half the
       screen, so there it scrolls away with the page. Media em follow the browser's text
       size, so a larger text setting turns this off. */
    @media (min-height: 40em) {
      bh-header {
        position: sticky;
        inset-block-start: 0;
        z-index: 5;
      }
      main {
        scroll-margin-block-start: 7rem;
      }
    }
    .skip {
      position: absolute;
      inset-inline-start: 0.5rem;
      inset-block-start: -10rem;
      z-index: 20;
      padding: 0.75rem 1rem;
      border-radius: var(--bh-radius-s);
      border: 0;
      background: var(--bh-primary);
      color: var(--bh-on-primary);
      font: inherit;
      font-weight: 700;
      cursor: pointer;
    }
    .skip:focus {
      inset-block-start: 0.5rem;
      z-index: 30;
    }
    .column {
      /* views size their headings to the column (cqi), see baseStyles */
      container-type: inline-size;
      max-width: var(--bh-column);
      margin: 0 auto;
      padding: 0 1rem 5rem;
    }
    /* Large text on a narrow screen: a narrower edge leaves a long word room on its line. */
    @media (max-width: 22em) {
      .column {
        padding-inline: 0.5rem;
      }
    }
    /* On a phone the menu is one row that scrolls sideways: its entries (up to fourteen
       for a buurtverbinder) in rows took some 300 px of an 844 px screen, above every view.
       The entry of the view shown is scrolled into sight (revealCurrentNavLink). */
    nav ul {
      position: relative;
      list-style: none;
      margin: 1rem 0;
      padding: 0.25rem;
      display: flex;
      gap: 0.25rem;
      overflow-x: auto;
      overscroll-behavior-x: contain;
      scrollbar-width: thin;
      background: #e3e9e6;
      border-radius: var(--bh-radius);
    }
    nav li {
      flex: 0 0 auto;
      white-space: nowrap;
      text-align: center;
    }
    /* Room for them all: rows again, each entry growing to fill its row. */
    @media (min-width: 48em) {
      nav ul {
        flex-wrap: wrap;
        overflow-x: visible;
      }
      nav li {
        flex: 1 1 auto;
        /* a long word (Moderatielogboek) at 200 % text wraps instead of leaving the menu */
        min-width: 0;
        white-space: normal;
        overflow-wrap: anywhere;
      }
    }
    nav a {
      display: flex;
      align-items: center;
      justify-content: center;
      min-height: 44px;
      padding: 0.4rem 0.75rem;
      border-radius: calc(var(--bh-radius) - 0.25rem);
      color: var(--bh-text);
      font-weight: 600;
      text-decoration: none;
      text-align: center;
      line-height: 1.2;
    }
    nav a:hover {
      background: rgb(255 255 255 / 0.6);
    }
    nav a[aria-current='page'] {
      background: var(--bh-surface);
      color: var(--bh-primary);
      box-shadow: var(--bh-shadow);
    }
    main:focus {
      outline: none;
    }
    .readonly {
      margin: 0 0 1rem;
      padding: 0.75rem 1rem;
      border-radius: var(--bh-radius-s);
      background: var(--bh-warning-soft);
      border-inline-start: 5px solid var(--bh-warning);
      font-weight: 600;
    }
    .needs-invite {
      margin: 0 0 1rem;
      padding: 0.75rem 1rem;
      border-radius: var(--bh-radius-s);
      background: var(--bh-warning-soft);
      border-inline-start: 5px solid var(--bh-warning);
    }
    .needs-invite p {
      margin: 0 0 0.5rem;
      font-weight: 600;
    }
    .needs-invite a {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      color: var(--bh-primary);
      font-weight: 700;
    }
    main.join-page,
    main.guest {
      padding-block-start: 1rem;
    }
    .announcement {
      margin: 0;
    }
    .announcement.visible {
      margin: 0 0 1rem;
      padding: 0.75rem 1rem;
      border-radius: var(--bh-radius-s);
      background: var(--bh-primary-soft);
      border-inline-start: 5px solid var(--bh-primary);
      font-weight: 600;
    }
    /* Printing an alert page (A4 for the notice board): only the page, not the app around it. */
    @media print {
      :host {
        min-height: 0;
      }
      bh-header,
      bh-crisis-banner,
      nav,
      .skip,
      .announcement,
      .readonly,
      .needs-invite,
      bh-update-toast,
      bh-name-dialog {
        display: none !important;
      }
      .column {
        max-width: none;
        padding: 0;
      }
    }
  `,
];
