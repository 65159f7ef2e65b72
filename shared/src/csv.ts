/**
 * CSV for reports people open in a spreadsheet (RFC 4180: comma separated, CRLF line ends,
 * fields with a comma, quote or line break quoted, quotes doubled). A field that starts
 * with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe, so a
 * resident's text can never run as a spreadsheet formula (CSV injection).
 */

export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header row and data rows as one CSV text, with a byte order mark for spreadsheets. */
export function toCsv(header: string[], rows: CsvValue[][]): string {
  const lines = [header, ...rows].map((row) => row.map(field).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
