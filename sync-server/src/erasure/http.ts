/**
 * Erasure and portability over HTTP (docs/protocol.md, "Your account and the
 * neighbourhood export"):
 *
 *   DELETE /api/account      member (Bearer)  -> { contactRequests, revokedAt }
 *   GET    /api/export/<nb>  official of <nb> (Bearer) -> the neighbourhood backup (JSON)
 *
 * "Delete my account" has two halves. What the member wrote in the documents is erased by
 * their app (shared/src/erasure/) and purged on the relay through the sync protocol
 * (message 101), while the member may still write. This endpoint is the second half, the
 * records only the relay holds: contact requests from or to the member (messages and
 * contact details), moderator-only profile fields, calendar keys and the member record.
 * Then it revokes the member's tokens, which closes their connections.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type KeyStore, nowSeconds } from '../auth/keys.js';
import { BackupError, exportNeighbourhood } from '../backup.js';
import { HttpError } from '../json-body.js';
import type { Logger } from '../log.js';
import { answerMember } from '../member-api.js';
import type { Storage } from '../storage/storage.js';

const ACCOUNT_PATH = '/api/account';
const EXPORT_PATH = /^\/api\/export\/([a-z0-9-]{2,40})$/;

export interface ErasureRoutesOptions {
  storage: Storage;
  keys: KeyStore;
  log: Logger;
}

export function createErasureRoutes(options: ErasureRoutesOptions) {
  const { storage, keys, log } = options;

  function deleteAccount(req: IncomingMessage, res: ServerResponse): Promise<true> {
    return answerMember({ req, res, keys, storage, allowed: ['DELETE'] }, async (member) => {
      const { contactRequests } = await storage.eraseMember(member.nb, member.sub);
      const revokedAt = nowSeconds();
      await storage.revoke(member.sub, revokedAt);
      log.info('member deleted their account', {
        sub: member.sub,
        nb: member.nb,
        contactRequests,
      });
      return { status: 200, body: { contactRequests, revokedAt } };
    });
  }

  function exportForOfficial(req: IncomingMessage, res: ServerResponse, nb: string): Promise<true> {
    return answerMember({ req, res, keys, storage, allowed: ['GET'] }, async (member) => {
      if (member.role !== 'official' || member.nb !== nb) {
        throw new HttpError(
          403,
          'forbidden',
          'Only officials of this neighbourhood download its export',
        );
      }
      const now = new Date();
      let backup;
      try {
        backup = await exportNeighbourhood(storage, nb, now);
      } catch (error) {
        if (!(error instanceof BackupError)) throw error;
        throw new HttpError(404, 'not-found', error.message);
      }
      const text = JSON.stringify(backup);
      res.writeHead(200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${nb}-${now.toISOString().slice(0, 10)}.json"`,
        'Cache-Control': 'no-store',
        'Content-Length': Buffer.byteLength(text),
      });
      res.end(text);
      log.info('neighbourhood export downloaded', { nb, sub: member.sub });
      return 'answered';
    });
  }

  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === ACCOUNT_PATH) return deleteAccount(req, res);
    const nb = EXPORT_PATH.exec(path)?.[1];
    if (nb) return exportForOfficial(req, res, nb);
    return false;
  };
}
