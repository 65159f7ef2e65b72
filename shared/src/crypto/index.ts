/** Canonical JSON, base64url, Ed25519 and relay-token certificates (no DOM, no Node APIs). */
export { Base64UrlError, base64UrlDecode, base64UrlEncode } from './base64url.js';
export { CanonicalJsonError, canonicalBytes, canonicalize, utf8Encode } from './canonical-json.js';
export {
  CERTIFICATE_PROBLEMS,
  CERT_ALGORITHM,
  CERT_AUDIENCE,
  CERT_ISSUED_SKEW_MS,
  CERT_ISSUER,
  CertificateError,
  type CertificateClaims,
  type CertificateProblem,
  type PinnedJwks,
  readOwnTokenClaims,
  verifyCertificate,
} from './certificate.js';
export {
  ED25519_PUBLIC_KEY_BYTES,
  ED25519_SIGNATURE_BYTES,
  type Ed25519KeyPair,
  type Signer,
  type WebCryptoKey,
  cryptoKeySigner,
  exportRawPublicKey,
  generateEd25519KeyPair,
  verifyEd25519,
} from './ed25519.js';
