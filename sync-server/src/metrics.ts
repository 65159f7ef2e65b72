/**
 * The relay's Prometheus metrics, served at `GET /metrics`. Each relay has its own
 * registry (never prom-client's global one), so several relays in one process — tests,
 * a kiosk — do not mix their numbers.
 *
 * Cardinality: labels are message kinds, refusal reasons (fixed sets) and, for document
 * sizes, neighbourhood + space (three rooms per neighbourhood). No connection ids, no IPs.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { BlobRefusalReason } from './blobs/http.js';
import type { LimitReason, Limits } from './limits.js';

/** Why a message was refused: a limit, or bad input (see protocol.ts). */
export type RejectReason =
  LimitReason | 'malformed' | 'unsupported' | 'invalid-update' | 'read-only' | 'purge-rate';

/**
 * Where an update's time goes on its way through the relay (rooms.ts), in order: checks
 * (permission, decoding, validation, limits); waiting for its storage batch to start and
 * that batch's transaction (backends that batch, i.e. SQLite); from durable until its room
 * gets to it; applying it to the live document; acknowledging and fanning it out.
 */
export const UPDATE_STAGES = ['validate', 'queued', 'write', 'settle', 'apply', 'fanout'] as const;
export type UpdateStage = (typeof UPDATE_STAGES)[number];

export interface MetricsOptions {
  /**
   * Time every update's stages (`buurthub_update_stage_seconds`): a few clock reads and
   * histogram observations per update, so off unless asked for (`BUURTHUB_STAGE_TIMING=1`).
   */
  stageTiming?: boolean;
}

export class RelayMetrics {
  readonly registry = new Registry();
  readonly connections: Gauge;
  readonly rooms: Gauge;
  private readonly messagesIn: Counter<'type'>;
  private readonly messagesOut: Counter;
  private readonly bytesIn: Counter;
  private readonly bytesOut: Counter;
  /**
   * Per-message counts since the last scrape, in plain numbers: these are counted for every
   * frame and every recipient, where a prom-client `inc()` (which hashes its labels) would
   * be a measurable share of the relay's CPU per update. Handed over on collect.
   */
  private readonly unscraped = {
    messagesIn: new Map<string, number>(),
    messagesOut: 0,
    bytesIn: 0,
    bytesOut: 0,
  };
  readonly commitSeconds: Histogram;
  /** Per-stage timers of an update, bound to their label once; null when not asked for. */
  readonly updateStages: Record<UpdateStage, { observe(seconds: number): void }> | null;
  readonly rejectedMessages: Counter<'reason'>;
  readonly rejectedConnections: Counter<'reason'>;
  readonly documentBytes: Gauge<'nb' | 'space'>;
  readonly limit: Gauge<'limit'>;
  readonly blobsStored: Counter;
  readonly blobBytesStored: Counter;
  readonly blobsRejected: Counter<'reason'>;

