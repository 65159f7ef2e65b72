/**
 * Crisis alerts in the `public` space: a minimal CAP-1.2-shaped alert with a timeline of
 * rolling updates. Only moderators and officials write them (the relay enforces this by
 * space; the model refuses it too so the UI can say why). Signing comes with the crisis issue.
 *
 * Layout: `crisis` is a Y.Map from alert id to a Y.Map of fields; `updates` inside an
 * alert is a Y.Array of plain objects, append-only, so concurrent updates all survive.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import type { ModelContext } from '../context.js';
import { NotFoundError, PermissionError } from '../errors.js';
import { type Author, authorSchema, canModerate } from '../roles.js';
import { writeTransaction } from '../schema-version.js';
import { parseInput, readStored } from '../validation.js';

export const SEVERITIES = ['extreme', 'severe', 'moderate', 'minor'] as const;
export const ALERT_STATUSES = ['actual', 'exercise', 'test'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const alertInputSchema = z
  .object({
    headline: z.string().trim().min(1).max(160),
    description: z.string().trim().min(1).max(5_000),
    instruction: z.string().trim().min(1).max(2_000).optional(),
    severity: z.enum(SEVERITIES),
    status: z.enum(ALERT_STATUSES),
    villages: z.array(z.string().trim().min(1).max(80)).max(50),
    effective: z.number().int().nonnegative(),
    expires: z.number().int().nonnegative(),
  })
  .refine((a) => a.expires > a.effective, {
    path: ['expires'],
    message: 'expires must be after effective',
  });
export type AlertInput = z.input<typeof alertInputSchema>;

export const updateInputSchema = z.object({ text: z.string().trim().min(1).max(5_000) });
export type AlertUpdateInput = z.input<typeof updateInputSchema>;

const storedUpdate = z.object({
  id: z.string(),
  text: z.string(),
  at: z.number(),
  author: authorSchema,
});
export type AlertUpdateView = z.infer<typeof storedUpdate>;

const storedAlert = z.object({
  id: z.string(),
  headline: z.string(),
  description: z.string(),
  instruction: z.string().optional(),
  severity: z.enum(SEVERITIES),
  status: z.enum(ALERT_STATUSES),
  villages: z.array(z.string()),
  effective: z.number(),
  expires: z.number(),
  author: authorSchema,
  createdAt: z.number(),
});
export interface CrisisAlertView extends z.infer<typeof storedAlert> {
  /** Rolling updates, oldest first. */
  updates: AlertUpdateView[];
}

type FieldMap = Y.Map<unknown>;

export class CrisisAlerts {
  private readonly map: Y.Map<FieldMap>;

  constructor(
    private readonly doc: Y.Doc,
    private readonly ctx: ModelContext,
  ) {
    this.map = doc.getMap('crisis');
  }

  create(input: AlertInput, author: Author): CrisisAlertView {
    const data = parseInput(alertInputSchema, input);
    const who = requireModerator(author);
    const id = this.ctx.newId();
    writeTransaction(this.doc, 'public', () => {
      const alert = new Y.Map<unknown>();
      for (const [key, value] of Object.entries(data))
        if (value !== undefined) alert.set(key, value);
      alert.set('id', id);
      alert.set('author', who);
      alert.set('createdAt', this.ctx.now());
      alert.set('updates', new Y.Array<AlertUpdateView>());
      this.map.set(id, alert);
    });
    return this.require(id);
  }

  addUpdate(alertId: string, input: AlertUpdateInput, author: Author): AlertUpdateView {
    const data = parseInput(updateInputSchema, input);
    const who = requireModerator(author);
    const updates = this.map.get(alertId)?.get('updates');
    if (!(updates instanceof Y.Array)) throw new NotFoundError(`No crisis alert ${alertId}`);
    const update: AlertUpdateView = {
      id: this.ctx.newId(),
      text: data.text,
      at: this.ctx.now(),
      author: who,
    };
    writeTransaction(this.doc, 'public', () => updates.push([update]));
    return update;
  }

  get(id: string): CrisisAlertView | null {
    return readAlert(this.map.get(id));
  }

  /** Every readable alert, newest first. */
  all(): CrisisAlertView[] {
    const alerts: CrisisAlertView[] = [];
    for (const value of this.map.values()) {
      const alert = readAlert(value);
      if (alert) alerts.push(alert);
    }
    return alerts.sort((a, b) => b.effective - a.effective || a.id.localeCompare(b.id));
  }

  /** Alerts in force at `now`: effective and not yet expired, most severe first. */
  active(now: number): CrisisAlertView[] {
    return this.all()
      .filter((a) => a.effective <= now && now < a.expires)
      .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
  }

  observe(listener: () => void): () => void {
    const handler = () => listener();
    this.map.observeDeep(handler);
    return () => this.map.unobserveDeep(handler);
  }

  private require(id: string): CrisisAlertView {
    const alert = this.get(id);
    if (!alert) throw new NotFoundError(`No crisis alert ${id}`);
    return alert;
  }
}

function requireModerator(author: Author): Author {
  const who = parseInput(authorSchema, author);
  if (!canModerate(who.role))
    throw new PermissionError('Only moderators and officials publish crisis alerts.');
  return who;
}

function readAlert(value: unknown): CrisisAlertView | null {
  if (!(value instanceof Y.Map)) return null;
  const fields: Record<string, unknown> = {};
  for (const [key, field] of value.entries()) if (key !== 'updates') fields[key] = field;
  const stored = readStored(storedAlert, fields);
  if (!stored) return null;
  const rawUpdates = value.get('updates');
  const updates = rawUpdates instanceof Y.Array ? rawUpdates.toArray() : [];
  return {
    ...stored,
    updates: updates
      .map((u) => readStored(storedUpdate, u))
      .filter((u): u is AlertUpdateView => u !== null)
      .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id)),
  };
}
