import { parseCampaign } from '../../src/core/campaign/parse-campaign.ts';
import type { Campaign } from '../../src/core/campaign/types.ts';
import { checkCampaign, type CheckReport } from '../../src/core/check/check-campaign.ts';
import type { Finding } from '../../src/core/check/findings.ts';

/** A small valid event; override any field. */
export function anEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'audit-rgaa-2026-10',
    title: "Accessibilité numérique : réussir l'audit RGAA de son site public",
    start: '2026-10-15T10:00:00+02:00',
    end: '2026-10-15T11:30:00+02:00',
    timezone: 'Europe/Paris',
    language: 'fr',
    description:
      "Préparer et conduire l'audit RGAA d'un site de collectivité : échantillon de pages, grille d'audit, taux de conformité, déclaration d'accessibilité et schéma pluriannuel.",
    keywords: ['accessibilité numérique', 'RGAA', 'audit', "déclaration d'accessibilité"],
    speakers: [{ name: 'Nadège Brunel', role: 'Experte accessibilité' }],
    links: {
      replay: 'https://webinaires.numerique-territoires.fr/replay/audit-rgaa',
      slides: 'https://docs.numerique-territoires.fr/supports/audit-rgaa.pdf',
      survey: 'https://avis.numerique-territoires.fr/s/audit-rgaa',
      registration: 'https://www.numerique-territoires.fr/agenda/audit-rgaa',
    },
    organizer: { name: 'Mission Numérique des Territoires', email: 'webinaires@numerique-territoires.fr' },
    ...overrides,
  };
}

/** An English event, for rules whose wording matters. */
export function anEnglishEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return anEvent({
    id: 'web-accessibility-2026-10',
    title: 'Web accessibility: passing your first audit',
    language: 'en',
    description: 'How a city website prepares an accessibility audit: page sample, audit grid, compliance rate, accessibility statement and multi-year plan.',
    keywords: ['web accessibility', 'audit', 'accessibility statement'],
    ...overrides,
  });
}

/** An earlier catalogue event (June 2026) with its own links and speaker. */
export function anEarlierEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return anEvent({
    id: 'teletravail-agents-2026-06',
    title: 'Télétravail des agents : outils collaboratifs et sécurité',
    start: '2026-06-11T10:00:00+02:00',
    end: '2026-06-11T11:30:00+02:00',
    description: 'Équiper les agents en télétravail : messagerie, visioconférence souveraine, partage de documents, authentification forte et sensibilisation aux hameçonnages.',
    keywords: ['télétravail', 'outils collaboratifs', 'visioconférence', 'authentification', 'hameçonnage'],
    speakers: [{ name: 'Olivier Marchal', role: 'RSSI, Communauté des Trois Vallées' }],
    links: {
      replay: 'https://webinaires.numerique-territoires.fr/replay/teletravail-agents',
      slides: 'https://docs.numerique-territoires.fr/supports/teletravail-agents.pdf',
      survey: 'https://avis.numerique-territoires.fr/s/teletravail-agents',
    },
    ...overrides,
  });
}

/** A later catalogue event (January 2027) with only a registration link. */
export function aLaterEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return anEvent({
    id: 'schema-pluriannuel-2027-01',
    title: "Schéma pluriannuel d'accessibilité : planifier sur trois ans",
    start: '2027-01-21T14:00:00+01:00',
    end: '2027-01-21T15:30:00+01:00',
    description: 'Construire le schéma pluriannuel de mise en accessibilité : priorités, budget, formation et suivi.',
    keywords: ['schéma pluriannuel', 'plan annuel'],
    links: { registration: 'https://www.numerique-territoires.fr/agenda/schema-pluriannuel' },
    ...overrides,
  });
}

export const FR_BODY = `<p>Bonjour {{recipient.firstName}},</p>
{{#if recipient.attended}}<p>Merci d'avoir participé à notre webinaire « {{event.title}} » du {{event.date}}. Vos questions sur l'audit RGAA, la grille d'audit et la déclaration d'accessibilité ont nourri les échanges.</p>
{{else}}<p>Vous n'avez pas pu vous connecter le {{event.date}} ? Le replay présente l'audit RGAA, la grille d'audit et la déclaration d'accessibilité.</p>{{/if}}`;

export const EN_BODY = `<p>Hello {{recipient.firstName}},</p>
{{#if recipient.attended}}<p>Thank you for attending "{{event.title}}" on {{event.date}}. Your questions on the audit grid, the compliance rate and the accessibility statement made the discussion richer.</p>
{{else}}<p>Sorry you could not join "{{event.title}}" on {{event.date}}. The recording explains the audit grid, the compliance rate and the accessibility statement.</p>{{/if}}`;

