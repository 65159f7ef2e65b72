import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PermissionError } from '../errors.js';
import { anna, fixedContext, gemeente, mod } from '../test-support.js';
import { ValidationError } from '../validation.js';
import { PublicSpace } from './public-space.js';
import { meet } from '../test-support/meet.js';

const HOUR = 3_600_000;

function space() {
  const ctx = fixedContext();
  return { ctx, pub: new PublicSpace(new Y.Doc(), ctx) };
}

const highWater = (now: number) => ({
  headline: 'Hoogwater Maas: dijken Middelaar onder toezicht',
  description: 'Het waterpeil stijgt. De hoogste stand wordt vrijdag 14:00 verwacht.',
  instruction: 'Zet spullen uit de kelder hoger.',
  severity: 'severe' as const,
  status: 'actual' as const,
  villages: ['Middelaar', 'Mook'],
  effective: now,
  expires: now + 48 * HOUR,
});

describe('crisis alerts', () => {
  it('shows an official alert with its rolling updates in order', () => {
    const { pub, ctx } = space();
    const alert = pub.crisis.create(highWater(ctx.now()), gemeente);
    ctx.advance(HOUR);
    pub.crisis.addUpdate(alert.id, { text: 'Hoogste stand nu verwacht vrijdag 18:00.' }, gemeente);
    ctx.advance(HOUR);
    pub.crisis.addUpdate(alert.id, { text: 'Zandzakken bij de brandweerkazerne.' }, mod);
    const view = pub.crisis.get(alert.id);
    expect(view?.headline).toBe('Hoogwater Maas: dijken Middelaar onder toezicht');
    expect(view?.updates.map((u) => u.text)).toEqual([
      'Hoogste stand nu verwacht vrijdag 18:00.',
      'Zandzakken bij de brandweerkazerne.',
    ]);
  });

  it('lists an alert as active only between effective and expires', () => {
    const { pub, ctx } = space();
    const alert = pub.crisis.create(highWater(ctx.now() + HOUR), gemeente);
    expect(pub.crisis.active(ctx.now())).toEqual([]);
    expect(pub.crisis.active(ctx.now() + 2 * HOUR).map((a) => a.id)).toEqual([alert.id]);
    expect(pub.crisis.active(ctx.now() + 50 * HOUR)).toEqual([]);
    expect(pub.crisis.all().map((a) => a.id)).toEqual([alert.id]);
  });

  it('puts the most severe active alert first', () => {
    const { pub, ctx } = space();
    pub.crisis.create({ ...highWater(ctx.now()), severity: 'minor', headline: 'Stremming' }, mod);
    pub.crisis.create(
      { ...highWater(ctx.now()), severity: 'extreme', headline: 'Evacuatie' },
      gemeente,
    );
    expect(pub.crisis.active(ctx.now()).map((a) => a.headline)).toEqual(['Evacuatie', 'Stremming']);
  });

  it('refuses alerts from residents', () => {
    const { pub, ctx } = space();
    expect(() => pub.crisis.create(highWater(ctx.now()), anna)).toThrow(PermissionError);
  });

  it('refuses an alert that expires before it starts', () => {
    const { pub, ctx } = space();
    const input = { ...highWater(ctx.now()), expires: ctx.now() - 1 };
    expect(() => pub.crisis.create(input, gemeente)).toThrow(ValidationError);
  });

  it('keeps both updates written at the same time on two devices', () => {
    const a = new PublicSpace(new Y.Doc(), fixedContext());
    const alert = a.crisis.create(highWater(Date.UTC(2026, 10, 28)), gemeente);
    const b = new PublicSpace(new Y.Doc(), { ...fixedContext(), newId: () => 'b-update' });
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    a.crisis.addUpdate(alert.id, { text: 'Van de gemeente' }, gemeente);
    b.crisis.addUpdate(alert.id, { text: 'Van de buurtverbinder' }, mod);
    meet(a.doc, b.doc);
    expect(a.crisis.get(alert.id)?.updates).toHaveLength(2);
    expect(a.crisis.all()).toEqual(b.crisis.all());
  });

  it('stores the neighbourhood name and villages for moderators only', () => {
    const { pub } = space();
    expect(pub.settings.get()).toBeNull();
    expect(() => pub.settings.set({ name: 'Maasburen', villages: ['Mook'] }, anna)).toThrow(
      PermissionError,
    );
    pub.settings.set({ name: 'Maasburen', villages: ['Middelaar', 'Mook'] }, mod);
    expect(pub.settings.get()).toEqual({ name: 'Maasburen', villages: ['Middelaar', 'Mook'] });
  });
});
