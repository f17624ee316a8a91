import { stringify } from 'csv-stringify/sync';

/** One recipient of a send, as the report lists it. */
export interface ReportRow {
  position: number;
  email: string;
  status: string;
  reason?: string | undefined;
  at?: string | undefined;
}

// A cell starting with = + - @ (or a tab / carriage return) is a formula to a spreadsheet
// (=HYPERLINK("http://…")): prefixed with an apostrophe it stays text (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises a value so that a spreadsheet shows it as text. */
export function spreadsheetSafe(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The send report as CSV (one row per recipient), safe to open in a spreadsheet. */
export function sendReportCsv(rows: readonly ReportRow[]): string {
  const records = rows.map((r) => [String(r.position + 1), r.email, r.status, r.reason ?? '', r.at ?? ''].map(spreadsheetSafe));
  return stringify([['position', 'email', 'status', 'reason', 'at'], ...records], { quoted_match: /[;,"\n\r]/, record_delimiter: '\r\n', bom: true });
}
