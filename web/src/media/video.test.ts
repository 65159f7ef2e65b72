import { describe, expect, it } from 'vitest';
import { sniffVideo } from './video.js';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)),
  );

describe('recognising a video by its first bytes', () => {
  it('knows MP4 and WebM, whatever the file is called', () => {
    expect(sniffVideo(bytes([0, 0, 0, 0x18], 'ftypisom'))).toBe('video/mp4');
    expect(sniffVideo(bytes([0, 0, 0, 0x20], 'ftypmp42'))).toBe('video/mp4');
    expect(sniffVideo(bytes([0x1a, 0x45, 0xdf, 0xa3], [0, 0, 0, 0, 0, 0, 0, 0]))).toBe(
      'video/webm',
    );
  });

  it('refuses QuickTime, HEIC photos and anything else', () => {
    expect(sniffVideo(bytes([0, 0, 0, 0x14], 'ftypqt  '))).toBeNull();
    expect(sniffVideo(bytes([0, 0, 0, 0x18], 'ftypheic'))).toBeNull();
    expect(sniffVideo(bytes([0xff, 0xd8, 0xff, 0xe0], [0, 0, 0, 0, 0, 0, 0, 0]))).toBeNull();
    expect(sniffVideo(bytes('<html><body>'))).toBeNull();
    expect(sniffVideo(new Uint8Array(0))).toBeNull();
  });
});
