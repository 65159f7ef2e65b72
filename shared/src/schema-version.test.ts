import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CommunitySpace } from './community/community-space.js';
import { PublicSpace } from './public/public-space.js';
import { SCHEMA_VERSION, SchemaTooNewError } from './schema-version.js';
import { anna, fixedContext, mod } from './test-support.js';

describe('schema version guard', () => {
  it('goes read-only and refuses writes when a newer app wrote the document', () => {
    const doc = new Y.Doc();
    const community = new CommunitySpace(doc, fixedContext());
    community.posts.create({ title: 'Oud', body: 'bericht', category: 'nieuws' }, anna);
    expect(community.readOnly).toBe(false);
    doc.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 1);
    expect(community.readOnly).toBe(true);
    expect(() =>
      community.posts.create({ title: 'Nieuw', body: 'x', category: 'nieuws' }, anna),
    ).toThrow(SchemaTooNewError);
    expect(community.posts.list().map((p) => p.title)).toEqual(['Oud']);
  });

  it('still shows data when the newer version arrives through sync, and says so', () => {
    const newer = new Y.Doc();
    newer.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 1);
    const mine = new PublicSpace(new Y.Doc(), fixedContext());
    let told = 0;
    mine.observeReadOnly(() => told++);
    Y.applyUpdate(mine.doc, Y.encodeStateAsUpdate(newer));
    expect(told).toBe(1);
    expect(mine.readOnly).toBe(true);
    expect(() => mine.settings.set({ name: 'X', villages: [] }, mod)).toThrow(SchemaTooNewError);
  });
});
