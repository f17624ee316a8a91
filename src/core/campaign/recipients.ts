import { parse } from 'csv-parse/sync';
import { CampaignInputError } from '../errors.ts';
import { fold } from '../text/fold.ts';
import { LIMITS } from './limits.ts';
import { isEmailAddress } from './schema.ts';
import type { DuplicateRow, InvalidRow, Recipient, RecipientList } from './types.ts';

type Known = 'email' | 'firstName' | 'lastName' | 'attended';

/** Header spellings seen in spreadsheet, Livestorm and webinar-service exports, compared after `headerKey`. */
const HEADER_ALIASES: Record<Known, string[]> = {
  email: [
    'email', 'mail', 'courriel', 'emailaddress', 'adresseemail', 'adressemail', 'adressecourriel',
    'adresseelectronique', 'adressedecourriel', 'adressedemessagerie', 'emailparticipant', 'participantemail',
  ],
  firstName: ['firstname', 'prenom', 'givenname', 'prenomparticipant'],
  lastName: ['lastname', 'nom', 'nomdefamille', 'surname', 'familyname', 'nomparticipant'],
  attended: [
    'attended', 'present', 'presente', 'presents', 'presence', 'aparticipe', 'participe', 'participation',
    'attendance', 'hasattended', 'attendedlive', 'aassiste', 'assiste', 'live', 'presentlive', 'presentee',
  ],
};

const TRUE_VALUES = new Set(['true', 'yes', 'y', 'oui', 'o', '1', 'vrai', 'x', 'present', 'presente', 'attended', 'participe', '✓', '✔']);
const FALSE_VALUES = new Set(['false', 'no', 'n', 'non', '0', 'faux', '', 'absent', 'absente', '-', 'no-show', 'noshow']);

function headerKey(header: string): string {
  return fold(header).replace(/[^a-z0-9]/g, '');
}

