/**
 * One measurement on the shared machine: wait for a quiet moment, run it, and note how busy
 * the rest of the machine was. Fan-out is CPU-bound: if other processes took more than half
 * a core during it, run it once more (while `mayRetry()` allows) and keep the quieter of
 * the two.
 */
import { disturbance, machineInfo } from '../report.mjs';
import { waitForQuiet } from './util.mjs';

/** `run(attempt)` measures once and returns its result; `summary(result)` is a log line. */
export async function measureQuietly({ what, maxWaitMs, mayRetry, run, summary, log }) {
  let best = null;
  for (let attempt = 1; attempt <= 2; attempt++) {
    const quiet = await waitForQuiet({ maxWaitMs });
    log(`${what} (rest of the machine busy: ${quiet.toFixed(2)} cores)`);
    const loadBefore = machineInfo().loadNow;
    let result;
    try {
      result = await run(attempt);
      result.load = { before: loadBefore, after: machineInfo().loadNow, othersBusyBefore: quiet };
      result.attempt = attempt;
      log(`  ${summary(result)}`);
    } catch (error) {
      result = { error: error.message };
      log(`  FAILED: ${error.message}`);
    }
    if (!best || (best.error && !result.error) || disturbance(result) < disturbance(best)) {
      best = result;
    }
    if (best.error || disturbance(best) <= 0.5 || !mayRetry()) break;
    log(`  disturbed (${disturbance(result).toFixed(2)} cores used by others): once more`);
  }
  return best;
}
