import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_REQUESTS_MAX } from '../src/contacts/contacts.js';
import { startRelay, type TestRelay } from './helpers/relay.js';
import { tokenFor } from './helpers/tokens.js';

const NB = 'maasburen';

describe('contact requests between neighbours', () => {
  let relay: TestRelay;
  const token = new Map<string, string>();
  beforeAll(async () => {
    relay = await startRelay();
    for (const [sub, name] of [
      ['anna', 'Anna'],
      ['bert', 'Bert'],
      ['cor', 'Cor'],
      ['spammer', 'Spam'],
    ] as const) {
      token.set(sub, await tokenFor(relay.storage, NB, 'resident', { sub, name }));
    }
    token.set('other-nb', await tokenFor(relay.storage, 'heumen', 'resident', { sub: 'dirk' }));
    token.set('kiosk', await tokenFor(relay.storage, NB, 'kiosk', { sub: 'kiosk-1' }));
    token.set('mod', await tokenFor(relay.storage, NB, 'moderator', { sub: 'mod' }));
  });
  afterAll(() => relay.dispose());

  async function call(who: string, path: string, body?: unknown) {
    const res = await fetch(`${relay.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${token.get(who)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }
  const ask = (from: string, to: string, extra: Record<string, unknown> = {}) =>
    call(from, '/api/contacts', {
      to,
      toName: to,
      message: 'Ik zag dat je ook tuiniert. Zullen we eens koffie drinken?',
      contact: { phone: '06 1111 2222' },
      ...extra,
    });

  it('shows contact details to neither side until the recipient accepts, then to both', async () => {
    const sent = await ask('anna', 'bert', { contact: { email: 'anna@example.nl' } });
    expect(sent.status).toBe(201);
    const id = sent.body.id as string;

    const incoming = await call('bert', '/api/contacts');
    expect(incoming.body.incoming).toEqual([
      expect.objectContaining({
        id,
        direction: 'incoming',
        other: { id: 'anna', name: 'Anna' },
        status: 'pending',
        contact: null,
      }),
    ]);
    expect(JSON.stringify(incoming.body)).not.toContain('anna@example.nl');

    const accepted = await call('bert', `/api/contacts/${id}/accept`, {
      contact: { phone: '024 555 66 77', note: 'Liefst na 18:00' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.contact).toEqual({ email: 'anna@example.nl' });
    const outgoing = await call('anna', '/api/contacts');
    expect(outgoing.body.outgoing).toEqual([
      expect.objectContaining({
        id,
        status: 'accepted',
        contact: { phone: '024 555 66 77', note: 'Liefst na 18:00' },
      }),
    ]);
  });

  it('lets only the recipient answer and only the sender withdraw, once', async () => {
    const { body } = await ask('cor', 'anna');
    const id = body.id as string;
    expect(
      (await call('cor', `/api/contacts/${id}/accept`, { contact: { note: 'x' } })).status,
    ).toBe(403);
    expect((await call('anna', `/api/contacts/${id}/withdraw`, {})).status).toBe(403);
    // A member who is not part of it cannot even see that it exists.
    expect((await call('bert', `/api/contacts/${id}/decline`, {})).status).toBe(404);
    expect((await call('anna', `/api/contacts/${id}/decline`, {})).status).toBe(200);
    expect((await call('anna', `/api/contacts/${id}/decline`, {})).body.error).toBe('answered');
    expect((await call('cor', `/api/contacts/${id}/withdraw`, {})).status).toBe(409);
  });

  it('refuses a second request between the same two members, and one to oneself', async () => {
    const first = await ask('bert', 'cor');
    expect(first.status).toBe(201);
    expect((await ask('cor', 'bert')).body.error).toBe('exists');
    expect((await ask('bert', 'bert')).body.error).toBe('self');
  });

  it('refuses requests without a way to be reached, or with a malformed one', async () => {
    expect((await ask('anna', 'cor', { contact: {} })).status).toBe(400);
    expect((await ask('anna', 'cor', { contact: { phone: '<script>' } })).status).toBe(400);
    expect((await ask('anna', 'cor', { contact: { email: 'x', extra: 1 } })).status).toBe(400);
    expect((await ask('anna', 'cor', { message: '' })).status).toBe(400);
  });

  it(`lets a member have at most ${OPEN_REQUESTS_MAX} unanswered requests at a time`, async () => {
    for (let i = 0; i < OPEN_REQUESTS_MAX; i++) {
      expect((await ask('spammer', `buur-${i}`)).status).toBe(201);
    }
    const refused = await ask('spammer', 'buur-extra');
    expect(refused).toMatchObject({ status: 429, body: { error: 'too-many-open-requests' } });
  });

  it('keeps requests inside their neighbourhood and away from kiosks and guests', async () => {
    const { body } = await ask('anna', 'dirk');
    expect((await call('other-nb', `/api/contacts/${body.id as string}/decline`, {})).status).toBe(
      404,
    );
    expect((await call('other-nb', '/api/contacts')).body).toEqual({ incoming: [], outgoing: [] });
    expect((await call('kiosk', '/api/contacts')).status).toBe(403);
    const guest = await fetch(`${relay.url}/api/contacts`);
    expect(guest.status).toBe(401);
  });

  it('gives moderators when requests were accepted, to the hour and without names, for impact figures', async () => {
    const before = await call('mod', '/api/contacts/accepted');
    const sent = await ask('cor', 'anna');
    await call('anna', `/api/contacts/${sent.body.id as string}/accept`, {
      contact: { email: 'anna@example.nl' },
    });
    const after = await call('mod', '/api/contacts/accepted');
    expect(after.status).toBe(200);
    const times = after.body.accepted as number[];
    expect(times).toHaveLength((before.body.accepted as number[]).length + 1);
    for (const at of times) expect(at % 3600).toBe(0);
    expect(Object.keys(after.body)).toEqual(['accepted']);
    expect((await call('anna', '/api/contacts/accepted')).status).toBe(403);
    expect((await call('kiosk', '/api/contacts/accepted')).status).toBe(403);
  });
});
