/**
 * Contact requests through the relay (docs/protocol.md, "Contact requests"): ask a
 * neighbour to get in touch, answer, withdraw. Contact details travel only here, never in a
 * shared document; the relay shows each side the other's details once the request is
 * accepted. Answers are validated before the app shows them.
 */
import {
  CONTACT_MESSAGE_MAX,
  type ContactDetails,
  contactDetailsSchema,
  parseInput,
} from '@buurthub/shared';
import { z } from 'zod';
import { callRelay, type RelayApiDeps, RelayApiError } from '../app/relay-api.js';

const detailsSchema = z.object({
  phone: z.string().optional(),
  email: z.string().optional(),
  note: z.string().optional(),
});

const viewSchema = z.object({
  id: z.string().min(1),
  direction: z.enum(['incoming', 'outgoing']),
  other: z.object({ id: z.string(), name: z.string() }),
  message: z.string(),
  status: z.enum(['pending', 'accepted', 'declined', 'withdrawn']),
  // The relay counts in seconds (docs/protocol.md); the app in milliseconds.
  createdAt: z.number().transform((s) => s * 1000),
  answeredAt: z
    .number()
    .nullable()
    .transform((s) => (s === null ? null : s * 1000)),
  contact: detailsSchema.nullable(),
});
export type ContactRequestView = z.output<typeof viewSchema>;

const listSchema = z.object({ incoming: z.array(viewSchema), outgoing: z.array(viewSchema) });
export type ContactRequests = z.output<typeof listSchema>;

/** Why a call did not go through, in words the app translates (`contacts.error.<reason>`). */
export type ContactFailure =
  | 'offline'
  | 'unauthorized'
  | 'forbidden'
  | 'exists'
  | 'too-many-open-requests'
  | 'self'
  | 'answered'
  | 'not-found'
  | 'invalid'
  | 'server';

export class ContactError extends Error {
  override readonly name = 'ContactError';
  constructor(readonly reason: ContactFailure) {
    super(`Contact request failed: ${reason}`);
  }
}

const requestInputSchema = z.object({
  to: z.string().min(1).max(100),
  toName: z.string().trim().min(1).max(80),
  message: z.string().trim().min(1).max(CONTACT_MESSAGE_MAX),
  contact: contactDetailsSchema,
});
export type ContactRequestInput = z.input<typeof requestInputSchema>;

/** Drops empty fields, so "no e-mail" is absent rather than an empty (invalid) string. */
export function contactFrom(fields: Record<string, string>): Partial<ContactDetails> {
  const details: Record<string, string> = {};
  for (const key of ['phone', 'email', 'note'] as const) {
    const value = fields[key]?.trim();
    if (value) details[key] = value;
  }
  return details;
}

export type ContactsDeps = RelayApiDeps;

export class ContactsClient {
  constructor(private readonly deps: ContactsDeps) {}

  async list(): Promise<ContactRequests> {
    return listSchema.parse(await this.call('GET', '/api/contacts'));
  }

  /** Throws a ValidationError (before any network) when the input is not acceptable. */
  async request(input: ContactRequestInput): Promise<ContactRequestView> {
    const body = parseInput(requestInputSchema, input);
    return viewSchema.parse(await this.call('POST', '/api/contacts', body));
  }

  async accept(id: string, contact: Partial<ContactDetails>): Promise<ContactRequestView> {
    const body = { contact: parseInput(contactDetailsSchema, contact) };
    return viewSchema.parse(await this.call('POST', `${path(id)}/accept`, body));
  }

  async decline(id: string): Promise<ContactRequestView> {
    return viewSchema.parse(await this.call('POST', `${path(id)}/decline`));
  }

  async withdraw(id: string): Promise<ContactRequestView> {
    return viewSchema.parse(await this.call('POST', `${path(id)}/withdraw`));
  }

  private async call(method: 'GET' | 'POST', url: string, body?: unknown): Promise<unknown> {
    try {
      return await callRelay(this.deps, method, url, body);
    } catch (error) {
      if (!(error instanceof RelayApiError)) throw error;
      throw new ContactError(
        error.reason === 'refused' ? failureOf(error.status ?? 500, error.code) : error.reason,
      );
    }
  }
}

function path(id: string): string {
  return `/api/contacts/${encodeURIComponent(id)}`;
}

function failureOf(status: number, code: unknown): ContactFailure {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 429) return 'too-many-open-requests';
  if (code === 'exists' || code === 'answered' || code === 'self') return code;
  if (status === 400) return 'invalid';
  return 'server';
}
