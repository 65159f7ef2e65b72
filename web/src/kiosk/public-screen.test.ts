import { CommunitySpace } from '@buurthub/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { unreported } from './public-screen.js';

const bram = { id: 'bram', name: 'Bram', role: 'resident' } as const;

describe("the kiosk's public screen", () => {
  it('leaves out an item as soon as someone reported it, and shows the others', () => {
    const community = new CommunitySpace(new Y.Doc());
    const items = [{ id: 'borrel' }, { id: 'spam-feest' }, { id: 'repair-cafe' }];
    expect(unreported(items, community.reports)).toEqual(items);
    community.reports.report('spam-feest', { kind: 'event', reason: 'spam' }, bram);
    expect(unreported(items, community.reports).map((item) => item.id)).toEqual([
      'borrel',
      'repair-cafe',
    ]);
  });
});
