/**
 * Signing crisis alerts, their updates and their cancellation (DESIGN.md §4).
 *
 * The author's device signs the RFC 8785 canonical JSON of a payload that names everything
 * the signature is about: the payload format (`ctx`), what it is (`kind`), where (`nb`),
 * which alert (`alertId`) and which timeline entry (`updateId`), who (`sub`), when (`at`)
 * and what it says (`content`). So a signature cannot be moved to another alert, another
 * neighbourhood, another kind of item or another author. The signature is stored with the
 * item together with the author's relay token, which certifies the device key.
 *
 * Payloads are rebuilt from stored data by the same functions when verifying (verify.ts).
 */
import { base64UrlEncode } from '../../crypto/base64url.js';
import { canonicalBytes } from '../../crypto/canonical-json.js';
import type { Signer } from '../../crypto/ed25519.js';
import type { MediaRef } from '../../media.js';
import {
  type AlertChanges,
  type AlertContent,
  type AlertLink,
  type AlertUpdateView,
  CHANGE_KEYS,
  type ItemSignature,
} from './alert-schema.js';

/** Names the payload format; a new format gets a new value, never a silent change. */
export const CRISIS_PAYLOAD_CONTEXT = 'buurthub/crisis-signature/1';

export const SIGNED_KINDS = ['alert', 'update', 'cancel'] as const;
export type SignedKind = (typeof SIGNED_KINDS)[number];

/** The author's device: its signing function and the relay token that certifies its key. */
export interface DeviceSigner {
  /** Ed25519 over the given bytes with the device's private key (may be non-extractable). */
  sign: Signer;
  /** The author's relay token (JWT); stored as the certificate. */
  token: string;
}

export interface CrisisSignedPayload {
  ctx: typeof CRISIS_PAYLOAD_CONTEXT;
  kind: SignedKind;
  nb: string;
  alertId: string;
  /** Only for `update` and `cancel`. */
  updateId?: string;
  /** The author's member id: `author.id`, which must equal the certificate's `sub`. */
  sub: string;
  /** When it was signed (ms): the alert's `createdAt` or the entry's `at`. */
  at: number;
  content: Record<string, unknown>;
}

function linkJson(link: AlertLink): Record<string, unknown> {
  return { url: link.url, title: link.title };
}

function mediaJson(ref: MediaRef): Record<string, unknown> {
  return {
    hash: ref.hash,
    type: ref.type,
    alt: ref.alt,
    width: ref.width,
    height: ref.height,
    bytes: ref.bytes,
  };
}

/**
 * The signed content of an alert. Every field is listed explicitly (absent optionals are
 * left out by canonicalisation), so data that is not part of the alert never slips in.
 */
export function alertContentJson(content: AlertContent): Record<string, unknown> {
  return {
    status: content.status,
    event: content.event,
    category: content.category,
    urgency: content.urgency,
    severity: content.severity,
    certainty: content.certainty,
    headline: content.headline,
    description: content.description,
    instruction: content.instruction,
    villages: [...content.villages],
    areaDesc: content.areaDesc,
    effective: content.effective,
    expires: content.expires,
    web: content.web,
    links: content.links.map(linkJson),
    media: content.media.map(mediaJson),
  };
}

function changesJson(changes: AlertChanges): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of CHANGE_KEYS) {
    const value = changes[key];
    if (value === undefined) continue;
    if (key === 'links') out.links = (value as AlertLink[]).map(linkJson);
    else if (key === 'villages') out.villages = [...(value as string[])];
    else out[key] = value;
  }
  return out;
}

/** The payload an alert's author signs. */
export function alertPayload(
  nb: string,
  alert: { id: string; author: { id: string }; createdAt: number; original: AlertContent },
): CrisisSignedPayload {
  return {
    ctx: CRISIS_PAYLOAD_CONTEXT,
    kind: 'alert',
    nb,
    alertId: alert.id,
    sub: alert.author.id,
    at: alert.createdAt,
    content: alertContentJson(alert.original),
  };
}

/** The payload an update's or a cancel's author signs. */
export function updatePayload(
  nb: string,
  alertId: string,
  update: Pick<AlertUpdateView, 'id' | 'msgType' | 'text' | 'at' | 'author' | 'changes' | 'media'>,
): CrisisSignedPayload {
  return {
    ctx: CRISIS_PAYLOAD_CONTEXT,
    kind: update.msgType,
    nb,
    alertId,
    updateId: update.id,
    sub: update.author.id,
    at: update.at,
    content:
      update.msgType === 'cancel'
        ? { reason: update.text }
        : {
            text: update.text,
            changes: changesJson(update.changes),
            media: update.media.map(mediaJson),
          },
  };
}

/** The bytes that are signed: the payload's canonical JSON (RFC 8785) in UTF-8. */
export function signedBytes(payload: CrisisSignedPayload): Uint8Array {
  return canonicalBytes(payload);
}

/** Signs `payload` with the device and returns what is stored with the item. */
export async function signPayload(
  payload: CrisisSignedPayload,
  signer: DeviceSigner,
): Promise<ItemSignature> {
  const signature = await signer.sign(signedBytes(payload));
  return { sig: base64UrlEncode(signature), cert: signer.token };
}
