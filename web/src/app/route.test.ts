import { describe, expect, it } from 'vitest';
import {
  boardHash,
  eventHash,
  feedPath,
  postHash,
  roundHash,
  routeFromHash,
  routeFromPath,
  socialMapHash,
} from './route.js';

describe('routes', () => {
  it('opens the join view with the code from an invite link', () => {
    expect(routeFromPath('/join/ABCD-EFGH', null)).toEqual({ kind: 'join', code: 'ABCD-EFGH' });
    expect(routeFromPath('/join/', null)).toEqual({ kind: 'join', code: '' });
    expect(routeFromPath('/join', null)).toEqual({ kind: 'join', code: '' });
  });

  it('drops anything from the link that cannot be part of a code', () => {
    expect(routeFromPath('/join/%3Cscript%3EAB', null)).toEqual({ kind: 'join', code: 'scriptAB' });
    expect(routeFromPath('/join/%E0%A4%A', null)).toEqual({ kind: 'join', code: '' });
  });

  it('opens the neighbourhood named in the path, else the last joined, else the default', () => {
    expect(routeFromPath('/nb/dijkstraat/', 'elders')).toEqual({
      kind: 'neighbourhood',
      slug: 'dijkstraat',
    });
    expect(routeFromPath('/', 'dijkstraat')).toEqual({ kind: 'neighbourhood', slug: 'dijkstraat' });
    expect(routeFromPath('/', null)).toEqual({ kind: 'neighbourhood', slug: 'maasburen' });
    expect(routeFromPath('/', 'Not A Slug')).toEqual({ kind: 'neighbourhood', slug: 'maasburen' });
  });

  it('links to the feed of a neighbourhood', () => {
    expect(feedPath('dijkstraat')).toBe('/nb/dijkstraat/#berichten');
  });
});

describe('views in the hash', () => {
  it('opens the feed, the composer and the invite view', () => {
    expect(routeFromHash('')).toEqual({ view: 'feed' });
    expect(routeFromHash('#berichten')).toEqual({ view: 'feed' });
    expect(routeFromHash('#nieuw')).toEqual({ view: 'compose' });
    expect(routeFromHash('#uitnodigen')).toEqual({ view: 'invite' });
    expect(routeFromHash('#onbekend')).toEqual({ view: 'feed' });
  });

  it('opens a post and an event from the links in the relay feeds', () => {
    expect(routeFromHash(postHash('p 1'))).toEqual({ view: 'feed', postId: 'p 1' });
    expect(routeFromHash('#agenda/abc-123')).toEqual({
      view: 'agenda',
      page: 'event',
      eventId: 'abc-123',
    });
    expect(routeFromHash(eventHash('a/b'))).toEqual({
      view: 'agenda',
      page: 'event',
      eventId: 'a/b',
    });
    expect(routeFromHash('#agenda/%E0%A4%A')).toEqual({ view: 'agenda', page: 'upcoming' });
  });

  it('opens the agenda list, the month view and the event composer', () => {
    expect(routeFromHash('#agenda')).toEqual({ view: 'agenda', page: 'upcoming' });
    expect(routeFromHash('#agenda/maand')).toEqual({ view: 'agenda', page: 'month' });
    expect(routeFromHash('#agenda/maand/2026-07')).toEqual({
      view: 'agenda',
      page: 'month',
      month: '2026-07',
    });
    expect(routeFromHash('#agenda/nieuw')).toEqual({ view: 'agenda', page: 'new' });
  });

  it('opens the notice boards, one board and its edit, history and poster pages', () => {
    expect(routeFromHash('#prikborden')).toEqual({ view: 'boards', page: 'list' });
    expect(routeFromHash('#prikborden/b-1')).toEqual({
      view: 'boards',
      page: 'board',
      boardId: 'b-1',
    });
    for (const page of ['edit', 'history', 'poster'] as const) {
      expect(routeFromHash(boardHash('b 1', page))).toEqual({
        view: 'boards',
        page,
        boardId: 'b 1',
      });
    }
    expect(boardHash('b-1')).toBe('#prikborden/b-1');
    expect(routeFromHash('#prikborden/b-1/onbekend')).toEqual({
      view: 'boards',
      page: 'board',
      boardId: 'b-1',
    });
    expect(routeFromHash('#prikborden/%E0%A4%A/poster')).toEqual({ view: 'boards', page: 'list' });
  });

  it('opens participation rounds, a new round and one round from its link', () => {
    expect(routeFromHash('#meedoen')).toEqual({ view: 'participation', page: 'list' });
    expect(routeFromHash('#meedoen/nieuw')).toEqual({ view: 'participation', page: 'new' });
    expect(routeFromHash(roundHash('r 1'))).toEqual({
      view: 'participation',
      page: 'round',
      roundId: 'r 1',
    });
    expect(routeFromHash('#meedoen/%E0%A4%A')).toEqual({ view: 'participation', page: 'list' });
  });

  it('opens the directory, one’s own profile and the contact requests', () => {
    expect(routeFromHash('#buren')).toEqual({ view: 'directory', page: 'browse' });
    expect(routeFromHash('#buren/profiel')).toEqual({ view: 'directory', page: 'profile' });
    expect(routeFromHash('#buren/verzoeken')).toEqual({ view: 'directory', page: 'requests' });
    expect(routeFromHash('#buren/onbekend')).toEqual({ view: 'directory', page: 'browse' });
  });

  it('opens the social map, an entry on it, and the impact figures', () => {
    expect(routeFromHash('#sociale-kaart')).toEqual({ view: 'socialMap' });
    expect(routeFromHash(socialMapHash('org/1'))).toEqual({ view: 'socialMap', entryId: 'org/1' });
    expect(routeFromHash('#impact')).toEqual({ view: 'impact' });
  });

  it('opens the moderation queue and its public log', () => {
    expect(routeFromHash('#moderatie')).toEqual({ view: 'moderation' });
    expect(routeFromHash('#moderatie/logboek')).toEqual({ view: 'moderationLog' });
    expect(routeFromHash('#moderatie/iets')).toEqual({ view: 'moderation' });
  });

  it('opens the account view', () => {
    expect(routeFromHash('#account')).toEqual({ view: 'account' });
  });

  it('opens the kiosk approval with the code from the screen, and nothing else in it', () => {
    expect(routeFromHash('#kiosk-koppelen')).toEqual({ view: 'kioskApprove', code: '' });
    expect(routeFromHash('#kiosk-koppelen/ABCD-EFGH')).toEqual({
      view: 'kioskApprove',
      code: 'ABCD-EFGH',
    });
    expect(routeFromHash('#kiosk-koppelen/%3Cb%3Ehi')).toEqual({
      view: 'kioskApprove',
      code: 'bhi',
    });
  });
});
