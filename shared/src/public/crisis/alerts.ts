/**
 * Crisis alerts in the `public` space: CAP-1.2-shaped alerts with a timeline of updates that
 * supersede fields, a cancel that ends them, and an archive of what is over. Only moderators
 * and officials write them (the relay enforces this by space; the model refuses it too so
 * the UI can say why). The `…Signed` verbs have the author's device sign the item (signing.ts).
 *
 * Layout: `crisis` is a Y.Map from alert id to a Y.Map of fields (the original content, never
 * rewritten); `updates` inside an alert is a Y.Array of plain objects, append-only, so
 * concurrent updates all survive and every client folds them in the same order.
 */
import * as Y from 'yjs';
import type { ModelContext } from '../../context.js';
import { readOwnTokenClaims } from '../../crypto/certificate.js';
import { NotFoundError, PermissionError } from '../../errors.js';
import { type Author, authorSchema, canModerate } from '../../roles.js';
import { isNeighbourhoodSlug } from '../../rooms.js';
import { writeTransaction } from '../../schema-version.js';
import { ValidationError, parseInput } from '../../validation.js';
import {
  type AlertCancelInput,
  type AlertInput,
  type AlertUpdateInput,
  type AlertUpdateView,
  type ItemSignature,
  SEVERITIES,
  alertInputSchema,
  cancelInputSchema,
  readAlertContent,
  readUpdate,
  updateInputSchema,
} from './alert-schema.js';
import { endedAt, isActive, isArchived } from './alert-state.js';
import { type CrisisAlertView, readAlert } from './alert-view.js';
import { type DeviceSigner, alertPayload, signPayload, updatePayload } from './signing.js';

type FieldMap = Y.Map<unknown>;

/** An update or cancel for an alert that was already cancelled. */
export class AlertCancelledError extends Error {
  override readonly name = 'AlertCancelledError';
  constructor(readonly alertId: string) {
    super(`Crisis alert ${alertId} was cancelled; publish a new alert instead.`);
  }
}

interface PreparedAlert {
  record: Record<string, unknown>;
  view: CrisisAlertView;
}

export class CrisisAlerts {
  private readonly map: Y.Map<FieldMap>;

  constructor(
    private readonly doc: Y.Doc,
    private readonly ctx: ModelContext,
  ) {
    this.map = doc.getMap('crisis');
  }

  /** Throws the ValidationError `create` would throw, so a form can check before signing. */
  validate(input: AlertInput): void {
    parseInput(alertInputSchema, input);
  }

  /** Publishes an alert without a signature (shown as unverified). */
  create(input: AlertInput, author: Author): CrisisAlertView {
    return this.writeAlert(this.prepareAlert(input, author));
  }

  /** Publishes an alert signed by the author's device; `signer.token` must be the author's. */
  async createSigned(
    input: AlertInput,
    author: Author,
    signer: DeviceSigner,
  ): Promise<CrisisAlertView> {
    const nb = signerNeighbourhood(signer, author);
    const prepared = this.prepareAlert(input, author);
    const signature = await signPayload(alertPayload(nb, prepared.view), signer);
    return this.writeAlert(prepared, signature);
  }

  /** Adds an update; its `changes` supersede the alert's current fields. */
  addUpdate(alertId: string, input: AlertUpdateInput, author: Author): AlertUpdateView {
    const { updates, entry } = this.prepareUpdate(alertId, input, author);
    return this.writeEntry(updates, entry);
  }

  async addUpdateSigned(
    alertId: string,
    input: AlertUpdateInput,
    author: Author,
    signer: DeviceSigner,
  ): Promise<AlertUpdateView> {
    const nb = signerNeighbourhood(signer, author);
    const { updates, entry } = this.prepareUpdate(alertId, input, author);
    const signature = await signPayload(updatePayload(nb, alertId, entry), signer);
    return this.writeEntry(updates, entry, signature);
  }

  /** Cancels the alert (CAP msgType Cancel): it leaves `active` and moves to the archive. */
  cancel(alertId: string, input: AlertCancelInput, author: Author): AlertUpdateView {
    const { updates, entry } = this.prepareCancel(alertId, input, author);
    return this.writeEntry(updates, entry);
  }

  async cancelSigned(
    alertId: string,
    input: AlertCancelInput,
    author: Author,
    signer: DeviceSigner,
  ): Promise<AlertUpdateView> {
    const nb = signerNeighbourhood(signer, author);
    const { updates, entry } = this.prepareCancel(alertId, input, author);
    const signature = await signPayload(updatePayload(nb, alertId, entry), signer);
    return this.writeEntry(updates, entry, signature);
  }

  get(id: string): CrisisAlertView | null {
    return readAlert(this.map.get(id));
  }

  /** Every readable alert, newest first (by `effective`, then id). */
  all(): CrisisAlertView[] {
    const alerts: CrisisAlertView[] = [];
    for (const value of this.map.values()) {
      const alert = readAlert(value);
      if (alert) alerts.push(alert);
    }
    return alerts.sort((a, b) => b.effective - a.effective || compareIds(a.id, b.id));
  }

  /** Alerts in force at `now` (effective, not expired, not cancelled), most severe first. */
  active(now: number): CrisisAlertView[] {
    return this.all()
      .filter((a) => isActive(a, now))
      .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
  }

