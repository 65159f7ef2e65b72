/** How people are reached, validated the same way wherever it is asked for. */
import { z } from 'zod';

export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{6,20}$/, 'a phone number: digits, spaces, + ( ) -');

export const emailSchema = z.string().trim().email().max(200);
