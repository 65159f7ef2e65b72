/**
 * One call of the relay's member API (contacts, private profile fields, revoking a member,
 * deleting one's account, the officials' export):
 * the method is checked (405 with `Allow`), then the member's bearer token (401 or 403, the
 * same checks as the WebSocket upgrade), then the handler runs; a refusal it throws as an
 * HttpError is answered as `{ error, message }` with its status.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticateMember, isBearerRefusal } from './auth/bearer.js';
import type { KeyStore } from './auth/keys.js';
import type { VerifiedToken } from './auth/tokens.js';
import { sendJson } from './http.js';
import { HttpError } from './json-body.js';
import type { Storage } from './storage/storage.js';

export interface MemberCall {
  req: IncomingMessage;
  res: ServerResponse;
  keys: KeyStore;
  storage: Storage;
  /** Methods this path answers. */
  allowed: readonly string[];
}

/**
 * Runs `handle` for an authenticated member; it resolves with the status and JSON body, or
 * with 'answered' when it wrote a response of another kind itself (a download).
 */
export async function answerMember(
  call: MemberCall,
  handle: (member: VerifiedToken) => Promise<{ status: number; body: unknown } | 'answered'>,
): Promise<true> {
  const { req, res, allowed } = call;
  if (!allowed.includes(req.method ?? '')) {
    res.setHeader('Allow', allowed.join(', '));
    sendJson(res, 405, { error: 'method-not-allowed', message: `Use ${allowed.join(' or ')}` });
    return true;
  }
  const member = await authenticateMember(req, call.keys, call.storage);
  if (isBearerRefusal(member)) {
    sendJson(res, member.status, { error: member.code, message: member.message });
    return true;
  }
  try {
    const answer = await handle(member);
    if (answer !== 'answered') sendJson(res, answer.status, answer.body);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    sendJson(res, error.status, { error: error.code, message: error.message });
  }
  return true;
}
