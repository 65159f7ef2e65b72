/**
 * Turns the model's validation issues into messages in the user's language. The model
 * reports a field path and a zod issue code; the most specific translation wins:
 * `validation.<field>.<code>`, then `validation.<code>`, then a generic message.
 */
import {
  BODY_MAX,
  COMMENT_MAX,
  TITLE_MAX,
  type ValidationError,
  type ValidationIssue,
} from '@buurthub/shared';
import { t, tDynamic } from '../i18n/i18n.js';

const MAX: Record<string, number> = { title: TITLE_MAX, body: BODY_MAX, comment: COMMENT_MAX };

/** `field` overrides the issue path (e.g. a comment's `body` is shown as `comment`). */
export function issueMessage(issue: ValidationIssue, field: string = issue.path): string {
  const params = { max: MAX[field] ?? '' };
  const generic = tDynamic(`validation.${issue.code}`, t('validation.invalid'), params);
  return tDynamic(`validation.${field}.${issue.code}`, generic, params);
}

/**
 * The first message per top-level field of a model's ValidationError, translated through
 * `validation.<prefix>.<field>.<code>` (then the generic messages).
 */
export function fieldErrors(error: ValidationError, prefix: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.split('.')[0] ?? '';
    errors[field] ??= issueMessage(issue, `${prefix}.${field}`);
  }
  return errors;
}
