/** English UI messages, assembled from the areas in `messages/`. */
import type { Messages } from './nl.js';
import * as app from './messages/app.js';
import * as community from './messages/community.js';
import * as agenda from './messages/agenda.js';
import * as crisis from './messages/crisis.js';
import * as boards from './messages/boards.js';
import * as kiosk from './messages/kiosk.js';
import * as join from './messages/join.js';
import * as participation from './messages/participation.js';
import * as directory from './messages/directory.js';
import * as socialMap from './messages/social-map.js';
import * as impact from './messages/impact.js';
import * as account from './messages/account.js';
import * as moderation from './messages/moderation.js';

export const en: Messages = {
  ...app.en,
  ...community.en,
  ...agenda.en,
  ...crisis.en,
  ...boards.en,
  ...kiosk.en,
  ...join.en,
  ...participation.en,
  ...directory.en,
  ...socialMap.en,
  ...impact.en,
  ...account.en,
  ...moderation.en,
};
