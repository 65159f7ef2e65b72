/**
 * Loaded into every server process with `node --import` (and `--expose-gc`): answers the
 * benchmark's IPC requests for this process's memory and CPU use, optionally after a full
 * garbage collection. It adds nothing else to the server; without an IPC channel it is inert.
 */
if (typeof process.send === 'function') {
  process.on('message', (message) => {
    if (!message || message.type !== 'bench-stats') return;
    if (message.gc && typeof globalThis.gc === 'function') {
      globalThis.gc();
      globalThis.gc();
    }
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    process.send({ type: 'bench-stats', id: message.id, memory, cpu, uptime: process.uptime() });
  });
  // Do not keep a server alive just for the channel; it stops on SIGTERM as usual.
  process.channel?.unref();
  process.on('disconnect', () => process.exit(0));
}
