import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    inline-size: 100%;
    max-inline-size: 16rem;
  }
  svg {
    display: block;
    inline-size: 100%;
    block-size: auto;
    aspect-ratio: 1;
    /* A dark theme or forced colours must not invert the code into something unreadable. */
    forced-color-adjust: none;
  }
`;
