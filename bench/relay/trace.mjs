/**
 * A synthetic stand-in for the Yjs "B4" editing trace (Martin Kleppmann's character-by-
 * character trace of writing a LaTeX paper: 182,315 single-character inserts and 77,463
 * single-character deletes, 104,852 characters at the end). That trace is not available
 * offline, so this module generates one with the same op counts and a similar shape,
 * deterministically from a seed:
 *
 *  - a cursor types runs of characters (insert at the cursor, cursor moves right);
 *  - sometimes it backspaces a run (delete before the cursor, cursor moves left);
 *  - between runs it usually stays, sometimes jumps to a random position (edits all over
 *    the document, as when revising a paper), biased towards the end (writing new text).
 *
 * The counts of inserts and deletes are exact (scaled by `scale`); run lengths and jump
 * rates were chosen so that one replay encodes to roughly the size of the real trace's
 * document (B4 docSize in crdt-benchmarks: 159,929 bytes).
 *
 * "×N" means what crdt-benchmarks' B4x100 does: replay the same edits N times on one
 * document with the trace's own positions, so each replay edits in front of the text of
 * the previous ones and the document ends with N × the final length.
 */

import { prng } from '../../sync-server/test/reliability/prng.mjs';

export const B4_INSERTS = 182_315;
export const B4_DELETES = 77_463;

// Tuned once so that the op counts are exact and one replay encodes to ~160 kB (see above).
const INS_RUN = 40; // mean typing run
const DEL_RUN = 20; // mean backspace run
const JUMP = 0.03; // chance of jumping anywhere between runs
const JUMP_END = 0.03; // chance of jumping near the end (writing on)
const ALPHABET =
  'eeeeeeeeeeeetttttttttaaaaaaaaoooooooiiiiiiinnnnnnnsssssshhhhhhrrrrrrdddllllcccuuummwwffggyyppbbvk        \n\\{}.,';

/**
 * Edits as [position, deleteCount, insertText] (deleteCount 0 or 1, text '' or one char),
 * the format of crdt-benchmarks' b4-editing-trace.js.
 * @param {{ seed?: number, scale?: number }} [options]
 */
export function generateTrace({ seed = 4, scale = 1 } = {}) {
  const random = prng(seed);
  let inserts = Math.round(B4_INSERTS * scale);
  let deletes = Math.round(B4_DELETES * scale);
  const edits = [];
  let length = 0;
  let cursor = 0;
  const geometric = (mean) => 1 + Math.floor(-Math.log(1 - random()) * (mean - 1));
  while (inserts > 0 || deletes > 0) {
    // Move the cursor between runs: mostly stay, sometimes jump.
    const r = random();
    if (r < JUMP) cursor = Math.floor(random() * (length + 1));
    else if (r < JUMP + JUMP_END) cursor = Math.max(0, length - Math.floor(random() * 200));
    cursor = Math.min(cursor, length);
    // Deletes are due in proportion to what is left, so the two counts run out together.
    const wantDelete = length > 0 && random() < (deletes / (inserts + deletes)) * 1.0;
    if (wantDelete && cursor > 0) {
      let run = Math.min(geometric(DEL_RUN), deletes, cursor);
      deletes -= run;
      while (run-- > 0) {
        cursor--;
        length--;
        edits.push([cursor, 1, '']);
      }
    } else if (inserts > 0) {
      let run = Math.min(geometric(INS_RUN), inserts);
      inserts -= run;
      while (run-- > 0) {
        edits.push([cursor, 0, ALPHABET[Math.floor(random() * ALPHABET.length)]]);
        cursor++;
        length++;
      }
    } else {
      // Only deletes left but the cursor is at 0: jump somewhere with text before it.
      cursor = length;
    }
  }
  return { edits, finalLength: length };
}

/**
 * Replays the trace `times` times into `text` (a Y.Text), one Yjs transaction per edit, as
 * an editor would. `onReplay(i)` runs after each replay (e.g. to cut the update there).
 */
export function replay(doc, text, edits, times, onReplay = () => {}) {
  for (let i = 0; i < times; i++) {
    for (const [pos, del, ins] of edits) {
      doc.transact(() => {
        if (del > 0) text.delete(pos, del);
        if (ins) text.insert(pos, ins);
      });
    }
    onReplay(i);
  }
}
