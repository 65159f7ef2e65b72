/**
 * Invite codes and durations for the CLI and the join API.
 */
import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L, U: a code read aloud or typed from paper arrives intact. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';
export const CODE_LENGTH = 8;

export function newInviteCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** What a user typed (any case, spaces or dashes) to the stored form. */
export function normaliseInviteCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** `ABCD-EFGH`: easier to read out than eight letters in a row. */
export function formatInviteCode(code: string): string {
  return code.length === CODE_LENGTH ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

const UNITS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/** `90s`, `15m`, `1h`, `7d`, `2w` to seconds; null if it is not a duration. */
export function parseDuration(text: string): number | null {
  const match = /^(\d+)([smhdw])$/.exec(text.trim());
  if (!match) return null;
  const seconds = Number(match[1]) * (UNITS[match[2] as string] as number);
  return seconds > 0 ? seconds : null;
}
