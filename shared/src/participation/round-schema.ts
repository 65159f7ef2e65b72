/**
 * What a participation round holds (docs/schema.md, "participation"): the plan, its legal
 * frame and room for choice, the phases it went through, ideas with supports, responses
 * and an outcome each, and the decision and feedback at the end.
 */
import { z } from 'zod';
import { authorSchema } from '../roles.js';

/** The phases in order: a round only moves forward (DESIGN.md, participation ladder). */
export const PHASES = ['inform', 'ideas', 'responses', 'decision', 'feedback'] as const;
export type Phase = (typeof PHASES)[number];

/** What happened to an idea, as the council report says it. */
export const OUTCOMES = ['adopted', 'partly', 'not-adopted', 'researched'] as const;
export type OutcomeStatus = (typeof OUTCOMES)[number];

export const ROUND_TITLE_MAX = 150;
export const ROUND_TEXT_MAX = 10_000;
export const IDEA_TITLE_MAX = 150;
export const IDEA_TEXT_MAX = 3_000;
export const RESPONSE_MAX = 2_000;

const text = (max: number) => z.string().trim().min(1).max(max);

export const roundInputSchema = z.object({
  title: text(ROUND_TITLE_MAX),
  /** The plan in plain language. */
  summary: text(ROUND_TEXT_MAX),
  /** What is fixed by law, council decisions or budget: stated before anyone gives ideas. */
  legalFrame: text(ROUND_TEXT_MAX),
  /** What residents can still influence. */
  roomForChoice: text(ROUND_TEXT_MAX),
  village: z.string().trim().min(1).max(80).optional(),
  /** Planned end of the ideas and responses phases (ms), shown to residents. */
  ideasUntil: z.number().int().positive().optional(),
  responsesUntil: z.number().int().positive().optional(),
});
export type RoundInput = z.input<typeof roundInputSchema>;

export const ideaInputSchema = z.object({
  title: text(IDEA_TITLE_MAX),
  text: text(IDEA_TEXT_MAX),
  /**
   * For an idea a moderator takes down for a resident (at the kiosk, on paper): the name
   * the resident wants shown. The moderator stays recorded as who wrote it down.
   */
  onBehalfOf: z.string().trim().min(1).max(80).optional(),
});
export type IdeaInput = z.input<typeof ideaInputSchema>;

export const responseInputSchema = z.object({ text: text(RESPONSE_MAX) });
export type ResponseInput = z.input<typeof responseInputSchema>;

export const outcomeInputSchema = z.object({
  status: z.enum(OUTCOMES),
  explanation: text(IDEA_TEXT_MAX),
});
export type OutcomeInput = z.input<typeof outcomeInputSchema>;

export const statementInputSchema = z.object({ text: text(ROUND_TEXT_MAX) });
export type StatementInput = z.input<typeof statementInputSchema>;

export const storedPhaseChange = z.object({
  id: z.string(),
  phase: z.enum(PHASES),
  by: authorSchema,
  at: z.number(),
});
export type PhaseChange = z.infer<typeof storedPhaseChange>;

export const storedStatement = z.object({
  text: z.string().min(1),
  by: authorSchema,
  at: z.number(),
});
export type Statement = z.infer<typeof storedStatement>;

export const storedOutcome = z.object({
  status: z.enum(OUTCOMES),
  explanation: z.string().min(1),
  by: authorSchema,
  at: z.number(),
});
export type Outcome = z.infer<typeof storedOutcome>;

export const storedResponse = z.object({
  id: z.string(),
  text: z.string().min(1),
  author: authorSchema,
  at: z.number(),
});
export type ResponseView = z.infer<typeof storedResponse>;

export const storedSupport = z.object({ on: z.boolean(), at: z.number() });

export const storedIdea = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string(),
  author: authorSchema,
  onBehalfOf: z.string().optional(),
  createdAt: z.number(),
  deletedAt: z.number().optional(),
  outcome: storedOutcome.optional().catch(undefined),
});

export const storedRound = z.object({
  id: z.string(),
  title: z.string().min(1),
  summary: z.string().min(1),
  legalFrame: z.string().min(1),
  roomForChoice: z.string().min(1),
  village: z.string().optional(),
  ideasUntil: z.number().optional(),
  responsesUntil: z.number().optional(),
  createdBy: authorSchema,
  createdAt: z.number(),
  decision: storedStatement.optional().catch(undefined),
  feedback: storedStatement.optional().catch(undefined),
});
