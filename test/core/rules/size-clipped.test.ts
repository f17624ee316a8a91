import { describe, expect, it } from 'vitest';
import { checkCampaign } from '../../../src/core/check/check-campaign.ts';
import {
  aCampaign,
  anEnglishEvent,
  anEvent,
  check,
  EN_BODY,
  FR_BODY,
  findingsOf,
  mjml,
  NOW,
  THREE_RECIPIENTS,
  type CampaignSpec,
  type RecipientRow,
} from '../../support/campaign-builder.ts';

const GMAIL_CLIP_BYTES = 102 * 1024;
const NOTES_BODY = `${FR_BODY}\n{{#if recipient.notes}}<p>Vos notes : {{recipient.notes}}</p>{{/if}}`;
const FILLER = 'Compte rendu de la session sur la grille et la declaration, avec les reponses de la formatrice. ';

/** The HTML size in bytes and in characters of each selected recipient's message, as it would be sent. */
async function htmlSizes(spec: CampaignSpec): Promise<Map<string, { bytes: number; chars: number }>> {
  const sizes = new Map<string, { bytes: number; chars: number }>();
  await checkCampaign(aCampaign(spec), {
    now: NOW,
    unsubscribeUrl: (r) => `https://guard.numerique-territoires.fr/unsubscribe/${encodeURIComponent(r.email)}`,
    onMessage: (recipient, message) => sizes.set(recipient.email, { bytes: Buffer.byteLength(message.html), chars: message.html.length }),
  });
  return sizes;
}

/** Plain filler text of at most `bytes` bytes in UTF-8 (no digit, quote or placeholder-like word). */
function filler(bytes: number, unit = FILLER): string {
  const unitBytes = Buffer.byteLength(unit);
  return unit.repeat(Math.floor(bytes / unitBytes));
}

/** The three recipients, the first one carrying `notes`, the others a short note. */
function recipientsWithNotes(notes: string): RecipientRow[] {
  return THREE_RECIPIENTS.map((r, i) => ({ ...r, notes: i === 0 ? notes : 'Merci pour votre question.' }));
}

function kilobytesIn(text: string): number {
  const match = /(\d+(?:[.,]\d+)?)\s*(?:KB|Ko|kB|KiB)/.exec(text);
  return match ? Number(match[1]!.replace(',', '.')) : Number.NaN;
}

