/**
 * Clients for the three servers, built from the same pieces so that workloads do not care
 * which server they talk to:
 *
 *  - `openProvider`: a full client — stock y-websocket `WebsocketProvider` (Buurthub and the
 *    reference server speak the same protocol) or Hocuspocus' own `HocuspocusProvider`
 *    (its protocol prefixes every message with the document name, so y-websocket cannot
 *    talk to it). Node has no global WebSocket, so both get `ws` as the polyfill;
 *    y-websocket also gets `disableBc: true` so clients in one process never sync
 *    over BroadcastChannel.
 *  - `RawClient`: a bare `ws` socket that does only the sync handshake (sync step 1 and the
 *    reply to the server's step 1), for thousands of idle connections, probes and uploads.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { withTimeout } from './util.mjs';

/** A `ws` subclass that counts what it receives into `counter` ({ bytes, frames }). */
export function countingWebSocket(counter) {
  return class CountingWebSocket extends WebSocket {
    constructor(...args) {
      super(...args);
      this.on('message', (data) => {
        counter.frames++;
        counter.bytes += Array.isArray(data)
          ? data.reduce((sum, part) => sum + part.byteLength, 0)
          : data.byteLength;
      });
    }
  };
}

/**
 * Opens a full client on `room`. Returns { doc, provider, synced (a promise), closes (count
 * of unexpected socket closes), connect(), disconnect(), destroy() }.
 */
export function openProvider(
  target,
  room,
  { token = null, counter = null, doc = new Y.Doc() } = {},
) {
  const WebSocketPolyfill = counter ? countingWebSocket(counter) : WebSocket;
  const client = { doc, closes: [], synced: null };
  let resolveSynced;
  const newSynced = () => {
    client.synced = new Promise((resolve) => (resolveSynced = resolve));
  };
  newSynced();
  if (target.protocol === 'hocuspocus') {
    const provider = new HocuspocusProvider({
      url: target.wsBase,
      name: room,
      document: doc,
      token: token ?? '',
      WebSocketPolyfill,
      onSynced: () => resolveSynced(),
      onClose: ({ event }) => client.closes.push(event?.code),
    });
    client.provider = provider;
    client.connect = () => {
      newSynced();
      return provider.connect();
    };
    client.disconnect = () => provider.disconnect();
    client.destroy = () => {
      provider.destroy();
      doc.destroy();
    };
  } else {
    const provider = new WebsocketProvider(target.wsBase, room, doc, {
      WebSocketPolyfill,
      disableBc: true,
      params: token ? { token } : {},
    });
    provider.on('sync', (isSynced) => {
      if (isSynced) resolveSynced();
    });
    provider.on('connection-close', (event) => client.closes.push(event?.code));
    client.provider = provider;
    client.connect = () => {
      newSynced();
      provider.connect();
    };
    client.disconnect = () => provider.disconnect();
    client.destroy = () => {
      provider.destroy();
      doc.destroy();
    };
  }
  return client;
}

const MESSAGE_SYNC = 0;
const MESSAGE_AUTH = 2;
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** An empty document's state vector and its "nothing new" update. */
const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());

/**
 * A bare socket doing what a stock client does on connect, nothing more: send sync step 1
 * (empty state vector unless given), answer the server's step 1 with an empty step 2, and
 * note the server's state vector and step 2. For Hocuspocus it first sends the
 * authentication message its protocol requires. With `onUpdate`, it hands every sync update
 * it receives to that function (a light receiver: no Y.Doc, no awareness).
 */