/** A one-column MJML follow-up around `body` (inside mj-text), with the event's buttons and an unsubscribe link. */
export function mjml(body: string, options: { buttons?: string; footer?: string; language?: 'fr' | 'en' } = {}): string {
  const en = options.language === 'en';
  const buttons =
    options.buttons ??
    (en
      ? `<mj-button href="{{event.links.replay}}">Watch the recording</mj-button>
        <mj-button href="{{event.links.slides}}">Download the slides</mj-button>
        <mj-button href="{{event.links.survey}}">Take the survey</mj-button>`
      : `<mj-button href="{{event.links.replay}}">Voir le replay</mj-button>
        <mj-button href="{{event.links.slides}}">Télécharger les supports</mj-button>
        <mj-button href="{{event.links.survey}}">Répondre au questionnaire</mj-button>`);
  const footer =
    options.footer ??
    (en
      ? `<p><a href="{{unsubscribeUrl}}">Unsubscribe</a> from {{event.organizer.name}} emails.</p>`
      : `<p><a href="{{unsubscribeUrl}}">Se désinscrire</a> des messages de {{event.organizer.name}}.</p>`);
  return `<mjml>
  <mj-body>
    <mj-section>
      <mj-column>
        <mj-text>
${body}
        </mj-text>
        ${buttons}
        <mj-text>${footer}</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
}

export interface RecipientRow {
  email: string;
  firstName?: string;
  lastName?: string;
  attended?: boolean | string;
  [column: string]: unknown;
}

/** Three recipients, two attendees and one no-show. */
export const THREE_RECIPIENTS: RecipientRow[] = [
  { email: 'helene.dumas@ville-saint-amand.fr', firstName: 'Hélène', lastName: 'Dumas', attended: true },
  { email: 'loic.bertrand@agglo-trois-vallees.fr', firstName: 'Loïc', lastName: 'Bertrand', attended: true },
  { email: 'maelle.guillot@departement-val-morin.fr', firstName: 'Maëlle', lastName: 'Guillot', attended: false },
];

/** recipients.csv text for rows (columns: email, firstName, lastName, attended and any extra key). */
export function recipientsCsv(rows: RecipientRow[]): string {
  const extra = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => !['email', 'firstName', 'lastName', 'attended'].includes(k));
  const header = ['email', 'firstName', 'lastName', 'attended', ...extra];
  const quote = (v: unknown) => {
    const text = v === undefined ? '' : String(v);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [header.join(','), ...rows.map((r) => header.map((h) => quote(r[h])).join(','))].join('\n') + '\n';
}

export interface CampaignSpec {
  event?: Record<string, unknown>;
  draft?: Record<string, unknown>;
  template?: string;
  text?: string;
  recipients?: RecipientRow[] | string;
  catalog?: Record<string, unknown>[];
  config?: Record<string, unknown>;
}

/** The files of a campaign folder built from a spec, with sensible clean defaults. */
export function campaignFiles(spec: CampaignSpec = {}): Map<string, string> {
  const event = spec.event ?? anEvent();
  const files = new Map<string, string>();
  files.set('event.json', JSON.stringify(event));
  files.set(
    'draft.json',
    JSON.stringify({
      eventId: event.id,
      from: 'Mission Numérique des Territoires <webinaires@numerique-territoires.fr>',
      subject: 'Replay et supports – {{event.title}}',
      template: 'followup.mjml',
      ...(spec.text !== undefined ? { text: 'followup.txt' } : {}),
      audience: 'all',
      ...spec.draft,
    }),
  );
  files.set('followup.mjml', spec.template ?? mjml(event.language === 'en' ? EN_BODY : FR_BODY, { language: event.language as 'fr' | 'en' }));
  if (spec.text !== undefined) files.set('followup.txt', spec.text);
  files.set('recipients.csv', typeof spec.recipients === 'string' ? spec.recipients : recipientsCsv(spec.recipients ?? THREE_RECIPIENTS));
  for (const other of spec.catalog ?? []) files.set(`catalog/${String(other.id)}.json`, JSON.stringify(other));
  if (spec.config) files.set('guard.config.json', JSON.stringify(spec.config));
  return files;
}

/** Parses a campaign built from a spec. */
export function aCampaign(spec: CampaignSpec = {}): Campaign {
  return parseCampaign(campaignFiles(spec));
}

export const NOW = new Date('2026-11-26T12:00:00Z');

/** Runs the guard on a campaign built from a spec, at a fixed instant. */
export async function check(spec: CampaignSpec = {}): Promise<CheckReport> {
  return checkCampaign(aCampaign(spec), {
    now: NOW,
    unsubscribeUrl: (r) => `https://guard.numerique-territoires.fr/unsubscribe/${encodeURIComponent(r.email)}`,
  });
}

/** The findings of one rule. */
export function findingsOf(report: CheckReport, rule: string): Finding[] {
  return report.findings.filter((f) => f.rule === rule);
}
