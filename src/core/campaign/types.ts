/** The shapes of a parsed campaign, shared by the engine, the CLI and the API. */

export type Language = 'fr' | 'en';

/** A sentence in both languages of the product. */
export type Wording = Record<Language, string>;
export type Audience = 'all' | 'attendees' | 'no-shows';
export type Severity = 'block' | 'warn';
export type SeveritySetting = Severity | 'off';

export interface Speaker {
  name: string;
  role?: string | undefined;
}

/** One webinar, as described by event.json or a catalogue file. Unknown fields are kept for templates. */
export interface EventMeta {
  id: string;
  title: string;
  start: string;
  end: string;
  timezone: string;
  language: Language;
  description?: string | undefined;
  keywords: string[];
  speakers: Speaker[];
  links: Record<string, string>;
  organizer: { name: string; email: string };
  [extra: string]: unknown;
}

export interface Draft {
  eventId: string;
  from: string;
  replyTo?: string | undefined;
  subject: string;
  template: string;
  text?: string | undefined;
  audience: Audience;
}

export interface GuardConfig {
  allowedDomains: string[];
  severity: Record<string, SeveritySetting>;
  thresholds: Thresholds;
}

/** Tunable limits of the rules; every one has a default and may be set in guard.config.json. */
export interface Thresholds {
  /** size.clipped: HTML size in bytes above which Gmail clips the message. */
  clipBytes: number;
  /** event.conflict: another event starting within this many minutes is a conflict. */
  conflictWindowMinutes: number;
  /** topic.off: distinct words shared with another event before it can be the message's topic. */
  topicMinOtherScore: number;
  /** topic.off: how many times the other event's score must exceed this event's. */
  topicMargin: number;
  /** topic.off: distinct content words a message needs before "too far from this event" is judged. */
  topicMinContentWords: number;
  /** topic.off: below this share of words shared with this event, the message is "too far" from it. */
  topicMinOwnShare: number;
}

/** One selected-or-not row of recipients.csv, with the 1-based line where it starts. */
export interface Recipient {
  line: number;
  email: string;
  firstName: string;
  lastName: string;
  attended: boolean;
  /** Every other column, by its header as written and by its camelCase form. */
  extra: Record<string, string>;
}

export interface InvalidRow {
  line: number;
  value: string;
  reason: string;
}

export interface DuplicateRow {
  line: number;
  email: string;
  firstLine: number;
}

export interface RecipientList {
  /** Data rows read, blank lines excepted. */
  total: number;
  /** Valid, first occurrence of each address, in file order. */
  rows: Recipient[];
  invalid: InvalidRow[];
  duplicates: DuplicateRow[];
  /** Template names of the extra columns (header as written, and camelCase alias when different). */
  extraColumns: string[];
  /** Remarks about how the file was read (encoding fallback…), for the organiser. */
  notes: string[];
}

export interface TemplateSource {
  file: string;
  source: string;
}

/** A campaign read and validated: what the engine checks and what the send uses. */
export interface Campaign {
  event: EventMeta;
  draft: Draft;
  html: TemplateSource;
  text?: TemplateSource | undefined;
  recipients: RecipientList;
  catalog: EventMeta[];
  config: GuardConfig;
}
