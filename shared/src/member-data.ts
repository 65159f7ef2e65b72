/**
 * "Download my data" (AVG/GDPR art. 15 and 20): everything a member wrote, gathered on
 * their own device from the documents it holds, as JSON (portable) and as a readable HTML
 * page. The HTML is built from escaped text only and carries a CSP without scripts, so a
 * payload someone once typed stays text when the file is opened.
 */
import type { CommunitySpace } from './community/community-space.js';
import type { DirectorySpace } from './directory/directory-space.js';
import type { ProfileView } from './directory/profile-schema.js';

export interface MemberData {
  format: 'buurthub-member-data';
  version: 1;
  memberId: string;
  exportedAt: number;
  posts: {
    id: string;
    title: string;
    body: string;
    category: string;
    createdAt: number;
    editedAt?: number;
  }[];
  comments: { id: string; postId: string; postTitle: string; body: string; createdAt: number }[];
  events: { id: string; title: string; description: string; place: string; startsAt: number }[];
  rsvps: { eventId: string; eventTitle: string; answer: string }[];
  questions: { id: string; alertId: string; text: string; createdAt: number }[];
  answers: { questionId: string; text: string; at: number }[];
  ideas: { roundTitle: string; title: string; text: string; createdAt: number }[];
  responses: { roundTitle: string; ideaTitle: string; text: string; at: number }[];
  reports: { itemId: string; kind: string; reason: string; note?: string; at: number }[];
  profile: ProfileView | null;
}

export function collectMemberData(
  memberId: string,
  spaces: { community: CommunitySpace; directory?: DirectorySpace },
  now: number,
): MemberData {
  const { community } = spaces;
  const posts = community.posts.list();
  const mine = <T extends { author: { id: string } }>(items: T[]) =>
    items.filter((item) => item.author.id === memberId);
  const rounds = community.participation.list();
  const questions = community.crisisQuestions.all();
  return {
    format: 'buurthub-member-data',
    version: 1,
    memberId,
    exportedAt: now,
    posts: mine(posts).map(({ id, title, body, category, createdAt, editedAt }) => ({
      id,
      title,
      body,
      category,
      createdAt,
      ...(editedAt !== undefined && { editedAt }),
    })),
    comments: posts.flatMap((post) =>
      mine(post.comments.filter((c) => !c.removed)).map((c) => ({
        id: c.id,
        postId: post.id,
        postTitle: post.title,
        body: c.body,
        createdAt: c.createdAt,
      })),
    ),
    events: community.events
      .all()
      .filter((e) => e.organiser.id === memberId)
      .map(({ id, title, description, place, startsAt }) => ({
        id,
        title,
        description,
        place,
        startsAt,
      })),
    rsvps: community.events.all().flatMap((event) => {
      const answer = community.events.rsvpOf(event.id, memberId);
      return answer ? [{ eventId: event.id, eventTitle: event.title, answer }] : [];
    }),
    questions: mine(questions).map(({ id, alertId, text, createdAt }) => ({
      id,
      alertId,
      text,
      createdAt,
    })),
    answers: questions.flatMap((q) =>
      mine(q.answers).map((a) => ({ questionId: q.id, text: a.text, at: a.at })),
    ),
    ideas: rounds.flatMap((round) =>
      mine(round.ideas).map((idea) => ({
        roundTitle: round.title,
        title: idea.title,
        text: idea.text,
        createdAt: idea.createdAt,
      })),
    ),
    responses: rounds.flatMap((round) =>
      round.ideas.flatMap((idea) =>
        mine(idea.responses).map((r) => ({
          roundTitle: round.title,
          ideaTitle: idea.title,
          text: r.text,
          at: r.at,
        })),
      ),
    ),
    reports: [...community.reports.all().values()]
      .flat()
      .filter((r) => r.reporterId === memberId)
      .map(({ itemId, kind, reason, note, at }) => ({
        itemId,
        kind,
        reason,
        ...(note && { note }),
        at,
      })),
    profile: spaces.directory?.profiles.get(memberId) ?? null,
  };
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

/** Section titles and labels, in the member's language (the app passes its translations). */
export interface MemberDataLabels {
  title: string;
  sections: Record<
    Exclude<keyof MemberData, 'format' | 'version' | 'memberId' | 'exportedAt'>,
    string
  >;
  exportedAt: string;
  empty: string;
}

/**
 * The same data as a self-contained HTML page: every value escaped, no script, no remote
 * resource (`default-src 'none'`), one `<dl>` per item.
 */
export function memberDataHtml(
  data: MemberData,
  labels: MemberDataLabels,
  formatTime: (ms: number) => string,
  lang: string,
): string {
  const value = (key: string, v: unknown): string =>
    typeof v === 'number' && /At$/.test(key)
      ? formatTime(v)
      : typeof v === 'object'
        ? JSON.stringify(v)
        : String(v);
  const item = (entry: object) =>
    `<dl>${Object.entries(entry)
      .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(value(k, v))}</dd>`)
      .join('')}</dl>`;
  const sections = (Object.keys(labels.sections) as (keyof MemberDataLabels['sections'])[])
    .map((key) => {
      const raw = data[key];
      const list: object[] = Array.isArray(raw) ? raw : raw ? [raw] : [];
      const body = list.length ? list.map(item).join('\n') : `<p>${escapeHtml(labels.empty)}</p>`;
      return `<section><h2>${escapeHtml(labels.sections[key])}</h2>\n${body}</section>`;
    })
    .join('\n');
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(labels.title)}</title>`,
    '<style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem}dt{font-weight:600}dd{margin:0 0 .5rem;white-space:pre-wrap}dl{border-top:1px solid #ccc;padding-top:.5rem}</style>',
    '</head><body>',
    `<h1>${escapeHtml(labels.title)}</h1>`,
    `<p>${escapeHtml(labels.exportedAt)}: ${escapeHtml(formatTime(data.exportedAt))}</p>`,
    sections,
    '</body></html>',
    '',
  ].join('\n');
}
