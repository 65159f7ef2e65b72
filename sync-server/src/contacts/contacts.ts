/**
 * Contact requests between members (the directory's "get in touch"), on the relay's HTTP
 * port, every call with the member's token (`Authorization: Bearer`):
 *
 *   GET  /api/contacts                   the member's requests: { incoming, outgoing }
 *   POST /api/contacts                   {to, toName, message, contact} -> a new request
 *   POST /api/contacts/<id>/accept       {contact}: the recipient shares their details
 *   POST /api/contacts/<id>/decline      the recipient says no
 *   POST /api/contacts/<id>/withdraw     the requester takes it back
 *   GET  /api/contacts/accepted          moderators and officials: when requests in the
 *                                        neighbourhood were accepted, to the hour, and
 *                                        nothing else (impact figures)
 *
 * Contact details are kept here, never in a shared document, and each side sees the
 * other's only once the recipient has accepted. A member has at most OPEN_REQUESTS_MAX
 * requests waiting at a time, so nobody can mass-message the neighbourhood.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { CONTACT_MESSAGE_MAX, canModerate, contactDetailsSchema } from '@buurthub/shared';
import { answerMember } from '../member-api.js';
import { type KeyStore, nowSeconds } from '../auth/keys.js';
import type { VerifiedToken } from '../auth/tokens.js';
import { HttpError, parseBody, readJson } from '../json-body.js';
import type { ContactDetails, ContactRequest, Storage } from '../storage/storage.js';

export const OPEN_REQUESTS_MAX = 10;
const requestSchema = z.object({
  to: z.string().min(1).max(100),
  toName: z.string().trim().min(1).max(80),
  message: z.string().trim().min(1).max(CONTACT_MESSAGE_MAX),
  contact: contactDetailsSchema,
});

const acceptSchema = z.object({ contact: contactDetailsSchema });

/** A request as one of its two members sees it. */
export interface ContactView {
  id: string;
  direction: 'incoming' | 'outgoing';
  other: { id: string; name: string };
  message: string;
  status: ContactRequest['status'];
  createdAt: number;
  answeredAt: number | null;
  /** The other member's details: only once accepted. */
  contact: ContactDetails | null;
}

export function viewFor(request: ContactRequest, viewer: string): ContactView {
  const incoming = request.to === viewer;
  const accepted = request.status === 'accepted';
  return {
    id: request.id,
    direction: incoming ? 'incoming' : 'outgoing',
    other: incoming
      ? { id: request.from, name: request.fromName }
      : { id: request.to, name: request.toName },
    message: request.message,
    status: request.status,
    createdAt: request.createdAt,
    answeredAt: request.answeredAt,
    contact: accepted ? (incoming ? request.fromContact : request.toContact) : null,
  };
}

const ACTION_PATH = /^\/api\/contacts\/([A-Za-z0-9-]{1,100})\/(accept|decline|withdraw)$/;

export interface ContactRoutesOptions {
  storage: Storage;
  keys: KeyStore;
}

export function createContactRoutes(options: ContactRoutesOptions) {
  const { storage, keys } = options;

  async function list(member: VerifiedToken): Promise<unknown> {
    const views = (await storage.contactRequests(member.nb, member.sub)).map((r) =>
      viewFor(r, member.sub),
    );
    return {
      incoming: views.filter((v) => v.direction === 'incoming'),
      outgoing: views.filter((v) => v.direction === 'outgoing'),
    };
  }

  /** Acceptance times only, rounded down to the hour: no one's name or timing is given away. */
  async function accepted(member: VerifiedToken): Promise<unknown> {
    if (!canModerate(member.role)) {
      throw new HttpError(403, 'forbidden', 'Only moderators and officials see these figures');
    }
    const all = await storage.contactRequests(member.nb);
    return {
      accepted: all
        .filter((r) => r.status === 'accepted' && r.answeredAt !== null)
        .map((r) => Math.floor((r.answeredAt as number) / 3600) * 3600)
        .sort((a, b) => a - b),
    };
  }

  async function create(req: IncomingMessage, member: VerifiedToken): Promise<unknown> {
    const body = parseBody(requestSchema, await readJson(req));
    if (body.to === member.sub) {
      throw new HttpError(400, 'self', 'You cannot send a contact request to yourself');
    }
    const mine = await storage.contactRequests(member.nb, member.sub);
    const open = mine.filter((r) => r.from === member.sub && r.status === 'pending').length;
    if (open >= OPEN_REQUESTS_MAX) {
      throw new HttpError(
        429,
        'too-many-open-requests',
        `At most ${OPEN_REQUESTS_MAX} requests may wait for an answer at a time`,
      );
    }
    const request: ContactRequest = {
      id: randomUUID(),
      nb: member.nb,
      from: member.sub,
      fromName: member.name ?? member.sub,
      to: body.to,
      toName: body.toName,
      message: body.message,
      fromContact: body.contact,
      toContact: null,
      status: 'pending',
      createdAt: nowSeconds(),
      answeredAt: null,
    };
    if ((await storage.createContactRequest(request)) === 'exists') {
      throw new HttpError(409, 'exists', 'You two already have a request or a contact');
    }
    return viewFor(request, member.sub);
  }

  async function answer(
    req: IncomingMessage,
    member: VerifiedToken,
    id: string,
    action: 'accept' | 'decline' | 'withdraw',
  ): Promise<unknown> {
    const request = await storage.contactRequest(id);
    // Someone else's request does not exist as far as this member can tell.
    if (!request || request.nb !== member.nb || ![request.from, request.to].includes(member.sub)) {
      throw new HttpError(404, 'not-found', 'No such contact request');
    }
    const allowed = action === 'withdraw' ? request.from : request.to;
    if (member.sub !== allowed) {
      throw new HttpError(
        403,
        'forbidden',
        action === 'withdraw'
          ? 'Only the sender withdraws a request'
          : `Only the recipient may ${action}`,
      );
    }
    const toContact =
      action === 'accept' ? parseBody(acceptSchema, await readJson(req)).contact : null;
    const status = ({ accept: 'accepted', decline: 'declined', withdraw: 'withdrawn' } as const)[
      action
    ];
    const answered = await storage.answerContactRequest(id, {
      status,
      toContact,
      at: nowSeconds(),
    });
    if (!answered) throw new HttpError(409, 'answered', 'This request was already answered');
    return viewFor(answered, member.sub);
  }

  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const action = ACTION_PATH.exec(path);
    const acceptedPath = path === '/api/contacts/accepted';
    if (path !== '/api/contacts' && !action && !acceptedPath) return false;
    const allowed = action ? ['POST'] : acceptedPath ? ['GET', 'HEAD'] : ['GET', 'HEAD', 'POST'];
    return answerMember({ req, res, keys, storage, allowed }, async (member) => {
      if (action) {
        const [, id, verb] = action as unknown as [
          string,
          string,
          'accept' | 'decline' | 'withdraw',
        ];
        return { status: 200, body: await answer(req, member, id, verb) };
      }
      if (acceptedPath) return { status: 200, body: await accepted(member) };
      if (req.method === 'POST') return { status: 201, body: await create(req, member) };
      return { status: 200, body: await list(member) };
    });
  };
}
