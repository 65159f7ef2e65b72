/**
 * Verifying crisis alerts (DESIGN.md §4): an item is `verified` only when its certificate
 * (the author's relay token) verifies against the relay keys the client pinned at join,
 * names this neighbourhood, this author and a role that may publish crisis information,
 * was valid when the item was signed, and the item's signature verifies with the device
 * key the certificate names. This is a pure function of the data and the pinned keys, so
 * it holds whichever relay, kiosk or peer delivered the data.
 */
import { base64UrlDecode } from '../../crypto/base64url.js';
import {
  type CertificateClaims,
  CertificateError,
  type CertificateProblem,
  type PinnedJwks,
  verifyCertificate,
} from '../../crypto/certificate.js';
import { verifyEd25519 } from '../../crypto/ed25519.js';
import { type Role, canModerate } from '../../roles.js';
import type { AlertUpdateView, ItemSignature } from './alert-schema.js';
import { type CrisisAlertView, buildAlertView } from './alert-view.js';
import {
  type CrisisSignedPayload,
  type SignedKind,
  alertPayload,
  signedBytes,
  updatePayload,
} from './signing.js';

/**
 * `verified`: show the official badge. `unverified`: carries no signature (written by a
 * moderator without a device key, or by an older app). `invalid`: carries a signature that
 * does not hold up — altered, forged, replayed or signed by someone not allowed.
 */
export type VerificationStatus = 'verified' | 'unverified' | 'invalid';

export type VerificationProblem =
  | 'no-signature'
  | `certificate-${CertificateProblem}`
  | 'wrong-neighbourhood'
  | 'wrong-author'
  | 'role-not-allowed'
  | 'bad-signature';

export interface Signatory {
  sub: string;
  name?: string;
  role: Role;
}

export interface ItemVerification {
  /** The alert's id for the alert itself, the entry's id for an update or cancel. */
  id: string;
  kind: SignedKind;
  status: VerificationStatus;
  /** Why it is not verified. */
  problem?: VerificationProblem;
  /** Who signed, from the certificate, whenever the certificate itself verified. */
  signer?: Signatory;
}

export interface AlertVerification {
  alert: ItemVerification;
  /** One per timeline entry, in timeline order. */
  updates: ItemVerification[];
  /** True when the alert and every entry of its timeline are verified. */
  official: boolean;
  /**
   * The alert as its verified parts say it: the original with only the verified updates
   * applied. Null when the alert itself is not verified. Show this, not the raw view, next
   * to an "official" badge, so an unsigned update cannot change what the badge vouches for.
   */
  verifiedView: CrisisAlertView | null;
}

/** Checks one signed payload; see the module comment for the rules. */
export async function verifyPayload(
  payload: CrisisSignedPayload,
  signature: ItemSignature | undefined,
  pinned: PinnedJwks,
  nb: string,
): Promise<Omit<ItemVerification, 'id' | 'kind'>> {
  if (!signature) return { status: 'unverified', problem: 'no-signature' };
  let claims: CertificateClaims;
  try {
    claims = await verifyCertificate(signature.cert, pinned, payload.at);
  } catch (error) {
    const problem = error instanceof CertificateError ? error.problem : 'malformed';
    return { status: 'invalid', problem: `certificate-${problem}` };
  }
  const signer: Signatory = {
    sub: claims.sub,
    ...(claims.name !== undefined && { name: claims.name }),
    role: claims.role,
  };
  const invalid = (problem: VerificationProblem) => ({
    status: 'invalid' as const,
    problem,
    signer,
  });
  if (claims.nb !== nb || payload.nb !== nb) return invalid('wrong-neighbourhood');
  if (claims.sub !== payload.sub) return invalid('wrong-author');
  if (!canModerate(claims.role)) return invalid('role-not-allowed');
  let sig: Uint8Array;
  try {
    sig = base64UrlDecode(signature.sig);
  } catch {
    return invalid('bad-signature');
  }
  const ok = await verifyEd25519(claims.publicKey, sig, signedBytes(payload));
  return ok ? { status: 'verified', signer } : invalid('bad-signature');
}

/**
 * Verifies an alert and each entry of its timeline against `pinnedJwks` (the relay keys
 * pinned at join; never fetched here) for the neighbourhood `nb` the data was opened as.
 */
export async function verifyAlert(
  alert: CrisisAlertView,
  pinnedJwks: PinnedJwks,
  nb: string,
): Promise<AlertVerification> {
  const [head, ...entries] = await Promise.all([
    verifyPayload(alertPayload(nb, alert), alert.signature, pinnedJwks, nb),
    ...alert.updates.map((update) =>
      verifyPayload(updatePayload(nb, alert.id, update), update.signature, pinnedJwks, nb),
    ),
  ]);
  const alertResult: ItemVerification = { id: alert.id, kind: 'alert', ...head! };
  const updates = alert.updates.map((update, index): ItemVerification => ({
    id: update.id,
    kind: update.msgType,
    ...entries[index]!,
  }));
  const verifiedUpdates: AlertUpdateView[] = alert.updates.filter(
    (_, index) => updates[index]!.status === 'verified',
  );
  return {
    alert: alertResult,
    updates,
    official: alertResult.status === 'verified' && updates.every((u) => u.status === 'verified'),
    verifiedView:
      alertResult.status === 'verified'
        ? buildAlertView(alert, alert.original, verifiedUpdates)
        : null,
  };
}