describe('size.clipped warns about a message Gmail would clip', () => {
  it('warns only about the recipient whose long column value makes the HTML exceed 102 KB', async () => {
    // Prepare
    const spec: CampaignSpec = { template: mjml(NOTES_BODY), recipients: recipientsWithNotes(filler(110 * 1024)) };
    const sizes = await htmlSizes(spec);
    const big = THREE_RECIPIENTS[0]!.email;
    expect(sizes.get(big)!.bytes).toBeGreaterThan(GMAIL_CLIP_BYTES);
    expect([...sizes].filter(([email]) => email !== big).every(([, s]) => s.bytes < 20 * 1024)).toBe(true);

    // Act
    const report = await check(spec);

    // Assess
    const findings = findingsOf(report, 'size.clipped');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warn', recipients: 1, examples: [big] });
    expect(findings[0]!.expected).toContain('102');
    expect(kilobytesIn(findings[0]!.found)).toBeGreaterThan(102);
    expect(report.verdict).toBe('ready');
  });

  it('warns about every recipient when a long #each over a big event list makes the HTML exceed 102 KB', async () => {
    // Prepare: the questions asked during the webinar, all printed with their answers
    const questions = Array.from({ length: 600 }, (_, i) => ({
      question: `Question ${i + 1} : comment choisir l'échantillon de pages pour un site de collectivité ?`,
      answer: "Prendre les pages les plus consultées, les démarches en ligne et une page de chaque gabarit, puis compléter au hasard.",
    }));
    const event = anEvent({ questions });
    const body = `${FR_BODY}\n<p>Les questions posées :</p>{{#each event.questions}}<p><strong>{{question}}</strong><br/>{{answer}}</p>{{/each}}`;
    const spec: CampaignSpec = { event, template: mjml(body) };
    const sizes = await htmlSizes(spec);
    expect([...sizes.values()].every((s) => s.bytes > GMAIL_CLIP_BYTES)).toBe(true);

    // Act
    const report = await check(spec);

    // Assess
    const findings = findingsOf(report, 'size.clipped');
    expect(findings.length).toBeGreaterThanOrEqual(1);
    expect(findings.every((f) => f.severity === 'warn')).toBe(true);
    expect(findings.reduce((sum, f) => sum + f.recipients, 0)).toBe(3);
  });

  it('counts bytes, not characters: accented text can exceed 102 KB in fewer characters', async () => {
    // Prepare
    const accented = filler(100 * 1024, 'Été réussi : échanges éclairés, équipes émérites, élèves épanouis. ');
    const spec: CampaignSpec = { template: mjml(NOTES_BODY), recipients: recipientsWithNotes(accented) };
    const sizes = await htmlSizes(spec);
    const big = sizes.get(THREE_RECIPIENTS[0]!.email)!;
    expect(big.bytes).toBeGreaterThan(GMAIL_CLIP_BYTES);
    expect(big.chars).toBeLessThan(GMAIL_CLIP_BYTES);

    // Act
    const report = await check(spec);

    // Assess
    const findings = findingsOf(report, 'size.clipped');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warn', recipients: 1, examples: [THREE_RECIPIENTS[0]!.email] });
  });

  it('warns about an English message over 102 KB', async () => {
    // Prepare
    const body = `${EN_BODY}\n{{#if recipient.notes}}<p>Your notes: {{recipient.notes}}</p>{{/if}}`;
    const notes = filler(110 * 1024, 'Summary of the session on the audit grid and the accessibility statement, with the answers of the trainer. ');
    const spec: CampaignSpec = {
      event: anEnglishEvent(),
      draft: { subject: 'Recording and slides: {{event.title}}' },
      template: mjml(body, { language: 'en' }),
      recipients: recipientsWithNotes(notes),
    };

    // Act
    const report = await check(spec);

    // Assess
    const findings = findingsOf(report, 'size.clipped');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warn', recipients: 1, examples: [THREE_RECIPIENTS[0]!.email] });
  });
});

describe('size.clipped does not warn below the clipping size', () => {
  it('accepts a message of about 90 KB', async () => {
    // Prepare
    const spec: CampaignSpec = { template: mjml(NOTES_BODY), recipients: recipientsWithNotes(filler(82 * 1024)) };
    const sizes = await htmlSizes(spec);
    const big = sizes.get(THREE_RECIPIENTS[0]!.email)!;
    expect(big.bytes).toBeGreaterThan(85 * 1024);
    expect(big.bytes).toBeLessThan(95 * 1024);

    // Act
    const report = await check(spec);

    // Assess
    expect(findingsOf(report, 'size.clipped')).toEqual([]);
  });

  it('accepts a message just under 102 KB', async () => {
    // Prepare: measure the message without notes, then fill it up to 1 KB under the limit
    const base = (await htmlSizes({ template: mjml(NOTES_BODY), recipients: recipientsWithNotes('Court.') })).get(THREE_RECIPIENTS[0]!.email)!;
    const spec: CampaignSpec = { template: mjml(NOTES_BODY), recipients: recipientsWithNotes(filler(GMAIL_CLIP_BYTES - base.bytes - 1024)) };
    const size = (await htmlSizes(spec)).get(THREE_RECIPIENTS[0]!.email)!;
    expect(size.bytes).toBeGreaterThan(GMAIL_CLIP_BYTES - 2 * 1024);
    expect(size.bytes).toBeLessThanOrEqual(GMAIL_CLIP_BYTES);

    // Act
    const report = await check(spec);

    // Assess
    expect(findingsOf(report, 'size.clipped')).toEqual([]);
  });
});