function camelAlias(header: string): string {
  const parts = header
    .trim()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return parts
    .map((part, i) => (i === 0 ? part.charAt(0).toLowerCase() + part.slice(1) : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('');
}

// Windows-1252 bytes 0x80–0x9F (’ “ ” – … € œ…): Node 20's TextDecoder('windows-1252') decodes them as
// Latin-1 control characters (nodejs/node#56542), so they are mapped here; 0x81, 0x8D, 0x8F, 0x90, 0x9D are unassigned.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return text;
}

/**
 * Decodes bytes as UTF-8, UTF-16 with its byte-order mark (Excel's "Unicode text"), or Windows-1252
 * (what Excel writes as "CSV") when they are not valid UTF-8.
 */
export function decodeText(bytes: Uint8Array | string): { text: string; encoding: 'utf-8' | 'utf-16' | 'windows-1252' } {
  if (typeof bytes === 'string') return { text: bytes, encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

function notUtf8(file: string, bytes: Uint8Array, asWindows1252: string): CampaignInputError {
  const lossy = new TextDecoder('utf-8').decode(bytes);
  const line = lossy.slice(0, Math.max(0, lossy.indexOf('\uFFFD'))).split('\n').length;
  const context = (asWindows1252.split('\n')[line - 1] ?? '').trim().slice(0, 60);
  return new CampaignInputError(
    file,
    `${file} line ${line} is not UTF-8: « ${context} » is written in Windows-1252, as Excel's "CSV" export does. Expected a UTF-8 file: in Excel, save it as "CSV UTF-8"; in LibreOffice, choose the character set "Unicode (UTF-8)"`,
  );
}

/**
 * Maps the end offsets csv-parse reports (`info.bytes`, after each record's line break) to the line
 * where each record starts. csv-parse's own `info.lines` counts a CRLF inside a quoted value twice.
 */
function lineLocator(buffer: Buffer): (previousEnd: number) => number {
  let offset = 0;
  let line = 1;
  return (previousEnd) => {
    while (offset < previousEnd) {
      if (buffer[offset] === 0x0a) line++;
      offset++;
    }
    // Blank lines between records are skipped by the parser: the record starts after them.
    for (;;) {
      let end = offset;
      while (end < buffer.length && (buffer[end] === 0x20 || buffer[end] === 0x09 || buffer[end] === 0x0d)) end++;
      if (buffer[end] !== 0x0a) break;
      offset = end + 1;
      line++;
    }
    return line;
  };
}

function detectDelimiter(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', ';', '\t', '|']) {
    let count = 0;
    let quoted = false;
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted;
      else if (ch === candidate && !quoted) count++;
    }
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

function parseAttended(file: string, raw: string, line: number, header: string): boolean {
  const value = fold(raw.trim()).replace(/[()]/g, '');
  if (TRUE_VALUES.has(value)) return true;
  if (FALSE_VALUES.has(value)) return false;
  throw new CampaignInputError(
    file,
    `${file} line ${line}: "${raw}" in column "${header}" is not an attendance value; expected true/false, yes/no, oui/non, 1/0 or empty`,
  );
}

/**
 * Reads recipients.csv: comma or semicolon separated, UTF-8 (BOM tolerated) or UTF-16 with its BOM, header row with
 * French and English aliases. Bad addresses and repeats are reported in the list, not thrown; a file that
 * cannot be read as a recipient list throws CampaignInputError naming the line.
 */
export function parseRecipients(input: Uint8Array | string, file = 'recipients.csv'): RecipientList {
  const { text, encoding } = decodeText(input);
  // The contract says UTF-8. Reading Excel's Windows-1252 "CSV" anyway would guess (Mac Roman and
  // ISO-8859-15 look alike): a list that is not UTF-8 is refused with the line and the way out.
  if (text.includes('\u0000')) {
    throw new CampaignInputError(file, `${file} is not a text file (it contains NUL bytes): expected a CSV export`);
  }
  if (encoding === 'windows-1252' && typeof input !== 'string') throw notUtf8(file, input, text);
  const notes: string[] = [];
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    throw new CampaignInputError(file, `${file} is empty: expected a header row with an email column, then one row per participant`);
  }
  let dataLines = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) dataLines++;
  if (dataLines > LIMITS.maxRecipients + 1) {
    throw new CampaignInputError(
      file,
      `${file} has ${dataLines.toLocaleString('en')} lines: expected at most ${LIMITS.maxRecipients.toLocaleString('en')} recipients per campaign (split the list into several campaigns)`,
    );
  }
  // Excel writes a first line « sep=; » to name the separator: it is no header. Blanked (not removed) so
  // that every line keeps its number.
  const hint = /^\uFEFF?"?sep=([;,\t|])"?[ \t]*(?=\r?\n)/i.exec(text);
  const body = hint ? text.replace(/^\uFEFF?"?sep=[;,\t|]"?[ \t]*/i, '') : text;
  const delimiter = hint ? hint[1]! : detectDelimiter(body);
  const buffer = Buffer.from(body.replace(/^\uFEFF/, ''), 'utf8');
  let records: { info: { lines: number; bytes: number }; record: string[]; line: number }[];
  try {
    records = (parse as unknown as (input: Buffer, options: object) => typeof records)(buffer, {
      delimiter,
      // Lines appended in another editor end with LF while the export's end with CRLF: both end a record.
      record_delimiter: ['\r\n', '\n', '\r'],
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
    });
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    const reason = error instanceof Error ? error.message.replace(/ at line \d+.*$/s, '') : String(error);
    throw new CampaignInputError(
      file,
      `${file}${lines ? ` line ${lines}` : ''}: cannot be read as CSV (${reason}); expected ${delimiter === ';' ? 'semicolon' : 'comma'}-separated values, with quotes around values that contain the separator, quotes or line breaks`,
      { cause: error },
    );
  }
  const locate = lineLocator(buffer);
  let previousEnd = 0;
  for (const record of records) {
    record.line = locate(previousEnd);
    previousEnd = record.info.bytes;
  }
  const startLine = (r: { line: number }) => r.line;
  const [headerRecord, ...rows] = records;
  if (!headerRecord) throw new CampaignInputError(file, `${file} has no header row: expected a first line naming the columns`);
  const headers = headerRecord.record.map((h) => h.replace(/^\uFEFF/, '').trim());

  const columnOf: Partial<Record<Known, number>> = {};
  const extras: { index: number; names: string[] }[] = [];
  const taken = new Set<string>(['email', 'firstName', 'lastName', 'attended']);
  headers.forEach((header, index) => {
    const key = headerKey(header);
    const known = (Object.keys(HEADER_ALIASES) as Known[]).find(
      (k) => columnOf[k] === undefined && HEADER_ALIASES[k].includes(key),
    );
    if (known) {
      columnOf[known] = index;
      return;
    }
    if (header === '') return;
    const names = [header, camelAlias(header)].filter((n, i, all) => n !== '' && all.indexOf(n) === i && !taken.has(n));
    names.forEach((n) => taken.add(n));
    if (names.length > 0) extras.push({ index, names });
  });

  if (columnOf.email === undefined) {
    const looksLikeData = headers.some((h) => h.includes('@'));
    throw new CampaignInputError(
      file,
      looksLikeData
        ? `${file} line ${startLine(headerRecord)}: the first line holds data ("${headers.join(delimiter)}"); expected a header row naming the columns, with an email column`
        : `${file} has no email column (header: "${headers.join(delimiter)}"); expected a column named email, E-mail, Courriel or Adresse e-mail`,
    );
  }

  const list: Recipient[] = [];
  const invalid: InvalidRow[] = [];
  const duplicates: DuplicateRow[] = [];
  const firstSeen = new Map<string, number>();
  const cell = (record: string[], index: number | undefined) => (index === undefined ? '' : (record[index] ?? '').trim());

  for (const row of rows) {
    const line = startLine(row);
    if (row.record.length > headers.length && row.record.slice(headers.length).some((v) => v.trim() !== '')) {
      throw new CampaignInputError(
        file,
        `${file} line ${line}: ${row.record.length} values where the header has ${headers.length}; expected one value per column (quote a value that contains "${delimiter}")`,
      );
    }
    const email = cell(row.record, columnOf.email);
    const attended =
      columnOf.attended === undefined
        ? false
        : parseAttended(file, cell(row.record, columnOf.attended), line, headers[columnOf.attended] ?? 'attended');
    if (!isEmailAddress(email)) {
      invalid.push({ line, value: email, reason: email === '' ? 'no address' : 'not an email address' });
      continue;
    }
    const key = email.toLowerCase();
    const seen = firstSeen.get(key);
    if (seen !== undefined) {
      duplicates.push({ line, email, firstLine: seen });
      continue;
    }
    firstSeen.set(key, line);
    const extra: Record<string, string> = {};
    for (const { index, names } of extras) {
      for (const name of names) extra[name] = cell(row.record, index);
    }
    list.push({
      line,
      email,
      firstName: cell(row.record, columnOf.firstName),
      lastName: cell(row.record, columnOf.lastName),
      attended,
      extra,
    });
  }

  return {
    total: rows.length,
    rows: list,
    invalid,
    duplicates,
    extraColumns: extras.flatMap((e) => e.names),
    notes,
  };
}
