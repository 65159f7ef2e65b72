/**
 * Questions and answers under a crisis alert, in the `community` space (DESIGN.md §3):
 * residents ask, officials and moderators answer, answered questions are marked, and good
 * ones are pinned as FAQ on the alert.
 *
 * Layout (docs/schema.md): `crisisQuestions` is a Y.Map from question id to a Y.Map of
 * fields. Answers are a Y.Array of plain objects (append-only, so concurrent answers all
 * survive). `pin` and `status` are one JSON value each, so a concurrent pin and unpin settle
 * on one of them rather than a mix.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import type { ModelContext } from '../context.js';
import { NotFoundError, PermissionError } from '../errors.js';
import { type Author, authorSchema, canModerate, isMember } from '../roles.js';
import { writeTransaction } from '../schema-version.js';
import { parseInput, readStored } from '../validation.js';

export const QUESTION_MAX = 1_000;
export const ANSWER_MAX = 5_000;

export const questionInputSchema = z.object({ text: z.string().trim().min(1).max(QUESTION_MAX) });
export type QuestionInput = z.input<typeof questionInputSchema>;
export const answerInputSchema = z.object({ text: z.string().trim().min(1).max(ANSWER_MAX) });
export type AnswerInput = z.input<typeof answerInputSchema>;

const alertIdSchema = z.string().min(1).max(100);

const storedAnswer = z.object({
  id: z.string(),
  text: z.string().min(1),
  author: authorSchema,
  at: z.number(),
});
export type AnswerView = z.infer<typeof storedAnswer>;

const storedMark = z.object({ on: z.boolean(), by: authorSchema, at: z.number() });

const storedQuestion = z.object({
  id: z.string(),
  alertId: z.string(),
  text: z.string(),
  author: authorSchema,
  createdAt: z.number(),
  pin: storedMark.optional().catch(undefined),
  status: storedMark.optional().catch(undefined),
  deletedAt: z.number().optional(),
});

export interface QuestionView {
  id: string;
  alertId: string;
  text: string;
  author: Author;
  createdAt: number;
  /** Oldest first. */
  answers: AnswerView[];
  /** Answered, or marked so; whichever came last of an answer and a (un)mark counts. */
  answered: boolean;
  /** Pinned as FAQ on the alert. */
  pinned: boolean;
  /** Who pinned or unpinned it last, and when. */
  pinnedBy?: Author;
  pinnedAt?: number;
}

type FieldMap = Y.Map<unknown>;

export class CrisisQuestions {
  private readonly map: Y.Map<FieldMap>;

  constructor(
    private readonly doc: Y.Doc,
    private readonly ctx: ModelContext,
  ) {
    this.map = doc.getMap('crisisQuestions');
  }

  /** A member asks a question under the alert `alertId`. */
  ask(alertId: string, input: QuestionInput, author: Author): QuestionView {
    const data = parseInput(questionInputSchema, input);
    const which = parseInput(alertIdSchema, alertId);
    const who = parseInput(authorSchema, author);
    if (!isMember(who.role)) throw new PermissionError('Only members ask questions.');
    const id = this.ctx.newId();
    writeTransaction(this.doc, 'community', () => {
      const question = new Y.Map<unknown>();
      question.set('id', id);
      question.set('alertId', which);
      question.set('text', data.text);
      question.set('author', who);
      question.set('createdAt', this.ctx.now());
      question.set('answers', new Y.Array<unknown>());
      this.map.set(id, question);
    });
    return this.require(id);
  }

  /** An official or moderator answers; the question counts as answered from then on. */
  answer(questionId: string, input: AnswerInput, author: Author): AnswerView {
    const data = parseInput(answerInputSchema, input);
    const who = requireModerator(author, 'answer questions');
    const answers = this.live(questionId).get('answers');
    if (!(answers instanceof Y.Array)) throw new NotFoundError(`No question ${questionId}`);
    const answer: AnswerView = {
      id: this.ctx.newId(),
      text: data.text,
      author: who,
      at: this.ctx.now(),
    };
    writeTransaction(this.doc, 'community', () => answers.push([answer]));
    return answer;
  }

  /** Marks a question answered (e.g. the alert's update answers it) or not answered. */
  markAnswered(questionId: string, answered: boolean, author: Author): QuestionView {
    const who = requireModerator(author, 'mark questions answered');
    const question = this.live(questionId);
    writeTransaction(this.doc, 'community', () =>
      question.set('status', { on: answered, by: who, at: this.ctx.now() }),
    );
    return this.require(questionId);
  }

