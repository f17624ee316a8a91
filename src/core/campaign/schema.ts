import { z } from 'zod';
import { ENGINE_FINDING_IDS, isRuleId, RULE_IDS } from '../rules/rule-ids.ts';
import type { Thresholds } from './types.ts';

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/;

/** True for a syntactically plausible mail address (what a mail server would accept to try). */
export function isEmailAddress(value: string): boolean {
  return EMAIL.test(value) && !value.includes('..');
}

function isIanaZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

function isAbsoluteUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol.length > 1 && !/^[a-z]:$/i.test(url.protocol);
  } catch {
    return false;
  }
}

const isoDateTime = z
  .string({ error: 'expected an ISO 8601 date-time with offset, e.g. "2025-10-07T10:00:00+02:00"' })
  .refine((v) => ISO_WITH_OFFSET.test(v) && !Number.isNaN(Date.parse(v)), {
    error: 'expected an ISO 8601 date-time with offset, e.g. "2025-10-07T10:00:00+02:00"',
  });

const language = z
  .string({ error: 'expected "fr" or "en"' })
  .transform((v) => v.trim().toLowerCase())
  .refine((v) => /^(fr|en)([-_][a-z]{2})?$/.test(v), { error: 'expected "fr" or "en"' })
  .transform((v) => v.slice(0, 2) as 'fr' | 'en');

const emailField = z
  .string({ error: 'expected an email address' })
  .trim()
  .refine(isEmailAddress, { error: 'expected an email address such as "webinaires@example.fr"' });

/** event.json, and every catalogue file. */
export const eventSchema = z
  .looseObject({
    id: z
      .string({ error: 'expected a string id' })
      .regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected lower-case letters, digits and hyphens, e.g. "zfe-2025-10"' }),
    title: z
      .string({ error: 'expected a title (text, 1 to 200 characters)' })
      .trim()
      .min(1, { error: 'expected a title (text, 1 to 200 characters)' })
      .max(200, { error: 'expected at most 200 characters' }),
    start: isoDateTime,
    end: isoDateTime,
    timezone: z
      .string({ error: 'expected an IANA time zone such as "Europe/Paris"' })
      .refine(isIanaZone, { error: 'expected an IANA time zone such as "Europe/Paris"' })
      .default('Europe/Paris'),
    language: language.default('fr'),
    description: z.string({ error: 'expected text' }).optional(),
    keywords: z.array(z.string({ error: 'expected text' }), { error: 'expected a list of words' }).default([]),
    speakers: z
      .array(
        z.object({
          name: z.string({ error: 'expected the speaker name' }).trim().min(1, { error: 'expected the speaker name' }),
          role: z.string({ error: 'expected text' }).optional(),
        }),
        { error: 'expected a list of { name, role? }' },
      )
      .default([]),
    links: z
      .record(
        z.string(),
        z.string({ error: 'expected an absolute URL' }).trim().refine(isAbsoluteUrl, {
          error: 'expected an absolute URL such as "https://video.example.fr/replay"',
        }),
        { error: 'expected an object of link name → absolute URL' },
      )
      .default({}),
    organizer: z.object(
      {
        name: z.string({ error: 'expected the organiser name' }).trim().min(1, { error: 'expected the organiser name' }),
        email: emailField,
      },
      { error: 'expected { name, email }' },
    ),
  })
  // Judged only when both parse: an unreadable start is its own error, not also "end before start".
  .refine((e) => Number.isNaN(Date.parse(e.start)) || Number.isNaN(Date.parse(e.end)) || Date.parse(e.end) > Date.parse(e.start), {
    error: 'expected "end" to be after "start"',
    path: ['end'],
  });

const NAME_ADDR = /^\s*(?:"?([^"<]*?)"?\s*)?<\s*([^<>\s]+)\s*>\s*$/;

/** Splits `"Name <address>"` or a bare address; undefined when it is neither. */
export function parseMailbox(value: string): { name: string; address: string } | undefined {
  const bare = value.trim();
  if (isEmailAddress(bare)) return { name: '', address: bare };
  const match = NAME_ADDR.exec(value);
  if (match && match[2] && isEmailAddress(match[2])) return { name: (match[1] ?? '').trim(), address: match[2] };
  return undefined;
}

