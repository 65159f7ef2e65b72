/** Roles and authors (DESIGN.md §3): guest < kiosk < resident < moderator, and official. */
import { z } from 'zod';

export const ROLES = ['guest', 'kiosk', 'resident', 'moderator', 'official'] as const;
export type Role = (typeof ROLES)[number];

export const authorSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(80),
  role: z.enum(ROLES),
});
export type Author = z.infer<typeof authorSchema>;

/** Moderators and officials may edit or remove what others wrote. */
export function canModerate(role: Role): boolean {
  return role === 'moderator' || role === 'official';
}

/** Members write in the community space; guests and the shared kiosk only read. */
export function isMember(role: Role): boolean {
  return role === 'resident' || role === 'moderator' || role === 'official';
}
