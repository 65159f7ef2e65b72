import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mediaRefSchema } from '../media.js';
import { anna, fixedContext } from '../test-support.js';
import { ValidationError, readStored } from '../validation.js';
import { CommunitySpace } from './community-space.js';

const video = {
  hash: 'ab'.repeat(32),
  type: 'video/mp4' as const,
  alt: 'De kade loopt onder; het water komt tot aan de bankjes.',
  width: 1280,
  height: 720,
  bytes: 12_000_000,
};
const link = {
  kind: 'video-link' as const,
  url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  title: 'Dijkbewaking 2021',
};

function space() {
  return new CommunitySpace(new Y.Doc(), fixedContext());
}

const post = (photos: unknown[]) => ({
  title: 'Hoogwater',
  body: 'Beelden van de kade.',
  category: 'nieuws' as const,
  photos: photos as never,
});

describe('videos and video links in posts', () => {
  it('keeps a short video with its description and a video link, in order', () => {
    const community = space();
    const created = community.posts.create(post([video, link]), anna);
    expect(created.photos).toEqual([video, link]);
  });

  it('asks a description of a new video, like of a photo', () => {
    const community = space();
    expect(() => community.posts.create(post([{ ...video, alt: undefined }]), anna)).toThrow(
      ValidationError,
    );
    expect(() => community.posts.create(post([{ ...video, alt: '  ' }]), anna)).toThrow(
      ValidationError,
    );
  });

  it('takes only plain https links, never javascript:, http: or data:', () => {
    const community = space();
    for (const url of [
      'javascript:alert(1)',
      'http://www.youtube.com/watch?v=x',
      'data:text/html,<script>alert(1)</script>',
      'https://exa mple.nl/',
    ]) {
      expect(() => community.posts.create(post([{ ...link, url }]), anna), url).toThrow(
        ValidationError,
      );
    }
  });

  it('still shows an older video without a description, and skips a broken link', () => {
    const community = space();
    const created = community.posts.create(post([video]), anna);
    const stored = community.doc.getMap('posts').get(created.id) as Y.Map<unknown>;
    stored.set('photos', [
      { ...video, alt: undefined },
      { kind: 'video-link', url: 'ftp://x' },
    ]);
    const { alt: _alt, ...withoutAlt } = video;
    expect(community.posts.get(created.id)?.photos).toEqual([withoutAlt]);
  });

  it('lets a reader from before video links skip the link and keep the rest', () => {
    // A version-1 reader parses every entry as a media reference and drops what fails.
    const entries = [video, link].map((e) => readStored(mediaRefSchema, e));
    expect(entries).toEqual([video, null]);
  });
});