function isRelativePath(value: string): boolean {
  return value.length > 0 && !value.startsWith('/') && !/^[a-z]:[\\/]/i.test(value) && !value.split(/[\\/]/).includes('..');
}

/** draft.json. */
export const draftSchema = z.looseObject({
  eventId: z.string({ error: 'expected the id of the event (text)' }).trim().min(1, { error: 'expected the id of the event' }),
  from: z
    .string({ error: 'expected "Name <address>" or an address' })
    .refine((v) => parseMailbox(v) !== undefined && !/[\r\n]/.test(v), {
      error: 'expected "Name <address>" or an address on one line',
    }),
  replyTo: emailField.optional(),
  subject: z
    .string({ error: 'expected the subject (text)' })
    .min(1, { error: 'expected a subject' })
    .refine((v) => !/[\r\n]/.test(v), { error: 'expected a subject on one line (no line break)' }),
  template: z
    .string({ error: 'expected the relative path of the .mjml template' })
    .refine(isRelativePath, { error: 'expected a path relative to the campaign folder, without ".."' }),
  text: z
    .string({ error: 'expected the relative path of the plain-text template' })
    .refine(isRelativePath, { error: 'expected a path relative to the campaign folder, without ".."' })
    .optional(),
  audience: z
    .enum(['all', 'attendees', 'no-shows'], { error: 'expected "all", "attendees" or "no-shows"' })
    .default('all'),
});

/** Default rule thresholds, documented in the README. */
export const DEFAULT_THRESHOLDS: Thresholds = {
  clipBytes: 102 * 1024,
  conflictWindowMinutes: 120,
  topicMinOtherScore: 3,
  topicMargin: 1.5,
  topicMinContentWords: 20,
  topicMinOwnShare: 0.05,
};

const severitySetting = z.enum(['block', 'warn', 'off'], { error: 'expected "block", "warn" or "off"' });
const severityMap = z
  .record(z.string(), severitySetting, { error: 'expected an object of rule id → "block" | "warn" | "off"' })
  .superRefine((map, ctx) => {
    for (const id of Object.keys(map)) {
      if ((ENGINE_FINDING_IDS as readonly string[]).includes(id)) {
        ctx.addIssue({
          code: 'custom',
          path: [id],
          message: 'cannot be set: followup-guard raises it itself (a recipient the guard could not check is always blocked)',
        });
      } else if (!isRuleId(id)) {
        ctx.addIssue({
          code: 'custom',
          path: [id],
          message: `unknown rule id; expected one of ${RULE_IDS.join(', ')}`,
        });
      }
    }
  });

const positive = z.number({ error: 'expected a number' }).positive({ error: 'expected a positive number' });

/** guard.config.json. `rules`, `severity`, `severities` and `overrides` are accepted spellings of the same map. */
export const configSchema = z
  .looseObject({
    allowedDomains: z
      .array(z.string({ error: 'expected a domain such as "example.fr"' }).trim().min(1), {
        error: 'expected a list of domains',
      })
      .default([]),
    severity: severityMap.optional(),
    severities: severityMap.optional(),
    rules: severityMap.optional(),
    overrides: severityMap.optional(),
    thresholds: z
      .strictObject(
        {
          clipBytes: positive.optional(),
          conflictWindowMinutes: positive.optional(),
          topicMinOtherScore: positive.optional(),
          topicMargin: positive.optional(),
          topicMinContentWords: positive.optional(),
          topicMinOwnShare: positive.optional(),
        },
        { error: `expected an object with some of ${Object.keys(DEFAULT_THRESHOLDS).join(', ')}` },
      )
      .default({}),
  })
  .transform((c) => ({
    allowedDomains: c.allowedDomains,
    severity: { ...c.overrides, ...c.severities, ...c.severity, ...c.rules },
    thresholds: { ...DEFAULT_THRESHOLDS, ...c.thresholds },
  }));