  constructor(
    limits: Limits,
    { stageTiming = process.env.BUURTHUB_STAGE_TIMING === '1' }: MetricsOptions = {},
  ) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'buurthub_' });
    this.connections = new Gauge({
      name: 'buurthub_connections',
      help: 'Open WebSocket connections.',
      registers,
    });
    this.rooms = new Gauge({
      name: 'buurthub_rooms',
      help: 'Rooms loaded in memory (with at least one connection).',
      registers,
    });
    const unscraped = this.unscraped;
    this.messagesIn = new Counter({
      name: 'buurthub_messages_received_total',
      help: 'Messages received from clients, by kind.',
      labelNames: ['type'],
      registers,
      collect: () => {
        for (const [type, count] of unscraped.messagesIn) this.messagesIn.inc({ type }, count);
        unscraped.messagesIn.clear();
      },
    });
    this.messagesOut = new Counter({
      name: 'buurthub_messages_sent_total',
      help: 'Messages sent to clients.',
      registers,
      collect: () => {
        this.messagesOut.inc(unscraped.messagesOut);
        unscraped.messagesOut = 0;
      },
    });
    this.bytesIn = new Counter({
      name: 'buurthub_received_bytes_total',
      help: 'Bytes received from clients (WebSocket payloads).',
      registers,
      collect: () => {
        this.bytesIn.inc(unscraped.bytesIn);
        unscraped.bytesIn = 0;
      },
    });
    this.bytesOut = new Counter({
      name: 'buurthub_sent_bytes_total',
      help: 'Bytes sent to clients (WebSocket payloads).',
      registers,
      collect: () => {
        this.bytesOut.inc(unscraped.bytesOut);
        unscraped.bytesOut = 0;
      },
    });
    this.commitSeconds = new Histogram({
      name: 'buurthub_update_commit_seconds',
      help: 'Time to commit one update to storage, before it is applied and fanned out.',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    if (stageTiming) {
      const stages = new Histogram({
        name: 'buurthub_update_stage_seconds',
        help: 'Time one update spends in each stage from arrival to fan-out (BUURTHUB_STAGE_TIMING=1).',
        labelNames: ['stage'],
        buckets: [
          0.00001, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1,
        ],
        registers,
      });
      const bound = {} as Record<UpdateStage, { observe(seconds: number): void }>;
      for (const stage of UPDATE_STAGES) bound[stage] = stages.labels({ stage });
      this.updateStages = bound;
    } else {
      this.updateStages = null;
    }
    this.rejectedMessages = new Counter({
      name: 'buurthub_rejected_messages_total',
      help: 'Messages refused (and their connection closed, except read-only), by reason.',
      labelNames: ['reason'],
      registers,
    });
    this.rejectedConnections = new Counter({
      name: 'buurthub_rejected_connections_total',
      help: 'Connections refused or closed at once, by reason.',
      labelNames: ['reason'],
      registers,
    });
    this.documentBytes = new Gauge({
      name: 'buurthub_document_bytes',
      help: "A room's stored size (snapshot + log), last seen while the room was loaded.",
      labelNames: ['nb', 'space'],
      registers,
    });
    this.limit = new Gauge({
      name: 'buurthub_limit',
      help: 'Configured limits (see docs/operations.md).',
      labelNames: ['limit'],
      registers,
    });
    for (const [name, value] of Object.entries(limits)) this.limit.set({ limit: name }, value);
    this.blobsStored = new Counter({
      name: 'buurthub_blobs_stored_total',
      help: 'Blobs (photos, videos) newly stored; re-uploads of a stored blob are not counted.',
      registers,
    });
    this.blobBytesStored = new Counter({
      name: 'buurthub_blob_bytes_stored_total',
      help: 'Bytes of newly stored blobs.',
      registers,
    });
    this.blobsRejected = new Counter({
      name: 'buurthub_blobs_rejected_total',
      help: 'Blob requests refused, by reason.',
      labelNames: ['reason'],
      registers,
    });
  }

  /** A frame arrived from a client (counted before it is decoded). */
  receivedBytes(bytes: number): void {
    this.unscraped.bytesIn += bytes;
  }

  /** A message of kind `type` (or 'text', for a refused text frame) arrived. */
  receivedMessage(type: string): void {
    const counts = this.unscraped.messagesIn;
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }

  sentMessage(bytes: number): void {
    this.unscraped.messagesOut++;
    this.unscraped.bytesOut += bytes;
  }

  rejectBlob(reason: BlobRefusalReason): void {
    this.blobsRejected.inc({ reason });
  }

  rejectMessage(reason: RejectReason): void {
    this.rejectedMessages.inc({ reason });
  }

  rejectConnection(reason: LimitReason | 'draining' | 'not-allowed' | 'bad-url'): void {
    this.rejectedConnections.inc({ reason });
  }

  /** The stored-size gauge of one room, bound to its labels once (set on every update). */
  documentBytesOf(room: string): { set(bytes: number): void } {
    const [nb = room, space = ''] = room.split('/');
    return this.documentBytes.labels({ nb, space });
  }

  /** The text exposition for `GET /metrics`. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
