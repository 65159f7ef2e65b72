import { describe, expect, it } from 'vitest';
import { feedPath, routeFromPath } from './route.js';

describe('routes', () => {
  it('opens the join view with the code from an invite link', () => {
    expect(routeFromPath('/join/ABCD-EFGH', null)).toEqual({ kind: 'join', code: 'ABCD-EFGH' });
    expect(routeFromPath('/join/', null)).toEqual({ kind: 'join', code: '' });
    expect(routeFromPath('/join', null)).toEqual({ kind: 'join', code: '' });
  });

  it('drops anything from the link that cannot be part of a code', () => {
    expect(routeFromPath('/join/%3Cscript%3EAB', null)).toEqual({ kind: 'join', code: 'scriptAB' });
    expect(routeFromPath('/join/%E0%A4%A', null)).toEqual({ kind: 'join', code: '' });
  });

  it('opens the neighbourhood named in the path, else the last joined, else the default', () => {
    expect(routeFromPath('/nb/dijkstraat/', 'elders')).toEqual({
      kind: 'neighbourhood',
      slug: 'dijkstraat',
    });
    expect(routeFromPath('/', 'dijkstraat')).toEqual({ kind: 'neighbourhood', slug: 'dijkstraat' });
    expect(routeFromPath('/', null)).toEqual({ kind: 'neighbourhood', slug: 'maasburen' });
    expect(routeFromPath('/', 'Not A Slug')).toEqual({ kind: 'neighbourhood', slug: 'maasburen' });
  });

  it('links to the feed of a neighbourhood', () => {
    expect(feedPath('dijkstraat')).toBe('/nb/dijkstraat/#berichten');
  });
});
