/**
 * Moderators act on members of their own neighbourhood (trust issue: suspend or remove a
 * member, revoking their tokens):
 *
 *   POST /api/members/<sub>/revoke   {reason, endsAt?}  moderator (Bearer)
 *                                    -> { sub, revokedAt, endsAt }
 *
 * The relay knows a member's neighbourhood from its member records (written when they
 * joined), so a moderator cannot reach members elsewhere; a moderator revokes residents,
 * not other moderators or officials (that is the operator's `buurthub revoke`). Revocation
 * refuses every token issued until now and closes the member's open connections within
 * the revocation poll. With `endsAt` (unix seconds, at most a year ahead) it is a
 * suspension: from then on the member's tokens work again, without a new invite (removal
 * has no end). What was done and
 * why goes into the neighbourhood's moderation log, which the app writes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { answerMember } from '../member-api.js';
import { type KeyStore, nowSeconds } from '../auth/keys.js';
import { HttpError, parseBody, readJson } from '../json-body.js';
import type { Logger } from '../log.js';
import type { Storage } from '../storage/storage.js';

const REVOKE_PATH = /^\/api\/members\/([A-Za-z0-9_-]{1,100})\/revoke$/;
/** The longest suspension a moderator can give; longer is a removal. */
const MAX_SUSPENSION_SECONDS = 366 * 24 * 3600;
const revokeSchema = z.object({
  reason: z.string().trim().min(1).max(500),
  endsAt: z.number().int().positive().optional(),
});

export interface MemberRoutesOptions {
  storage: Storage;
  keys: KeyStore;
  log: Logger;
}

export function createMemberRoutes(options: MemberRoutesOptions) {
  const { storage, keys, log } = options;
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const match = REVOKE_PATH.exec((req.url ?? '/').split('?')[0] ?? '/');
    if (!match?.[1]) return false;
    return answerMember({ req, res, keys, storage, allowed: ['POST'] }, async (moderator) => {
      if (moderator.role !== 'moderator') {
        throw new HttpError(403, 'forbidden', 'Only moderators revoke members');
      }
      const { endsAt } = parseBody(revokeSchema, await readJson(req));
      const member = await storage.member(match[1] as string);
      // A member of another neighbourhood does not exist as far as this moderator can tell.
      if (!member || member.nb !== moderator.nb) {
        throw new HttpError(404, 'not-found', 'No such member in this neighbourhood');
      }
      if (member.role !== 'resident') {
        throw new HttpError(
          403,
          'forbidden',
          'Moderators and officials are revoked by the operator',
        );
      }
      const revokedAt = nowSeconds();
      if (
        endsAt !== undefined &&
        (endsAt <= revokedAt || endsAt > revokedAt + MAX_SUSPENSION_SECONDS)
      ) {
        throw new HttpError(400, 'invalid', 'A suspension ends after now and within a year');
      }
      await storage.revoke(member.sub, revokedAt, endsAt);
      // The reason stays out of the log (it may name people); the moderation log holds it.
      log.info('member revoked by a moderator', {
        sub: member.sub,
        nb: member.nb,
        by: moderator.sub,
      });
      return { status: 200, body: { sub: member.sub, revokedAt, endsAt: endsAt ?? null } };
    });
  };
}
