import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    min-inline-size: 0;
  }
  figure {
    inline-size: 100%;
    position: relative;
    margin: 0;
    overflow: hidden;
    border-radius: var(--bh-radius-s);
    background: var(--bh-primary-soft);
    max-block-size: 70vh;
  }
  img {
    display: block;
    inline-size: 100%;
    max-inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }
  .missing {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    margin: 0;
    padding: 1rem;
    text-align: center;
    color: var(--bh-muted);
    font-weight: 600;
    background: var(--bh-primary-soft);
  }
  .upload {
    position: absolute;
    inset-inline: 0;
    inset-block-end: 0;
    padding: 0.45rem 0.7rem;
    background: rgb(0 0 0 / 0.72);
    color: #fff;
    font-size: 0.9rem;
    font-weight: 600;
  }
  .upload label {
    display: flex;
    align-items: center;
    gap: 0.6rem;
  }
  progress {
    flex: 1;
    block-size: 0.6rem;
    accent-color: #8fe3bd;
  }
  figure.video {
    overflow: visible;
    max-block-size: none;
    background: none;
  }
  .frame {
    position: relative;
    overflow: hidden;
    border-radius: var(--bh-radius-s);
    background: #000;
    max-block-size: 70vh;
  }
  video {
    display: block;
    inline-size: 100%;
    block-size: 100%;
  }
  .description {
    margin: 0.4rem 0 0;
    color: var(--bh-text);
    font-size: 0.95rem;
    overflow-wrap: anywhere;
  }
  .video .upload {
    position: static;
    margin: 0.4rem 0 0;
    border-radius: var(--bh-radius-s);
  }
`;
