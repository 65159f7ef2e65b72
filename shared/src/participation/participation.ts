/**
 * Participation rounds in the `community` space (DESIGN.md §3): an official puts a plan to
 * the neighbourhood early, with the legal frame and the room for choice stated up front;
 * the round moves through inform -> ideas -> responses -> decision -> feedback. Residents
 * submit, support and respond to ideas; officials say what happened to each idea and
 * what was done with it all. Rounds are never closed to reading.
 *
 * Layout (docs/schema.md): `participation` is a Y.Map from round id to a Y.Map of fields.
 * `phases` is an append-only Y.Array of phase changes: a round only moves forward, so the
 * current phase is the furthest one reached, and two officials advancing at once converge
 * without a conflict. Ideas are a Y.Map of Y.Maps; supports a Y.Map from member id to
 * `{on, at}` (one per member, a withdrawal is a write); responses an append-only Y.Array.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import type { ModelContext } from '../context.js';
import { NotFoundError, PermissionError, PhaseError } from '../errors.js';
import { type Author, authorSchema, canModerate, isMember } from '../roles.js';
import { writeTransaction } from '../schema-version.js';
import { parseInput, readStored } from '../validation.js';
import {
  type IdeaInput,
  ideaInputSchema,
  type Outcome,
  type OutcomeInput,
  outcomeInputSchema,
  type Phase,
  type PhaseChange,
  PHASES,
  type ResponseInput,
  responseInputSchema,
  type ResponseView,
  type RoundInput,
  roundInputSchema,
  type Statement,
  type StatementInput,
  statementInputSchema,
  storedIdea,
  storedPhaseChange,
  storedResponse,
  storedRound,
  storedSupport,
} from './round-schema.js';

export interface IdeaView {
  id: string;
  title: string;
  text: string;
  author: Author;
  /** The resident a moderator wrote the idea down for. */
  onBehalfOf?: string;
  createdAt: number;
  /** Ids of the members who support it now. */
  supporters: string[];
  /** Oldest first. */
  responses: ResponseView[];
  outcome?: Outcome;
  /** Written (offline) before, but arrived after the ideas phase had closed. */
  late: boolean;
}

export interface RoundView {
  id: string;
  title: string;
  summary: string;
  legalFrame: string;
  roomForChoice: string;
  village?: string;
  ideasUntil?: number;
  responsesUntil?: number;
  createdBy: Author;
  createdAt: number;
  /** The furthest phase reached. */
  phase: Phase;
  /** When each phase began (the first change into it), in phase order. */
  timeline: PhaseChange[];
  /** Most supported first, then oldest. */
  ideas: IdeaView[];
  decision?: Statement;
  feedback?: Statement;
}

const idSchema = z.string().min(1).max(100);
type FieldMap = Y.Map<unknown>;

/** What each phase allows; later phases keep the round readable. */
const ALLOWED: Record<'idea' | 'support' | 'respond' | 'outcome' | 'decide' | 'feedback', Phase[]> =
  {
    idea: ['ideas'],
    support: ['ideas', 'responses'],
    respond: ['ideas', 'responses'],
    outcome: ['decision', 'feedback'],
    decide: ['decision', 'feedback'],
    feedback: ['feedback'],
  };

export class Participation {
  private readonly map: Y.Map<FieldMap>;

  constructor(
    private readonly doc: Y.Doc,
    private readonly ctx: ModelContext,
  ) {
    this.map = doc.getMap('participation');
  }

  /** An official starts a round; it begins in the inform phase. */
  start(input: RoundInput, author: Author): RoundView {
    const data = parseInput(roundInputSchema, input);
    const who = requireOfficial(author, 'start participation rounds');
    const id = this.ctx.newId();
    const at = this.ctx.now();
    writeTransaction(this.doc, 'community', () => {
      const round = new Y.Map<unknown>();
      round.set('id', id);
      for (const [key, value] of Object.entries(data)) {
        if (value !== undefined) round.set(key, value);
      }
      round.set('createdBy', who);
      round.set('createdAt', at);
      round.set('phases', Y.Array.from([{ id: this.ctx.newId(), phase: 'inform', by: who, at }]));
      round.set('ideas', new Y.Map<unknown>());
      this.map.set(id, round);
    });
    return this.require(id);
  }

  /** Moves the round forward to `phase` (skipping is allowed, going back is not). */
  advance(roundId: string, phase: Phase, author: Author): RoundView {
    const next = parseInput(z.enum(PHASES), phase);
    const who = requireOfficial(author, 'move rounds to the next phase');
    const current = this.require(roundId).phase;
    if (PHASES.indexOf(next) <= PHASES.indexOf(current)) {
      throw new PhaseError(roundId, current, `going to "${next}"`);
    }
    const phases = this.live(roundId).get('phases') as Y.Array<unknown>;
    writeTransaction(this.doc, 'community', () =>
      phases.push([{ id: this.ctx.newId(), phase: next, by: who, at: this.ctx.now() }]),
    );
    return this.require(roundId);
  }

