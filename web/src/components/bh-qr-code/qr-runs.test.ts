import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrRuns } from './qr-runs.js';

describe('QR code runs', () => {
  it('covers exactly the dark modules of the code, row by row', () => {
    const text = 'https://buurt.example/join/ABCDEFGH';
    const { size, runs } = qrRuns(text);
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    expect(size).toBe(modules.size);
    const drawn = new Set<string>();
    for (const run of runs) {
      for (let x = run.x; x < run.x + run.width; x++) drawn.add(`${x},${run.y}`);
    }
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        expect(drawn.has(`${x},${y}`)).toBe(Boolean(modules.get(y, x)));
      }
    }
    expect(runs.length).toBeLessThan(drawn.size);
  });
});
