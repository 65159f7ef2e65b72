/**
 * A QR code as horizontal runs of dark modules, for drawing with a few SVG rects instead of
 * one per module (a 33×33 code has ~550 dark modules but ~200 runs).
 */
import QRCode from 'qrcode';

export interface QrRun {
  x: number;
  y: number;
  width: number;
}

export interface QrRuns {
  /** Modules per side, without the quiet zone. */
  size: number;
  runs: QrRun[];
}

/** Encodes `text` (error correction M: survives a smudged print or a cracked screen). */
export function qrRuns(text: string): QrRuns {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const runs: QrRun[] = [];
  for (let y = 0; y < size; y++) {
    let start = -1;
    for (let x = 0; x <= size; x++) {
      const dark = x < size && Boolean(modules.get(y, x));
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        runs.push({ x: start, y, width: x - start });
        start = -1;
      }
    }
  }
  return { size, runs };
}
