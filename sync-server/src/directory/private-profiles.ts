/**
 * The directory's "moderators only" fields (docs/protocol.md, "Private profile fields"):
 * a member keeps here what only the neighbourhood's moderators and officials may read, since
 * a room is the permission boundary and every member replicates `<nb>/directory`. Every
 * call carries the member's token (`Authorization: Bearer`):
 *
 *   GET /api/private-profile     the member's own fields: { fields, updatedAt }
 *   PUT /api/private-profile     {fields}: replaces them ({} removes them)
 *   GET /api/private-profiles    moderators and officials: everyone's in their neighbourhood
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { canModerate, moderatorFieldsSchema } from '@buurthub/shared';
import { answerMember } from '../member-api.js';
import { type KeyStore, nowSeconds } from '../auth/keys.js';
import { HttpError, parseBody, readJson } from '../json-body.js';
import type { PrivateProfile, Storage } from '../storage/storage.js';

const putSchema = z.object({ fields: moderatorFieldsSchema });

const view = (profile: PrivateProfile) => ({
  memberId: profile.sub,
  fields: profile.fields,
  updatedAt: profile.updatedAt,
});

export interface PrivateProfileRoutesOptions {
  storage: Storage;
  keys: KeyStore;
}

export function createPrivateProfileRoutes(options: PrivateProfileRoutesOptions) {
  const { storage, keys } = options;
  const ALLOWED: Record<string, string[]> = {
    '/api/private-profile': ['GET', 'HEAD', 'PUT'],
    '/api/private-profiles': ['GET', 'HEAD'],
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const allowed = ALLOWED[path];
    if (!allowed) return false;
    return answerMember({ req, res, keys, storage, allowed }, async (member) => {
      if (path === '/api/private-profiles') {
        if (!canModerate(member.role)) {
          throw new HttpError(403, 'forbidden', 'Only moderators and officials read these');
        }
        const profiles = await storage.privateProfiles(member.nb);
        return { status: 200, body: { profiles: profiles.map(view) } };
      }
      if (req.method === 'PUT') {
        const { fields } = parseBody(putSchema, await readJson(req));
        const profile = { nb: member.nb, sub: member.sub, fields, updatedAt: nowSeconds() };
        await storage.putPrivateProfile(profile);
        return { status: 200, body: view(profile) };
      }
      const [own] = await storage.privateProfiles(member.nb, member.sub);
      return {
        status: 200,
        body: own ? view(own) : { memberId: member.sub, fields: {}, updatedAt: null },
      };
    });
  };
}
