import { css } from 'lit';
import { eventItemStyles } from '../../agenda/event-item.js';
import { baseStyles } from '../../styles/shared.styles.js';

export const styles = [
  baseStyles,
  eventItemStyles,
  css`
    :host {
      display: block;
    }
    .month-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
    }
    .month-head button {
      font-size: 1.4rem;
      padding: 0.25rem 0.9rem;
    }
    h3 {
      margin: 0;
      font-size: 1.25rem;
      text-transform: capitalize;
    }
    h3:focus {
      outline: none;
    }
    h3:focus-visible {
      outline: 3px solid var(--bh-focus);
    }
    #month-help {
      margin: 0.25rem 0 0.75rem;
    }
    table {
      width: 100%;
      border-collapse: separate;
      border-spacing: 2px;
      table-layout: fixed;
      background: var(--bh-surface);
      border: 1px solid var(--bh-border);
      border-radius: var(--bh-radius);
      padding: 0.25rem;
    }
    th {
      font-size: 0.85rem;
      padding: 0.35rem 0;
      color: var(--bh-muted);
      text-transform: capitalize;
    }
    td {
      vertical-align: top;
      height: 3.25rem;
      padding: 0.25rem;
      border-radius: var(--bh-radius-s);
      cursor: pointer;
      position: relative;
      overflow: hidden;
    }
    td:hover {
      background: var(--bh-primary-soft);
    }
    /* Large text on a narrow screen: a seventh of the phone has room for "26" only
       without the cell's side padding. */
    @media (max-width: 22em) {
      table {
        padding-inline: 0;
      }
      th,
      td {
        padding-inline: 0;
        text-align: center;
      }
    }
    td.outside .num {
      color: #6b7772;
      font-weight: 400;
    }
    td[aria-current='date'] .num {
      display: inline-grid;
      place-items: center;
      min-width: min(1.7rem, 100%);
      height: 1.7rem;
      border-radius: 999px;
      background: var(--bh-primary);
      color: var(--bh-on-primary);
    }
    td[aria-selected='true'] {
      box-shadow: inset 0 0 0 2px var(--bh-primary);
      background: var(--bh-primary-soft);
    }
    td:focus-visible {
      outline: 3px solid var(--bh-focus);
      outline-offset: -3px;
    }
    .num {
      font-weight: 700;
    }
    .titles {
      display: block;
    }
    .title,
    .more {
      display: none;
    }
    .dot {
      display: block;
      width: 0.5rem;
      height: 0.5rem;
      margin: 0.2rem auto 0;
      border-radius: 999px;
      background: var(--bh-primary);
    }
    @media (min-width: 48rem) {
      td {
        height: 6rem;
      }
      .title {
        display: block;
        font-size: 0.8rem;
        line-height: 1.25;
        margin-block-start: 0.2rem;
        padding: 0.1rem 0.3rem;
        border-radius: 0.3rem;
        background: var(--bh-primary);
        color: var(--bh-on-primary);
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .title.cancelled {
        background: var(--bh-danger);
      }
      .more {
        display: block;
        font-size: 0.8rem;
        color: var(--bh-muted);
      }
      .dot {
        display: none;
      }
    }
    .day {
      margin-block-start: 1rem;
    }
    h4 {
      margin: 0 0 0.5rem;
      font-size: 1.1rem;
    }
    h4::first-letter {
      text-transform: uppercase;
    }
  `,
];
