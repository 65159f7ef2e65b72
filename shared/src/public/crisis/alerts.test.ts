import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PermissionError } from '../../errors.js';
import { anna, fixedContext, gemeente, mod } from '../../test-support.js';
import { ValidationError } from '../../validation.js';
import { PublicSpace } from '../public-space.js';
import type { AlertInput } from './alert-schema.js';
import { AlertCancelledError } from './alerts.js';
import { meet } from '../../test-support/meet.js';

const HOUR = 3_600_000;
const PHOTO = {
  hash: 'a'.repeat(64),
  type: 'image/jpeg' as const,
  alt: 'Ondergelopen weg',
  bytes: 5,
};
const VIDEO = { hash: 'b'.repeat(64), type: 'video/mp4' as const, bytes: 50 };

function space() {
  const ctx = fixedContext();
  return { ctx, pub: new PublicSpace(new Y.Doc(), ctx) };
}

const storm = (now: number): AlertInput => ({
  status: 'actual',
  event: 'Storm',
  category: 'Met',
  severity: 'moderate',
  urgency: 'expected',
  certainty: 'likely',
  headline: 'Zware storm vanavond',
  description: 'Windstoten tot 100 km/u.',
  instruction: 'Zet losse spullen vast.',
  villages: ['Mook'],
  effective: now,
  expires: now + 12 * HOUR,
});