  /** Pins the question as FAQ on its alert, or unpins it. */
  pin(questionId: string, pinned: boolean, author: Author): QuestionView {
    const who = requireModerator(author, 'pin questions');
    const question = this.live(questionId);
    writeTransaction(this.doc, 'community', () =>
      question.set('pin', { on: pinned, by: who, at: this.ctx.now() }),
    );
    return this.require(questionId);
  }

  /** Removes a question (its asker or a moderator/official); its text is cleared. */
  remove(questionId: string, author: Author): void {
    const who = parseInput(authorSchema, author);
    const question = this.live(questionId);
    const stored = readStored(storedQuestion, plainFields(question));
    if (stored?.author.id !== who.id && !canModerate(who.role)) {
      throw new PermissionError('Only the asker or a moderator removes a question.');
    }
    writeTransaction(this.doc, 'community', () => {
      question.set('text', '');
      question.set('deletedAt', this.ctx.now());
    });
  }

  get(id: string): QuestionView | null {
    return readQuestion(this.map.get(id));
  }

  /**
   * The questions under an alert: pinned FAQ first (oldest question first), then unanswered
   * ones (oldest first: they have waited longest), then answered ones (latest answer first).
   */
  forAlert(alertId: string): QuestionView[] {
    const questions = this.all().filter((q) => q.alertId === alertId);
    const group = (q: QuestionView) => (q.pinned ? 0 : q.answered ? 2 : 1);
    const lastAnswer = (q: QuestionView) => q.answers.at(-1)?.at ?? q.createdAt;
    return questions.sort(
      (a, b) =>
        group(a) - group(b) ||
        (group(a) === 2 ? lastAnswer(b) - lastAnswer(a) : a.createdAt - b.createdAt) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  }

  /** Every question under every alert, in no particular order (for aggregate figures). */
  all(): QuestionView[] {
    const questions: QuestionView[] = [];
    for (const value of this.map.values()) {
      const question = readQuestion(value);
      if (question) questions.push(question);
    }
    return questions;
  }

  /** How many questions an alert has and how many still wait for an answer. */
  counts(alertId: string): { questions: number; unanswered: number } {
    const list = this.forAlert(alertId);
    return { questions: list.length, unanswered: list.filter((q) => !q.answered).length };
  }

  observe(listener: () => void): () => void {
    const handler = () => listener();
    this.map.observeDeep(handler);
    return () => this.map.unobserveDeep(handler);
  }

  private live(id: string): FieldMap {
    const question = this.map.get(id);
    if (!(question instanceof Y.Map) || !readQuestion(question)) {
      throw new NotFoundError(`No question ${id}`);
    }
    return question;
  }

  private require(id: string): QuestionView {
    const question = this.get(id);
    if (!question) throw new NotFoundError(`No question ${id}`);
    return question;
  }
}

function requireModerator(author: Author, what: string): Author {
  const who = parseInput(authorSchema, author);
  if (!canModerate(who.role)) throw new PermissionError(`Only moderators and officials ${what}.`);
  return who;
}

function plainFields(map: FieldMap): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of map.entries()) if (key !== 'answers') fields[key] = value;
  return fields;
}

/** The latest word counts: an answer says "answered", a later mark may say otherwise. */
function isAnswered(mark: { on: boolean; at: number } | undefined, answers: AnswerView[]): boolean {
  const lastAnswer = answers.at(-1);
  if (mark && (!lastAnswer || mark.at >= lastAnswer.at)) return mark.on;
  return lastAnswer !== undefined;
}

/** A readable, not removed question; null otherwise. */
function readQuestion(value: unknown): QuestionView | null {
  if (!(value instanceof Y.Map)) return null;
  const stored = readStored(storedQuestion, plainFields(value));
  if (!stored || stored.deletedAt !== undefined || stored.text === '') return null;
  const raw = value.get('answers');
  const answers = (raw instanceof Y.Array ? raw.toArray() : [])
    .map((a) => readStored(storedAnswer, a))
    .filter((a): a is AnswerView => a !== null)
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    id: stored.id,
    alertId: stored.alertId,
    text: stored.text,
    author: stored.author,
    createdAt: stored.createdAt,
    answers,
    answered: isAnswered(stored.status, answers),
    pinned: stored.pin?.on ?? false,
    ...(stored.pin && { pinnedBy: stored.pin.by, pinnedAt: stored.pin.at }),
  };
}
