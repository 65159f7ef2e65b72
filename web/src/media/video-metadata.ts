/**
 * Takes the user data out of an MP4 before it leaves the phone: phones write where a video
 * was taken (`©xyz` in `moov/udta`, Apple's location key in `moov/meta`), the device and
 * sometimes the owner's name. Photos lose this by being re-encoded; a video is not
 * re-encoded (minutes on a phone), so its `udta` and `meta` boxes in the movie and its
 * tracks are blanked in place instead: renamed to `free` and zero-filled. No size changes,
 * so every offset into the media data stays right and the video plays as before.
 * WebM is left as it is: phones do not put a location in it.
 */

const BLANKED = new Set(['udta', 'meta']);
const CONTAINERS = new Set(['moov', 'trak']);

function boxType(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at + 4]!, bytes[at + 5]!, bytes[at + 6]!, bytes[at + 7]!);
}

/** The box's size in bytes (32-bit, 64-bit `largesize`, or 0 = to the end), or null if broken. */
function boxSize(view: DataView, at: number, end: number): number | null {
  if (at + 8 > end) return null;
  const size = view.getUint32(at);
  if (size === 0) return end - at;
  if (size === 1) {
    if (at + 16 > end) return null;
    const large = Number(view.getBigUint64(at + 8));
    return large >= 16 && at + large <= end ? large : null;
  }
  return size >= 8 && at + size <= end ? size : null;
}

function blankBoxes(bytes: Uint8Array, view: DataView, start: number, end: number): number {
  let blanked = 0;
  for (let at = start; at < end;) {
    const size = boxSize(view, at, end);
    if (size === null) break;
    const type = boxType(bytes, at);
    if (BLANKED.has(type)) {
      bytes.set([0x66, 0x72, 0x65, 0x65], at + 4); // 'free'
      const header = view.getUint32(at) === 1 ? 16 : 8;
      bytes.fill(0, at + header, at + size);
      blanked++;
    } else if (CONTAINERS.has(type)) {
      blanked += blankBoxes(bytes, view, at + 8, at + size);
    }
    at += size;
  }
  return blanked;
}

/** A copy of `bytes` with the user data blanked (MP4); how many boxes were blanked. */
export function stripVideoMetadata(
  bytes: Uint8Array<ArrayBuffer>,
  type: 'video/mp4' | 'video/webm',
): { bytes: Uint8Array<ArrayBuffer>; blanked: number } {
  if (type !== 'video/mp4') return { bytes, blanked: 0 };
  const copy = bytes.slice();
  const view = new DataView(copy.buffer, copy.byteOffset, copy.byteLength);
  const blanked = blankBoxes(copy, view, 0, copy.byteLength);
  return { bytes: copy, blanked };
}
