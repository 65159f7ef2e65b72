/** Upgrade and write probes for the permission tests, over real WebSockets. */
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { rawClient } from './clients.js';
import { updateFrame } from './frames.js';
import { waitFor } from './wait.js';

/** The HTTP status an upgrade is refused with, or 101 if it was accepted. */
export async function upgradeStatus(relayUrl: string, room: string, token = ''): Promise<number> {
  const query = token ? `?token=${encodeURIComponent(token)}` : '?token=';
  return upgradeStatusAt(relayUrl, `/sync/${room}${query}`);
}

/** As `upgradeStatus`, for any path: also the ones that name no room at all. */
export async function upgradeStatusAt(relayUrl: string, path: string): Promise<number> {
  const socket = new WebSocket(relayUrl.replace(/^http/, 'ws') + path);
  return new Promise((resolve) => {
    socket.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('open', () => {
      resolve(101);
      socket.close();
    });
    socket.on('error', () => {});
  });
}

/** A small real update, as a client would send it. */
export function someUpdate(text = 'hallo'): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('probe').set('text', text);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** Connects with `token`, sends `count` updates and reports what the relay answered. */
export async function tryWrite(
  relayUrl: string,
  room: string,
  token: string,
  count = 1,
): Promise<{ result: 'stored' | 'denied'; denials: number }> {
  const client = await rawClient(relayUrl, room, `?ack=1&token=${encodeURIComponent(token)}`);
  try {
    for (let i = 0; i < count; i++) client.socket.send(updateFrame(someUpdate(`w${i}`)));
    // y-protocols auth message: type 2, permission denied (0).
    const isDenial = (m: Uint8Array) => m[0] === 2 && m[1] === 0;
    const result = await waitFor(
      () =>
        client.acks().some((ack) => ack.size > 0)
          ? ('stored' as const)
          : client.messages.some(isDenial) && ('denied' as const),
      `an ack or a denial from ${room}`,
    );
    // Give any further (wrong) denials a round trip to arrive: a query answered proves it.
    client.socket.send(new Uint8Array([3]));
    const before = client.messages.length;
    await waitFor(() => client.messages.length > before, 'the answer to a query');
    return { result, denials: client.messages.filter(isDenial).length };
  } finally {
    client.close();
  }
}