  /** Alerts that are over at `now` (cancelled or expired), the most recently ended first. */
  archive(now: number): CrisisAlertView[] {
    return this.all()
      .filter((a) => isArchived(a, now))
      .sort((a, b) => endedAt(b) - endedAt(a) || compareIds(a.id, b.id));
  }

  observe(listener: () => void): () => void {
    const handler = () => listener();
    this.map.observeDeep(handler);
    return () => this.map.unobserveDeep(handler);
  }

  private prepareAlert(input: AlertInput, author: Author): PreparedAlert {
    const data = parseInput(alertInputSchema, input);
    const who = requireModerator(author);
    const record: Record<string, unknown> = { id: this.ctx.newId(), author: who };
    for (const [key, value] of Object.entries(data)) if (value !== undefined) record[key] = value;
    record.createdAt = this.ctx.now();
    // The view is read back through the same reader a verifier uses, so the payload signed
    // is exactly the one that will be rebuilt from the document.
    const original = readAlertContent(record);
    if (!original) throw new Error('alert input did not survive its own reader');
    const view = {
      ...original,
      id: record.id as string,
      author: who,
      createdAt: record.createdAt as number,
      msgType: 'alert' as const,
      original,
      updates: [],
      updatedAt: record.createdAt as number,
    };
    return { record, view };
  }

  private writeAlert(prepared: PreparedAlert, signature?: ItemSignature): CrisisAlertView {
    const id = prepared.view.id;
    writeTransaction(this.doc, 'public', () => {
      const alert = new Y.Map<unknown>();
      for (const [key, value] of Object.entries(prepared.record)) alert.set(key, value);
      if (signature) alert.set('signature', signature);
      alert.set('updates', new Y.Array<unknown>());
      this.map.set(id, alert);
    });
    const view = this.get(id);
    if (!view) throw new NotFoundError(`No crisis alert ${id}`);
    return view;
  }

  private prepareUpdate(alertId: string, input: AlertUpdateInput, author: Author) {
    const data = parseInput(updateInputSchema, input);
    const who = requireModerator(author);
    const { updates, view } = this.writableAlert(alertId);
    if (data.changes.expires !== undefined && data.changes.expires <= view.effective) {
      throw new ValidationError([
        {
          path: 'changes.expires',
          code: 'too_small',
          message: 'expires must be after the alert becomes effective',
        },
      ]);
    }
    const raw: Record<string, unknown> = {
      id: this.ctx.newId(),
      msgType: 'update',
      text: data.text,
      at: this.ctx.now(),
      author: who,
      changes: data.changes,
    };
    if (data.media.length > 0) raw.media = data.media;
    return { updates, entry: readBack(raw) };
  }

  private prepareCancel(alertId: string, input: AlertCancelInput, author: Author) {
    const data = parseInput(cancelInputSchema, input);
    const who = requireModerator(author);
    const { updates } = this.writableAlert(alertId);
    const raw = {
      id: this.ctx.newId(),
      msgType: 'cancel',
      text: data.reason,
      at: this.ctx.now(),
      author: who,
    };
    return { updates, entry: readBack(raw) };
  }

  private writableAlert(alertId: string): { updates: Y.Array<unknown>; view: CrisisAlertView } {
    const updates = this.map.get(alertId)?.get('updates');
    const view = this.get(alertId);
    if (!(updates instanceof Y.Array) || !view) {
      throw new NotFoundError(`No crisis alert ${alertId}`);
    }
    if (view.cancelled) throw new AlertCancelledError(alertId);
    return { updates: updates as Y.Array<unknown>, view };
  }

  private writeEntry(
    updates: Y.Array<unknown>,
    entry: AlertUpdateView,
    signature?: ItemSignature,
  ): AlertUpdateView {
    const stored = toStored(entry, signature);
    writeTransaction(this.doc, 'public', () => updates.push([stored]));
    return readBack(stored);
  }
}

/** What a timeline entry is stored as (plain JSON; empty lists left out). */
function toStored(entry: AlertUpdateView, signature?: ItemSignature): Record<string, unknown> {
  const stored: Record<string, unknown> = {
    id: entry.id,
    msgType: entry.msgType,
    text: entry.text,
    at: entry.at,
    author: entry.author,
  };
  if (entry.msgType === 'update') stored.changes = entry.changes;
  if (entry.media.length > 0) stored.media = entry.media;
  if (signature) stored.signature = signature;
  return stored;
}

function readBack(raw: Record<string, unknown>): AlertUpdateView {
  const entry = readUpdate(raw);
  if (!entry) throw new Error('timeline entry did not survive its own reader');
  return entry;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function requireModerator(author: Author): Author {
  const who = parseInput(authorSchema, author);
  if (!canModerate(who.role))
    throw new PermissionError('Only moderators and officials publish crisis alerts.');
  return who;
}

/** The neighbourhood the signer's token is for; refuses a token of another member. */
function signerNeighbourhood(signer: DeviceSigner, author: Author): string {
  const claims = readOwnTokenClaims(signer.token);
  if (claims.nb === undefined || !isNeighbourhoodSlug(claims.nb)) {
    throw new ValidationError([
      { path: 'token', code: 'invalid_token', message: 'the token names no neighbourhood' },
    ]);
  }
  if (claims.sub !== author.id) {
    throw new PermissionError('The signing token belongs to another member than the author.');
  }
  return claims.nb;
}
