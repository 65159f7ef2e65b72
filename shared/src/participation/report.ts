/**
 * A round's ideas and responses as rows for the council report (CSV through `toCsv`).
 * The app supplies the translated header; the columns are fixed here, in this order.
 */
import type { CsvValue } from '../csv.js';
import type { IdeaView, RoundView } from './participation.js';
import type { OutcomeStatus } from './round-schema.js';

/** Words the app translates: each outcome, and the mark for an idea that arrived late. */
export type ReportWord = OutcomeStatus | 'late';

/** idea id, title, text, submitted by, written down by, submitted at (ISO), supporters, responses, outcome, explanation, late. */
export const IDEA_COLUMNS = 11;
/** idea id, idea title, response, by, at (ISO). */
export const RESPONSE_COLUMNS = 5;

const iso = (ms: number) => new Date(ms).toISOString();

/** The name an idea is shown under: the resident's, also when a moderator wrote it down. */
export const submitter = (idea: IdeaView) => idea.onBehalfOf ?? idea.author.name;

export function ideaRows(round: RoundView, word: (key: ReportWord) => string): CsvValue[][] {
  return round.ideas.map((idea) => [
    idea.id,
    idea.title,
    idea.text,
    submitter(idea),
    idea.onBehalfOf === undefined ? '' : idea.author.name,
    iso(idea.createdAt),
    idea.supporters.length,
    idea.responses.length,
    idea.outcome ? word(idea.outcome.status) : '',
    idea.outcome?.explanation ?? '',
    idea.late ? word('late') : '',
  ]);
}

export function responseRows(round: RoundView): CsvValue[][] {
  return round.ideas.flatMap((idea) =>
    idea.responses.map((response) => [
      idea.id,
      idea.title,
      response.text,
      response.author.name,
      iso(response.at),
    ]),
  );
}
