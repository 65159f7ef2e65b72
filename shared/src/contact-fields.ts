/** How people are reached, validated the same way wherever it is asked for. */
import { z } from 'zod';

export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{6,20}$/, 'a phone number: digits, spaces, + ( ) -');

export const emailSchema = z.string().trim().email().max(200);

/**
 * What one member shares with another in a contact request (docs/protocol.md, "Contact
 * requests"): at least one way to be reached. The relay checks it; the app checks it first.
 */
export const contactDetailsSchema = z
  .object({
    phone: phoneSchema.optional(),
    email: emailSchema.optional(),
    note: z.string().trim().min(1).max(300).optional(),
  })
  .strict()
  .refine((c) => c.phone ?? c.email ?? c.note, {
    message: 'give at least one way to reach you',
    path: ['phone'],
  });
export type ContactDetails = z.infer<typeof contactDetailsSchema>;

export const CONTACT_MESSAGE_MAX = 500;
