/**
 * The memory the relay (running in this test process) keeps: JavaScript heap plus what lives
 * outside it (Buffers, socket data), measured after a full garbage collection, so a fuzzer
 * can tell retained memory from garbage not collected yet. Without the forced collection the
 * heap swings by tens of MiB between two readings, and only a very large leak would show.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
/** The collector `--expose-gc` installs, taken from a fresh context (this one predates it). */
const collect = runInNewContext('gc') as () => void;

export function retainedMemoryBytes(): number {
  collect();
  collect();
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
}

export const MiB = 1024 * 1024;