  /** A member submits an idea; a moderator may write one down for a resident. */
  submitIdea(roundId: string, input: IdeaInput, author: Author): IdeaView {
    const data = parseInput(ideaInputSchema, input);
    const who = requireMember(author, 'submit ideas');
    if (data.onBehalfOf !== undefined && !canModerate(who.role)) {
      throw new PermissionError('Only moderators and officials write ideas down for others.');
    }
    this.requirePhase(roundId, 'idea', 'submitting an idea');
    const ideas = this.live(roundId).get('ideas') as Y.Map<FieldMap>;
    const id = this.ctx.newId();
    writeTransaction(this.doc, 'community', () => {
      const idea = new Y.Map<unknown>();
      idea.set('id', id);
      idea.set('title', data.title);
      idea.set('text', data.text);
      if (data.onBehalfOf !== undefined) idea.set('onBehalfOf', data.onBehalfOf);
      idea.set('author', who);
      idea.set('createdAt', this.ctx.now());
      idea.set('supports', new Y.Map<unknown>());
      idea.set('responses', new Y.Array<unknown>());
      ideas.set(id, idea);
    });
    return this.requireIdea(roundId, id);
  }

  /** A member supports an idea, or withdraws their support. */
  support(roundId: string, ideaId: string, on: boolean, author: Author): IdeaView {
    const who = requireMember(author, 'support ideas');
    this.requirePhase(roundId, 'support', 'supporting an idea');
    const supports = this.liveIdea(roundId, ideaId).get('supports') as Y.Map<unknown>;
    writeTransaction(this.doc, 'community', () =>
      supports.set(who.id, { on: z.boolean().parse(on), at: this.ctx.now() }),
    );
    return this.requireIdea(roundId, ideaId);
  }

  /** A member responds to an idea. */
  respond(roundId: string, ideaId: string, input: ResponseInput, author: Author): ResponseView {
    const data = parseInput(responseInputSchema, input);
    const who = requireMember(author, 'respond to ideas');
    this.requirePhase(roundId, 'respond', 'responding');
    const responses = this.liveIdea(roundId, ideaId).get('responses') as Y.Array<unknown>;
    const response: ResponseView = {
      id: this.ctx.newId(),
      text: data.text,
      author: who,
      at: this.ctx.now(),
    };
    writeTransaction(this.doc, 'community', () => responses.push([response]));
    return response;
  }

  /** An official records what happened to an idea. */
  setOutcome(roundId: string, ideaId: string, input: OutcomeInput, author: Author): IdeaView {
    const data = parseInput(outcomeInputSchema, input);
    const who = requireOfficial(author, 'record what happened to an idea');
    this.requirePhase(roundId, 'outcome', 'recording an outcome');
    const idea = this.liveIdea(roundId, ideaId);
    writeTransaction(this.doc, 'community', () =>
      idea.set('outcome', { ...data, by: who, at: this.ctx.now() }),
    );
    return this.requireIdea(roundId, ideaId);
  }

  /** The decision on the plan (decision phase). */
  decide(roundId: string, input: StatementInput, author: Author): RoundView {
    return this.state(roundId, 'decision', 'decide', input, author);
  }

  /** What was done with the ideas ("wat is ermee gedaan", feedback phase). */
  giveFeedback(roundId: string, input: StatementInput, author: Author): RoundView {
    return this.state(roundId, 'feedback', 'feedback', input, author);
  }

  /** Removes an idea: its author while ideas are open, or a moderator/official any time. */
  removeIdea(roundId: string, ideaId: string, author: Author): void {
    const who = parseInput(authorSchema, author);
    const idea = this.requireIdea(roundId, ideaId);
    const round = this.require(roundId);
    const own = idea.author.id === who.id && ALLOWED.idea.includes(round.phase);
    if (!own && !canModerate(who.role)) {
      throw new PermissionError(
        'Only the author (while ideas are open) or a moderator removes an idea.',
      );
    }
    const live = this.liveIdea(roundId, ideaId);
    writeTransaction(this.doc, 'community', () => {
      live.set('title', '');
      live.set('text', '');
      live.delete('onBehalfOf');
      live.set('deletedAt', this.ctx.now());
    });
  }

  get(id: string): RoundView | null {
    return readRound(this.map.get(id));
  }

  /** Every round, newest first; finished rounds stay readable. */
  list(): RoundView[] {
    const rounds: RoundView[] = [];
    for (const value of this.map.values()) {
      const round = readRound(value);
      if (round) rounds.push(round);
    }
    return rounds.sort((a, b) => b.createdAt - a.createdAt || compareIds(a.id, b.id));
  }

  observe(listener: () => void): () => void {
    const handler = () => listener();
    this.map.observeDeep(handler);
    return () => this.map.unobserveDeep(handler);
  }

  private state(
    roundId: string,
    key: 'decision' | 'feedback',
    step: 'decide' | 'feedback',
    input: StatementInput,
    author: Author,
  ): RoundView {
    const data = parseInput(statementInputSchema, input);
    const who = requireOfficial(author, `write the ${key}`);
    this.requirePhase(roundId, step, `writing the ${key}`);
    const round = this.live(roundId);
    writeTransaction(this.doc, 'community', () =>
      round.set(key, { text: data.text, by: who, at: this.ctx.now() }),
    );
    return this.require(roundId);
  }

