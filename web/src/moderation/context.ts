/** The moderation space of the opened neighbourhood (members only), for every view. */
import type { ModerationSpace } from '@buurthub/shared';
import { createContext } from '@lit/context';

export const moderationContext = createContext<ModerationSpace | undefined>(
  Symbol('bh-moderation'),
);
