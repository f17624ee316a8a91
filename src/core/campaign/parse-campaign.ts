import { CampaignInputError } from '../errors.ts';
import { formatBytes, LIMITS } from './limits.ts';
import { parseJsonText, validate } from './parse-json.ts';
import { parseRecipients, decodeText } from './recipients.ts';
import { configSchema, draftSchema, eventSchema, DEFAULT_THRESHOLDS } from './schema.ts';
import type { Campaign, Draft, EventMeta, GuardConfig } from './types.ts';

/** The files of a campaign by their path relative to the campaign folder ("event.json", "catalog/x.json"…). */
export type CampaignFiles = ReadonlyMap<string, Uint8Array | string>;

function sizeOf(content: Uint8Array | string): number {
  return typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
}

function textOf(files: CampaignFiles, path: string, what: string, maxBytes: number = LIMITS.jsonBytes): string {
  const content = files.get(path);
  if (content === undefined) throw new CampaignInputError(path, `${path} is missing: expected ${what}`);
  if (sizeOf(content) > maxBytes) {
    throw new CampaignInputError(path, `${path} is ${formatBytes(sizeOf(content))}: expected at most ${formatBytes(maxBytes)}`);
  }
  return decodeText(content).text.replace(/^\uFEFF/, '');
}

/** Parses event.json (or a catalogue file) text into an event. */
export function parseEvent(file: string, text: string): EventMeta {
  return validate(file, eventSchema, parseJsonText(file, text)) as EventMeta;
}

/** Parses a catalogue file; its errors say that it follows event.json's schema. */
function parseCatalogEvent(path: string, text: string): EventMeta {
  try {
    return parseEvent(path, text);
  } catch (error) {
    if (!(error instanceof CampaignInputError)) throw error;
    const message = error.message.replace(path, `${path} (a catalogue event, with the fields of event.json)`);
    throw new CampaignInputError(path, message, { cause: error });
  }
}

/**
 * The file names draft.json gives the template and the text body, read leniently (a draft that does not
 * parse names nothing; parseDraft reports it): where uploaded or stored files must go.
 */
export function draftFileNames(draft: Uint8Array | string): { template?: string; text?: string } {
  try {
    const text = typeof draft === 'string' ? draft : new TextDecoder().decode(draft);
    const parsed = JSON.parse(text.replace(/^\uFEFF/, '')) as { template?: unknown; text?: unknown };
    return { template: typeof parsed.template === 'string' ? parsed.template : undefined, text: typeof parsed.text === 'string' ? parsed.text : undefined };
  } catch {
    return {};
  }
}

/** Parses draft.json text. */
export function parseDraft(file: string, text: string): Draft {
  return validate(file, draftSchema, parseJsonText(file, text)) as Draft;
}

/** Parses guard.config.json text; absent config gives the defaults. */
export function parseConfig(file: string, text: string | undefined): GuardConfig {
  if (text === undefined) return { allowedDomains: [], severity: {}, thresholds: { ...DEFAULT_THRESHOLDS } };
  return validate(file, configSchema, parseJsonText(file, text)) as GuardConfig;
}

/**
 * Reads a whole campaign from its files, as shared/spec/campaign.md defines the folder. Throws
 * CampaignInputError (naming the file and the field or line) when something cannot be read.
 */
export function parseCampaign(files: CampaignFiles): Campaign {
  const event = parseEvent('event.json', textOf(files, 'event.json', "the event's metadata (id, title, start, end…)"));
  const draft = parseDraft('draft.json', textOf(files, 'draft.json', 'the draft (eventId, from, subject, template…)'));
  const html = {
    file: draft.template,
    source: textOf(files, draft.template, `the MJML template named by draft.json "template"`, LIMITS.templateBytes),
  };
  const text = draft.text
    ? { file: draft.text, source: textOf(files, draft.text, 'the plain-text template named by draft.json "text"', LIMITS.templateBytes) }
    : undefined;
  const csv = files.get('recipients.csv');
  if (csv === undefined) {
    throw new CampaignInputError('recipients.csv', 'recipients.csv is missing: expected one row per participant with an email column');
  }
  if (sizeOf(csv) > LIMITS.recipientsBytes) {
    throw new CampaignInputError('recipients.csv', `recipients.csv is ${formatBytes(sizeOf(csv))}: expected at most ${formatBytes(LIMITS.recipientsBytes)} (${LIMITS.maxRecipients.toLocaleString('en')} rows)`);
  }
  const recipients = parseRecipients(csv, 'recipients.csv');
  const configText = files.has('guard.config.json') ? textOf(files, 'guard.config.json', '') : undefined;
  const config = parseConfig('guard.config.json', configText);
  const catalogFiles = [...files.keys()].filter((path) => /^catalog\/[^/]+\.json$/i.test(path));
  if (catalogFiles.length > LIMITS.catalogFiles) {
    throw new CampaignInputError('catalog/', `catalog/ holds ${catalogFiles.length} files: expected at most ${LIMITS.catalogFiles} events`);
  }
  const catalog = catalogFiles
    .sort()
    .map((path) => parseCatalogEvent(path, textOf(files, path, 'an event')))
    .filter((other) => other.id !== event.id);
  return { event, draft, html, text, recipients, catalog, config };
}