describe('crisis alert lifecycle', () => {
  it('stores the CAP fields and fills CAP defaults for what a form leaves out', () => {
    const { pub, ctx } = space();
    const alert = pub.crisis.create(
      {
        status: 'exercise',
        severity: 'minor',
        headline: 'Oefening',
        description: 'Dit is een oefening.',
        villages: [],
        effective: ctx.now(),
        expires: ctx.now() + HOUR,
      },
      mod,
    );
    expect(alert).toMatchObject({
      status: 'exercise',
      msgType: 'alert',
      category: 'Other',
      urgency: 'unknown',
      certainty: 'unknown',
      links: [],
      media: [],
      updates: [],
      updatedAt: ctx.now(),
    });
    expect(alert.event).toBeUndefined();
  });

  it('keeps photos, videos and links with the alert and with each update', () => {
    const { pub, ctx } = space();
    const alert = pub.crisis.create(
      {
        ...storm(ctx.now()),
        web: 'https://www.knmi.nl',
        links: [{ url: 'https://www.knmi.nl/waarschuwingen', title: 'KNMI' }],
        media: [PHOTO],
      },
      mod,
    );
    ctx.advance(HOUR);
    pub.crisis.addUpdate(alert.id, { text: 'Beelden van de Rijksweg.', media: [VIDEO] }, mod);
    const view = pub.crisis.get(alert.id)!;
    expect(view.media).toEqual([PHOTO]);
    expect(view.links).toEqual([{ url: 'https://www.knmi.nl/waarschuwingen', title: 'KNMI' }]);
    expect(view.web).toBe('https://www.knmi.nl');
    expect(view.updates[0]?.media).toEqual([VIDEO]);
  });

  it('refuses links that are not plain https addresses', () => {
    const { pub, ctx } = space();
    for (const url of [
      'http://example.nl',
      'javascript:alert(1)',
      'https://exa mple.nl',
      'HTTPS://example.nl',
      '//example.nl',
    ]) {
      expect(() => pub.crisis.create({ ...storm(ctx.now()), web: url }, mod), url).toThrow(
        ValidationError,
      );
      expect(() => pub.crisis.create({ ...storm(ctx.now()), links: [{ url }] }, mod), url).toThrow(
        ValidationError,
      );
    }
  });

  it('applies an update over the original: the view shows the current state and the timeline', () => {
    const { pub, ctx } = space();
    const alert = pub.crisis.create(storm(ctx.now()), gemeente);
    ctx.advance(HOUR);
    pub.crisis.addUpdate(
      alert.id,
      {
        text: 'De storm wordt zwaarder.',
        changes: {
          severity: 'severe',
          headline: 'Zeer zware storm',
          expires: ctx.now() + 20 * HOUR,
        },
      },
      gemeente,
    );
    ctx.advance(HOUR);
    pub.crisis.addUpdate(
      alert.id,
      { text: 'Blijf binnen.', changes: { instruction: 'Blijf binnen tot 06:00.' } },
      mod,
    );
    const view = pub.crisis.get(alert.id)!;
    expect(view).toMatchObject({
      msgType: 'update',
      severity: 'severe',
      headline: 'Zeer zware storm',
      instruction: 'Blijf binnen tot 06:00.',
      description: 'Windstoten tot 100 km/u.',
      expires: ctx.now() - HOUR + 20 * HOUR,
      updatedAt: ctx.now(),
    });
    expect(view.original.severity).toBe('moderate');
    expect(view.original.headline).toBe('Zware storm vanavond');
    expect(view.updates.map((u) => u.text)).toEqual(['De storm wordt zwaarder.', 'Blijf binnen.']);
  });

  it('lets the latest update win for a field changed twice', () => {
    const { pub, ctx } = space();
    const alert = pub.crisis.create(storm(ctx.now()), gemeente);
    ctx.advance(HOUR);
    pub.crisis.addUpdate(alert.id, { text: 'Erger', changes: { severity: 'extreme' } }, gemeente);
    ctx.advance(HOUR);
    pub.crisis.addUpdate(alert.id, { text: 'Minder', changes: { severity: 'minor' } }, gemeente);
    expect(pub.crisis.get(alert.id)?.severity).toBe('minor');
  });

  it('ends a cancelled alert: out of active, into the archive, with the reason', () => {
    const { pub, ctx } = space();
    const alert = pub.crisis.create(storm(ctx.now()), gemeente);
    ctx.advance(HOUR);
    pub.crisis.cancel(alert.id, { reason: 'De storm trekt over ons heen.' }, mod);
    const view = pub.crisis.get(alert.id)!;
    expect(view.msgType).toBe('cancel');
    expect(view.cancelled).toMatchObject({ reason: 'De storm trekt over ons heen.', author: mod });
    expect(view.cancelledAt).toBe(ctx.now());
    expect(pub.crisis.active(ctx.now())).toEqual([]);
    expect(pub.crisis.archive(ctx.now()).map((a) => a.id)).toEqual([alert.id]);
  });

  it('refuses updates and a second cancel once an alert is cancelled', () => {
    const { pub, ctx } = space();
    const alert = pub.crisis.create(storm(ctx.now()), gemeente);
    pub.crisis.cancel(alert.id, { reason: 'Vergissing.' }, gemeente);
    expect(() => pub.crisis.addUpdate(alert.id, { text: 'Toch' }, gemeente)).toThrow(
      AlertCancelledError,
    );
    expect(() => pub.crisis.cancel(alert.id, { reason: 'Nogmaals' }, gemeente)).toThrow(
      AlertCancelledError,
    );
  });

  it('moves an expired alert to the archive by itself, and back when an update extends it', () => {
    const { pub, ctx } = space();
    const alert = pub.crisis.create(storm(ctx.now()), gemeente);
    const later = ctx.now() + 13 * HOUR;
    expect(pub.crisis.active(later)).toEqual([]);
    expect(pub.crisis.archive(later).map((a) => a.id)).toEqual([alert.id]);
    expect(pub.crisis.archive(ctx.now())).toEqual([]);
    pub.crisis.addUpdate(
      alert.id,
      { text: 'Verlengd tot morgen.', changes: { expires: ctx.now() + 24 * HOUR } },
      gemeente,
    );
    expect(pub.crisis.active(later).map((a) => a.id)).toEqual([alert.id]);
    expect(pub.crisis.archive(later)).toEqual([]);
  });

  it('lists the archive with the most recently ended alert first', () => {
    const { pub, ctx } = space();
    const t = ctx.now();
    const first = pub.crisis.create({ ...storm(t), expires: t + HOUR }, gemeente);
    const second = pub.crisis.create({ ...storm(t), expires: t + 5 * HOUR }, gemeente);
    const third = pub.crisis.create({ ...storm(t), expires: t + 10 * HOUR }, gemeente);
    ctx.advance(3 * HOUR);
    pub.crisis.cancel(third.id, { reason: 'Voorbij.' }, gemeente);
    expect(pub.crisis.archive(t + 20 * HOUR).map((a) => a.id)).toEqual([
      second.id,
      third.id,
      first.id,
    ]);
  });

  it('refuses an update that would make the alert expire before it starts', () => {
    const { pub, ctx } = space();
    const alert = pub.crisis.create(storm(ctx.now()), gemeente);
    expect(() =>
      pub.crisis.addUpdate(alert.id, { text: 'x', changes: { expires: ctx.now() } }, gemeente),
    ).toThrow(ValidationError);
  });

  it('refuses updates and cancels from residents', () => {
    const { pub, ctx } = space();
    const alert = pub.crisis.create(storm(ctx.now()), gemeente);
    expect(() => pub.crisis.addUpdate(alert.id, { text: 'Ik weet meer' }, anna)).toThrow(
      PermissionError,
    );
    expect(() => pub.crisis.cancel(alert.id, { reason: 'Niks aan de hand' }, anna)).toThrow(
      PermissionError,
    );
  });

  it('reads an alert written before the crisis issue with CAP defaults', () => {
    const { pub, ctx } = space();
    const doc = pub.doc;
    doc.transact(() => {
      const old = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({
        id: 'old',
        headline: 'Oud bericht',
        description: 'Van voor de crisis-update.',
        severity: 'minor',
        status: 'actual',
        villages: ['Mook'],
        effective: ctx.now(),
        expires: ctx.now() + HOUR,
        author: gemeente,
        createdAt: ctx.now(),
      }))
        old.set(k, v);
      const updates = new Y.Array<unknown>();
      updates.push([{ id: 'u1', text: 'Oude update', at: ctx.now() + 1, author: gemeente }]);
      old.set('updates', updates);
      doc.getMap('crisis').set('old', old);
    });
    expect(pub.crisis.get('old')).toMatchObject({
      urgency: 'unknown',
      certainty: 'unknown',
      category: 'Other',
      msgType: 'update',
      links: [],
      media: [],
      updates: [{ id: 'u1', msgType: 'update', text: 'Oude update', changes: {}, media: [] }],
    });
  });

  it('drops a malformed link or photo of a stored alert but keeps the alert', () => {
    const { pub, ctx } = space();
    const alert = pub.crisis.create({ ...storm(ctx.now()), media: [PHOTO] }, gemeente);
    const map = pub.doc.getMap('crisis').get(alert.id) as Y.Map<unknown>;
    map.set('media', [PHOTO, { hash: 'nope', type: 'image/gif' }]);
    map.set('links', [{ url: 'javascript:alert(1)' }, { url: 'https://ok.nl' }]);
    map.set('web', 'javascript:alert(1)');
    const view = pub.crisis.get(alert.id)!;
    expect(view.media).toEqual([PHOTO]);
    expect(view.links).toEqual([{ url: 'https://ok.nl' }]);
    expect(view.web).toBeUndefined();
  });
});

