/**
 * The council report of a participation round as two CSV files, ideas and responses, with
 * headers and outcome words in the reader's language. Rows and their order come from the
 * model (shared/src/participation/report.ts); `toCsv` keeps spreadsheet formulas out.
 */
import { type ReportWord, type RoundView, ideaRows, responseRows, toCsv } from '@buurthub/shared';
import { fileNameFrom } from '../app/download.js';
import { type MessageKey, t } from '../i18n/i18n.js';

const IDEA_HEADER: MessageKey[] = [
  'participation.csv.ideaId',
  'participation.csv.title',
  'participation.csv.text',
  'participation.csv.submittedBy',
  'participation.csv.writtenDownBy',
  'participation.csv.submittedAt',
  'participation.csv.supporters',
  'participation.csv.responses',
  'participation.csv.outcome',
  'participation.csv.explanation',
  'participation.csv.late',
];

const RESPONSE_HEADER: MessageKey[] = [
  'participation.csv.ideaId',
  'participation.csv.ideaTitle',
  'participation.csv.response',
  'participation.csv.by',
  'participation.csv.at',
];

export type ReportKind = 'ideas' | 'responses';

export function reportCsv(round: RoundView, kind: ReportKind): string {
  if (kind === 'responses')
    return toCsv(
      RESPONSE_HEADER.map((k) => t(k)),
      responseRows(round),
    );
  const word = (key: ReportWord) =>
    key === 'late' ? t('participation.late') : t(`participation.outcome.${key}` as MessageKey);
  return toCsv(
    IDEA_HEADER.map((k) => t(k)),
    ideaRows(round, word),
  );
}

export function reportFileName(round: RoundView, kind: ReportKind): string {
  const suffix =
    kind === 'ideas' ? t('participation.csv.ideasFile') : t('participation.csv.responsesFile');
  return fileNameFrom(`${round.title} ${suffix}`, 'csv', suffix);
}
