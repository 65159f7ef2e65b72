import { describe, expect, it } from 'vitest';
import { alertHash, crisisRouteFromHash } from './crisis-route.js';

describe('crisis routes', () => {
  it('reads the crisis pages from the hash and leaves other hashes alone', () => {
    expect(crisisRouteFromHash('#crisis')).toEqual({ page: 'list' });
    expect(crisisRouteFromHash('#crisis-nieuw')).toEqual({ page: 'compose' });
    expect(crisisRouteFromHash(alertHash('a b/1'))).toEqual({ page: 'alert', id: 'a b/1' });
    expect(crisisRouteFromHash('#crisis/%E0%A4%A')).toEqual({ page: 'list' });
    expect(crisisRouteFromHash('#berichten')).toBeNull();
    expect(crisisRouteFromHash('#crisisx')).toBeNull();
    expect(crisisRouteFromHash('')).toBeNull();
  });
});
