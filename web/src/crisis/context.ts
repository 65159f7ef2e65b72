/** The crisis service of the opened neighbourhood, for the crisis components. */
import { createContext } from '@lit/context';
import type { CrisisService } from './crisis-service.js';

export const crisisContext = createContext<CrisisService | undefined>(Symbol('bh-crisis'));
