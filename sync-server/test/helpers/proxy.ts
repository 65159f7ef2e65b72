/**
 * A TCP proxy of our own on 127.0.0.1, between clients and a relay, that makes the network
 * misbehave without touching either side:
 * - `cut()` resets every connection and refuses new ones until `heal()` (a partition);
 * - `drop(share)` resets a share of the open connections (chosen by the test's random), so
 *   clients reconnect at different moments and their updates reach the relay in another
 *   order than they were written (reordering by reconnect);
 * - `delay(min, max)` holds every chunk back, each connection by its own latency, so
 *   traffic of different connections overtakes each other (order within one is kept, as
 *   TCP keeps it);
 * - `blackhole()` cuts half-open: sockets stay open but every byte in both directions is
 *   silently swallowed, with no FIN or RST, as when a phone leaves the Wi-Fi mid-session.
 *   New connections are black-holed too. `heal()` resets the black-holed connections (the
 *   network is back, but their state is gone) and lets new ones through again.
 */
import { createServer, type Socket, connect } from 'node:net';

export interface TcpProxy {
  port: number;
  cut(): void;
  heal(): void;
  drop(share: number, random?: () => number): void;
  delay(minMs: number, maxMs?: number, random?: () => number): void;
  blackhole(): void;
  /** Connections currently open through the proxy. */
  readonly connections: number;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  target: Socket;
  /** Latency of this connection, each way. */
  latencyMs: number;
  blackholed: boolean;
}

export async function tcpProxy(targetPort: number): Promise<TcpProxy> {
  const pairs = new Set<Pair>();
  let mode: 'open' | 'cut' | 'blackhole' = 'open';
  let latency = { min: 0, max: 0, random: Math.random };

  function destroy(pair: Pair): void {
    pair.client.destroy();
    pair.target.destroy();
    pairs.delete(pair);
  }

  function forward(pair: Pair, from: Socket, to: Socket): void {
    // Chunks leave in arrival order, none earlier than its latency: a timer per chunk
    // would let a later chunk overtake when the latency changes.
    // `null` is the end of the stream (FIN), which must not overtake the data before it.
    const queue: { at: number; chunk: Buffer | null }[] = [];
    let timer: NodeJS.Timeout | null = null;
    let closing = false;
    const flush = () => {
      timer = null;
      while (queue.length > 0 && (queue[0] as { at: number }).at <= Date.now()) {
        const { chunk } = queue.shift() as { chunk: Buffer | null };
        if (pair.blackholed || to.destroyed || to.writableEnded) continue;
        if (chunk) to.write(chunk);
        else to.end();
      }
      if (queue.length === 0 && closing) destroy(pair);
      if (queue.length > 0) timer = setTimeout(flush, (queue[0] as { at: number }).at - Date.now());
    };
    const pass = (chunk: Buffer | null) => {
      // A black-holed connection sends no FIN either: the other side must find out itself.
      if (pair.blackholed) return;
      if (pair.latencyMs === 0 && queue.length === 0) {
        if (chunk) to.write(chunk);
        else to.end();
        return;
      }
      queue.push({ at: Date.now() + pair.latencyMs, chunk });
      timer ??= setTimeout(flush, pair.latencyMs);
    };
    from.on('data', (chunk: Buffer) => pass(chunk));
    from.on('end', () => pass(null));
    from.on('close', () => {
      if (pair.blackholed) return;
      // What is still held back is delivered first, then the other side is closed too.
      if (queue.length === 0) destroy(pair);
      else closing = true;
    });
    from.on('error', () => {
      if (!pair.blackholed) destroy(pair);
    });
  }

  const server = createServer((client) => {
    if (mode === 'cut') {
      client.destroy();
      return;
    }
    const target = connect(targetPort, '127.0.0.1');
    const { min, max, random } = latency;
    const pair: Pair = {
      client,
      target,
      latencyMs: Math.round(min + random() * (max - min)),
      blackholed: mode === 'blackhole',
    };
    pairs.add(pair);
    forward(pair, client, target);
    forward(pair, target, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('proxy has no port');
  return {
    port: address.port,
    cut() {
      mode = 'cut';
      for (const pair of [...pairs]) destroy(pair);
    },
    heal() {
      mode = 'open';
      for (const pair of [...pairs]) if (pair.blackholed) destroy(pair);
    },
    drop(share, random = Math.random) {
      for (const pair of [...pairs]) if (random() < share) destroy(pair);
    },
    delay(minMs, maxMs = minMs, random = Math.random) {
      latency = { min: minMs, max: maxMs, random };
      for (const pair of pairs) pair.latencyMs = Math.round(minMs + random() * (maxMs - minMs));
    },
    blackhole() {
      mode = 'blackhole';
      for (const pair of pairs) pair.blackholed = true;
    },
    get connections() {
      return pairs.size;
    },
    close() {
      for (const pair of [...pairs]) destroy(pair);
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
