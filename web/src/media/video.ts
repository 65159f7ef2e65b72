/**
 * Checking a short video before it joins a post: MP4 or WebM by its first bytes (the file
 * name and the browser's guess do not count; the relay sniffs the same way), within the
 * relay's size limit, and its frame size when the browser can read it. Videos are not
 * re-encoded on the device: that would take minutes on a phone.
 */
export type VideoType = 'video/mp4' | 'video/webm';

/** Not an MP4 or WebM file (a QuickTime .mov, say, or not a video at all). */
export class VideoTypeError extends Error {
  constructor() {
    super('not an MP4 or WebM video');
  }
}

export class VideoTooLargeError extends Error {
  constructor(
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    super(`video of ${bytes} bytes is over the limit of ${maxBytes}`);
  }
}

export interface CheckedVideo {
  type: VideoType;
  width?: number;
  height?: number;
}

/** The type of the bytes: `ftyp` at offset 4 (but not QuickTime) is MP4, EBML is WebM. */
export function sniffVideo(head: Uint8Array): VideoType | null {
  const text = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (head.length >= 12 && text(4, 8) === 'ftyp') {
    const brand = text(8, 12);
    // QuickTime, and HEIF/AVIF still images that share the container.
    if (['qt  ', 'heic', 'heix', 'mif1', 'msf1', 'avif', 'avis'].includes(brand)) return null;
    return 'video/mp4';
  }
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) {
    return 'video/webm';
  }
  return null;
}

/** The frame size, or nothing when the browser cannot read it within a few seconds. */
function frameSize(file: Blob): Promise<{ width?: number; height?: number }> {
  return new Promise((resolve) => {
    const video = document.createElement('video');
    const url = URL.createObjectURL(file);
    const done = (size: { width?: number; height?: number }) => {
      clearTimeout(timer);
      URL.revokeObjectURL(url);
      video.removeAttribute('src');
      resolve(size);
    };
    const timer = setTimeout(() => done({}), 5000);
    video.preload = 'metadata';
    video.muted = true;
    video.onloadedmetadata = () =>
      done(video.videoWidth > 0 ? { width: video.videoWidth, height: video.videoHeight } : {});
    video.onerror = () => done({});
    video.src = url;
  });
}

export async function checkVideo(file: Blob, maxBytes: number): Promise<CheckedVideo> {
  const type = sniffVideo(new Uint8Array(await file.slice(0, 12).arrayBuffer()));
  if (!type) throw new VideoTypeError();
  if (file.size > maxBytes) throw new VideoTooLargeError(file.size, maxBytes);
  return { type, ...(await frameSize(file)) };
}
