/**
 * Validation at the edge: every input from a user or the network goes through a schema.
 * Errors carry machine-readable issues so the UI can show them in the user's language.
 */
import type { z } from 'zod';

export interface ValidationIssue {
  /** Dotted path of the offending field, e.g. `title`. */
  path: string;
  /** Zod issue code, e.g. `too_small`, `too_big`, `invalid_value`. */
  code: string;
  /** An English explanation for logs and developers; the UI translates by path and code. */
  message: string;
}

export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(readonly issues: ValidationIssue[]) {
    super(`Invalid input: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
  }
}

/** Parses `input` with `schema`, throwing a ValidationError that lists every problem. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      code: issue.code,
      message: issue.message,
    })),
  );
}

/** Reads stored data leniently: a malformed entry (from an old or hostile client) is skipped. */
export function readStored<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> | null {
  const result = schema.safeParse(value);
  return result.success ? result.data : null;
}
