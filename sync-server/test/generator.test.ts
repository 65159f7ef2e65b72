import { describe, expect, it } from 'vitest';
import { CommunitySpace, PublicSpace } from '@buurthub/shared';
// The performance issue's generator (bench/gen): it must write what it says it wrote.
import { generate } from '../../bench/gen/generate.mjs';

describe('the neighbourhood generator', () => {
  it('writes a readable neighbourhood with the counts it reports, the same for the same seed', () => {
    const { publicDoc, communityDoc, counts } = generate({ years: 1, households: 60, seed: 7 });
    const community = new CommunitySpace(communityDoc);
    const pub = new PublicSpace(publicDoc);
    const posts = community.posts.list();
    expect(posts).toHaveLength(counts.posts);
    expect(counts.posts).toBe(60);
    expect(posts.reduce((n, p) => n + p.comments.length, 0)).toBe(counts.comments);
    expect(community.events.all()).toHaveLength(counts.events);
    expect(pub.boards.list()).toHaveLength(counts.boards);
    expect(pub.boards.list().reduce((n, b) => n + pub.boards.versions(b.id).length, 0)).toBe(
      counts.boardVersions,
    );
    expect(pub.settings.get()?.villages).toContain('Mook');

    // Same seed, same neighbourhood (Yjs client ids differ, the content does not).
    const again = generate({ years: 1, households: 60, seed: 7 });
    expect(new CommunitySpace(again.communityDoc).posts.list()).toEqual(posts);
    expect(new CommunitySpace(again.communityDoc).events.all()).toEqual(community.events.all());
  });
});
