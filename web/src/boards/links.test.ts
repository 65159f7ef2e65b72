import { describe, expect, it } from 'vitest';
import { routeFromHash } from '../app/route.js';
import { boardPublicUrl } from './links.js';

describe('board links', () => {
  it('points the QR code at the board page in the right neighbourhood', () => {
    const url = new URL(boardPublicUrl('https://buurt.example.nl', 'maasburen', 'b 1'));
    expect(url.pathname).toBe('/nb/maasburen/');
    expect(routeFromHash(url.hash)).toEqual({ view: 'boards', page: 'board', boardId: 'b 1' });
  });
});