  private requirePhase(roundId: string, step: keyof typeof ALLOWED, what: string): void {
    const { phase } = this.require(roundId);
    if (!ALLOWED[step].includes(phase)) throw new PhaseError(roundId, phase, what);
  }

  private live(id: string): FieldMap {
    const round = this.map.get(parseInput(idSchema, id));
    if (!(round instanceof Y.Map) || !readRound(round)) throw new NotFoundError(`No round ${id}`);
    return round;
  }

  private liveIdea(roundId: string, ideaId: string): FieldMap {
    const ideas = this.live(roundId).get('ideas');
    const idea = ideas instanceof Y.Map ? ideas.get(ideaId) : undefined;
    if (!(idea instanceof Y.Map) || !readIdea(idea, Infinity)) {
      throw new NotFoundError(`No idea ${ideaId}`);
    }
    return idea;
  }

  private require(id: string): RoundView {
    const round = this.get(id);
    if (!round) throw new NotFoundError(`No round ${id}`);
    return round;
  }

  private requireIdea(roundId: string, ideaId: string): IdeaView {
    const idea = this.require(roundId).ideas.find((i) => i.id === ideaId);
    if (!idea) throw new NotFoundError(`No idea ${ideaId}`);
    return idea;
  }
}

function requireMember(author: Author, what: string): Author {
  const who = parseInput(authorSchema, author);
  if (!isMember(who.role)) throw new PermissionError(`Only members ${what}.`);
  return who;
}

/** Rounds are the municipality's: officials run them (DESIGN.md §1). */
function requireOfficial(author: Author, what: string): Author {
  const who = parseInput(authorSchema, author);
  if (who.role !== 'official') throw new PermissionError(`Only officials ${what}.`);
  return who;
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function plainFields(map: FieldMap, nested: string[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of map.entries()) if (!nested.includes(key)) fields[key] = value;
  return fields;
}

/** The phase changes that count, in phase order: the first change into each phase. */
function timeline(raw: unknown): PhaseChange[] {
  const changes = (raw instanceof Y.Array ? raw.toArray() : [])
    .map((c) => readStored(storedPhaseChange, c))
    .filter((c): c is PhaseChange => c !== null)
    .sort((a, b) => a.at - b.at || compareIds(a.id, b.id));
  const first = new Map<Phase, PhaseChange>();
  for (const change of changes) if (!first.has(change.phase)) first.set(change.phase, change);
  return PHASES.filter((p) => first.has(p)).map((p) => first.get(p) as PhaseChange);
}

function readIdea(value: unknown, ideasClosedAt: number): IdeaView | null {
  if (!(value instanceof Y.Map)) return null;
  const stored = readStored(storedIdea, plainFields(value, ['supports', 'responses']));
  if (!stored || stored.deletedAt !== undefined || !stored.title || !stored.text) return null;
  const supports = value.get('supports');
  const supporters = [...(supports instanceof Y.Map ? supports.entries() : [])]
    .filter(([, s]) => readStored(storedSupport, s)?.on === true)
    .map(([memberId]) => memberId as string)
    .sort();
  const rawResponses = value.get('responses');
  const responses = (rawResponses instanceof Y.Array ? rawResponses.toArray() : [])
    .map((r) => readStored(storedResponse, r))
    .filter((r): r is ResponseView => r !== null)
    .sort((a, b) => a.at - b.at || compareIds(a.id, b.id));
  return {
    id: stored.id,
    title: stored.title,
    text: stored.text,
    author: stored.author,
    ...(stored.onBehalfOf !== undefined && { onBehalfOf: stored.onBehalfOf }),
    createdAt: stored.createdAt,
    supporters,
    responses,
    ...(stored.outcome && { outcome: stored.outcome }),
    late: stored.createdAt > ideasClosedAt,
  };
}

function readRound(value: unknown): RoundView | null {
  if (!(value instanceof Y.Map)) return null;
  const stored = readStored(storedRound, plainFields(value, ['phases', 'ideas']));
  if (!stored) return null;
  const phases = timeline(value.get('phases'));
  const current = phases.at(-1);
  if (!current) return null;
  const closed = phases.find((p) => PHASES.indexOf(p.phase) > PHASES.indexOf('ideas'));
  const ideasClosedAt = closed?.at ?? Infinity;
  const rawIdeas = value.get('ideas');
  const ideas = [...(rawIdeas instanceof Y.Map ? rawIdeas.values() : [])]
    .map((idea) => readIdea(idea, ideasClosedAt))
    .filter((idea): idea is IdeaView => idea !== null)
    .sort(
      (a, b) =>
        b.supporters.length - a.supporters.length ||
        a.createdAt - b.createdAt ||
        compareIds(a.id, b.id),
    );
  return {
    ...stored,
    phase: current.phase,
    timeline: phases,
    ideas,
  };
}
