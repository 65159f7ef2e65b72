/**
 * Clients for tests: stock y-websocket providers (what the PWA uses) and raw sockets that
 * send hand-made frames and record what comes back.
 */
import * as decoding from 'lib0/decoding';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MESSAGE_ACK, readAck } from '@buurthub/shared';
import { defaultToken } from './tokens.js';
import { waitFor } from './wait.js';

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/** A stock y-websocket client; `relayUrl` is the relay's http:// URL. */
export function stockClient(
  relayUrl: string,
  room: string,
  params: Record<string, string> = {},
): TestClient {
  const token = params.token ?? defaultToken(relayUrl, room);
  if (token !== undefined) params = { ...params, token };
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${relayUrl.replace(/^http/, 'ws')}/sync`, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params,
  });
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function synced(client: TestClient): Promise<void> {
  await waitFor(() => client.provider.synced, 'client to sync');
}

/** A raw WebSocket that records every binary message and how it was closed. */
export interface RawClient {
  socket: WebSocket;
  messages: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
  /** Ack messages received so far, decoded. */
  acks(): Map<number, number>[];
  close(): void;
}

export async function rawClient(relayUrl: string, room: string, query = ''): Promise<RawClient> {
  const token = defaultToken(relayUrl, room);
  if (token !== undefined && !/[?&]token=/.test(query)) {
    query = `${query}${query.includes('?') ? '&' : '?'}token=${token}`;
  }
  const socket = new WebSocket(`${relayUrl.replace(/^http/, 'ws')}/sync/${room}${query}`);
  const messages: Uint8Array[] = [];
  socket.binaryType = 'nodebuffer';
  socket.on('message', (data: Buffer) => messages.push(new Uint8Array(data)));
  socket.on('error', () => {});
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_req, res) =>
      reject(new Error(`upgrade refused: ${res.statusCode}`)),
    );
    socket.once('error', reject);
  });
  return {
    socket,
    messages,
    closed,
    acks: () =>
      messages
        .filter((message) => message[0] === MESSAGE_ACK)
        .map((message) => {
          const decoder = decoding.createDecoder(message);
          decoding.readVarUint(decoder);
          return readAck(decoder);
        }),
    close: () => socket.close(),
  };
}
