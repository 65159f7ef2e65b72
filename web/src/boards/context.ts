/** The notice boards' session (presence, pending changes) for the board components. */
import { createContext } from '@lit/context';
import type { BoardSession } from './board-session.js';

export const boardSessionContext = createContext<BoardSession | undefined>(Symbol('bh-boards'));