describe('concurrent crisis updates', () => {
  it('lets the first cancel in the timeline win on every device', () => {
    const a = new PublicSpace(new Y.Doc(), fixedContext());
    const alert = a.crisis.create(storm(Date.UTC(2026, 10, 28, 9)), gemeente);
    const b = new PublicSpace(new Y.Doc(), { ...fixedContext(), newId: () => 'b-cancel' });
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    a.crisis.cancel(alert.id, { reason: 'Van de gemeente' }, gemeente);
    b.crisis.cancel(alert.id, { reason: 'Van de buurtverbinder' }, mod);
    meet(a.doc, b.doc);
    // Same time on both devices: the id decides ("b-cancel" < "id-2").
    expect(a.crisis.get(alert.id)?.cancelled?.reason).toBe('Van de buurtverbinder');
    expect(a.crisis.all()).toEqual(b.crisis.all());
  });

  it('freezes the state at the cancel: a later offline update stays in the timeline only', () => {
    const { pub, ctx } = space();
    const alert = pub.crisis.create(storm(ctx.now()), gemeente);
    const offlineCtx = fixedContext();
    const offline = new PublicSpace(new Y.Doc(), { ...offlineCtx, newId: () => 'late' });
    Y.applyUpdate(offline.doc, Y.encodeStateAsUpdate(pub.doc));
    ctx.advance(HOUR);
    // The offline device writes later than the cancel (by its clock).
    offlineCtx.advance(2 * HOUR);
    pub.crisis.cancel(alert.id, { reason: 'Voorbij.' }, gemeente);
    offline.crisis.addUpdate(
      alert.id,
      { text: 'Verlengd', changes: { expires: ctx.now() + 99 * HOUR, severity: 'extreme' } },
      mod,
    );
    Y.applyUpdate(pub.doc, Y.encodeStateAsUpdate(offline.doc));
    const view = pub.crisis.get(alert.id)!;
    expect(view.updates).toHaveLength(2);
    expect(view.cancelled?.reason).toBe('Voorbij.');
    expect(view.severity).toBe('moderate');
  });

  it('converges to the same current state on every replica (seeded random updates)', () => {
    const seed = 20211714;
    let state = seed;
    const random = () => {
      // mulberry32: small, seeded, good enough to shuffle test operations.
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const base = Date.UTC(2026, 10, 28, 9);
    const replicas = [0, 1, 2].map((n) => {
      let counter = 0;
      let time = base;
      const ctx = {
        now: () => time,
        newId: () => `r${n}-${++counter}`,
        tick: () => {
          time += Math.floor(random() * 3) * 60_000;
        },
      };
      return { ctx, pub: new PublicSpace(new Y.Doc(), ctx) };
    });
    const first = replicas[0]!;
    const alert = first.pub.crisis.create(storm(base), gemeente);
    for (const r of replicas.slice(1))
      Y.applyUpdate(r.pub.doc, Y.encodeStateAsUpdate(first.pub.doc));
    for (let step = 0; step < 200; step++) {
      const r = pick(replicas);
      r.ctx.tick();
      const roll = random();
      try {
        if (roll < 0.7) {
          r.pub.crisis.addUpdate(
            alert.id,
            {
              text: `stap ${step}`,
              changes: {
                severity: pick(['extreme', 'severe', 'moderate', 'minor'] as const),
                ...(random() < 0.5 && { headline: `Kop ${step}` }),
              },
            },
            pick([gemeente, mod]),
          );
        } else if (roll < 0.72) {
          r.pub.crisis.cancel(alert.id, { reason: `einde ${step}` }, gemeente);
        } else {
          const other = pick(replicas);
          Y.applyUpdate(other.pub.doc, Y.encodeStateAsUpdate(r.pub.doc));
        }
      } catch (error) {
        if (!(error instanceof AlertCancelledError)) throw error;
      }
    }
    for (const a of replicas)
      for (const b of replicas) Y.applyUpdate(b.pub.doc, Y.encodeStateAsUpdate(a.pub.doc));
    const views = replicas.map((r) => r.pub.crisis.get(alert.id));
    expect(views[1], `seed ${seed}`).toEqual(views[0]);
    expect(views[2], `seed ${seed}`).toEqual(views[0]);
    const timeline = views[0]!.updates;
    const sorted = [...timeline].sort((x, y) => x.at - y.at || (x.id < y.id ? -1 : 1));
    expect(timeline).toEqual(sorted);
  });
});
