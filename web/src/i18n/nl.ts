/**
 * Dutch UI messages: the source language. Every text a user reads or hears (including
 * aria-labels) is a key here. `{name}` is a parameter; an object with `one`/`other`
 * is chosen by `Intl.PluralRules` on the `count` parameter. The texts live per area in
 * `messages/`, each with its English translation next to it.
 */
import type { Translation } from './catalog.js';
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

export const nl = {
  ...app.nl,
  ...community.nl,
  ...agenda.nl,
  ...crisis.nl,
  ...boards.nl,
  ...kiosk.nl,
  ...join.nl,
  ...participation.nl,
  ...directory.nl,
  ...socialMap.nl,
  ...impact.nl,
  ...account.nl,
  ...moderation.nl,
};

export type Messages = Translation<typeof nl>;
export type MessageKey = keyof Messages;