export class RawClient {
  constructor(
    target,
    room,
    { token = null, stateVector = EMPTY_STATE_VECTOR, onUpdate = null } = {},
  ) {
    this.target = target;
    this.onUpdate = onUpdate;
    this.room = room;
    this.stateVector = stateVector;
    this.serverStateVector = null;
    this.bytesReceived = 0;
    this.closedWith = null;
    this.opened = false;
    const url =
      target.protocol === 'hocuspocus'
        ? target.wsBase
        : `${target.wsBase}/${room}${token ? `?token=${encodeURIComponent(token)}` : ''}`;
    this.ws = new WebSocket(url, { perMessageDeflate: false });
    this.ws.binaryType = 'nodebuffer';
    this.synced = new Promise((resolve, reject) => {
      this.resolveSynced = resolve;
      this.rejectSynced = reject;
    });
    this.synced.catch(() => {});
    this.gotStateVector = new Promise((resolve) => (this.resolveStateVector = resolve));
    this.ws.on('open', () => {
      this.opened = true;
      if (target.protocol === 'hocuspocus') {
        this.sendMessage((encoder) => {
          encoding.writeVarUint(encoder, MESSAGE_AUTH);
          encoding.writeVarUint(encoder, 0); // token
          encoding.writeVarString(encoder, token ?? '');
        });
      }
      this.sendMessage((encoder) => {
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        encoding.writeVarUint(encoder, SYNC_STEP_1);
        encoding.writeVarUint8Array(encoder, this.stateVector);
      });
    });
    this.ws.on('message', (data) => this.onMessage(data));
    this.ws.on('error', (error) => this.rejectSynced(error));
    this.ws.on('unexpected-response', (_req, res) => {
      this.rejectSynced(new Error(`HTTP ${res.statusCode} for ${room}`));
      res.resume();
    });
    this.ws.on('close', (code) => {
      this.closedWith = code;
      this.rejectSynced(new Error(`closed with ${code} before sync (${room})`));
    });
  }

  /** Frames one message; Hocuspocus wants the document name in front of it. */
  sendMessage(write) {
    const encoder = encoding.createEncoder();
    if (this.target.protocol === 'hocuspocus') encoding.writeVarString(encoder, this.room);
    write(encoder);
    this.ws.send(encoding.toUint8Array(encoder));
  }

  sendUpdate(update) {
    this.sendMessage((encoder) => {
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      encoding.writeVarUint(encoder, SYNC_UPDATE);
      encoding.writeVarUint8Array(encoder, update);
    });
  }

  onMessage(data) {
    this.bytesReceived += data.byteLength;
    if (process.env.RAW_DEBUG) console.log('raw', this.room, [...data.subarray(0, 40)].join(','));
    const decoder = decoding.createDecoder(
      new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    );
    if (this.target.protocol === 'hocuspocus') decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type !== MESSAGE_SYNC) return; // awareness, auth, sync status: not needed here
    const syncType = decoding.readVarUint(decoder);
    if (syncType === SYNC_STEP_1) {
      this.serverStateVector = decoding.readVarUint8Array(decoder);
      this.resolveStateVector();
      // What a stock client answers: everything the server lacks (here: nothing).
      this.sendMessage((encoder) => {
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        encoding.writeVarUint(encoder, SYNC_STEP_2);
        encoding.writeVarUint8Array(
          encoder,
          Y.encodeStateAsUpdate(new Y.Doc(), this.serverStateVector),
        );
      });
    } else if (syncType === SYNC_STEP_2) {
      this.resolveSynced();
    } else if (syncType === SYNC_UPDATE && this.onUpdate) {
      this.onUpdate(decoding.readVarUint8Array(decoder));
    }
  }

  close() {
    try {
      this.ws.close();
    } catch {
      this.ws.terminate();
    }
  }

  terminate() {
    this.ws.terminate();
  }
}

/**
 * Asks the server (through a fresh bare connection) for its state vector of `room` and
 * compares it with `expected`: true when the server holds everything in `expected`.
 */
export async function serverHas(target, room, expected, token) {
  const probe = new RawClient(target, room, { token });
  try {
    await withTimeout(probe.synced, 10_000, `probe of ${room}`);
    // Hocuspocus sends its step 1 after its step 2; the others before.
    await withTimeout(probe.gotStateVector, 10_000, `state vector of ${room}`);
    const server = Y.decodeStateVector(probe.serverStateVector);
    for (const [client, clock] of Y.decodeStateVector(expected)) {
      if ((server.get(client) ?? 0) < clock) return false;
    }
    return true;
  } finally {
    probe.close();
  }
}
