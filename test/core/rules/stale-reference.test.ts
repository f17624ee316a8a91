import { describe, expect, it } from 'vitest';
import {
  aLaterEvent,
  anEarlierEvent,
  anEnglishEvent,
  anEvent,
  check,
  EN_BODY,
  FR_BODY,
  findingsOf,
  mjml,
  THREE_RECIPIENTS,
} from '../../support/campaign-builder.ts';

const EARLIER_REPLAY = 'https://webinaires.numerique-territoires.fr/replay/teletravail-agents';
const EARLIER_SLIDES = 'https://docs.numerique-territoires.fr/supports/teletravail-agents.pdf';
const OWN_REPLAY = 'https://webinaires.numerique-territoires.fr/replay/audit-rgaa';
const EVERYONE = THREE_RECIPIENTS.map((r) => r.email);
const ATTENDEES = THREE_RECIPIENTS.filter((r) => r.attended === true).map((r) => r.email);

/** The default French follow-up with one more paragraph for everyone. */
function frenchWith(paragraph: string): string {
  return mjml(`${FR_BODY}\n${paragraph}`);
}

/** An English earlier event (June 2026) of the same organiser. */
function anEarlierEnglishEvent(): Record<string, unknown> {
  return anEarlierEvent({
    id: 'remote-work-2026-06',
    title: 'Remote work for public servants: collaboration tools and security',
    language: 'en',
    description: 'Equipping remote staff: messaging, video calls, document sharing, strong authentication and phishing awareness.',
    keywords: ['remote work', 'collaboration tools', 'video calls', 'phishing'],
    links: {
      replay: 'https://webinaires.numerique-territoires.fr/replay/remote-work',
      slides: 'https://docs.numerique-territoires.fr/supports/remote-work.pdf',
    },
  });
}

describe('stale.reference fires on what belongs to an earlier catalogue event', () => {
  it('blocks the send when the replay button still goes to an older event’s replay', async () => {
    // Prepare
    const template = mjml(FR_BODY, {
      buttons: `<mj-button href="${EARLIER_REPLAY}">Voir le replay</mj-button>
        <mj-button href="{{event.links.slides}}">Télécharger les supports</mj-button>`,
    });

    // Act
    const report = await check({ template, catalog: [anEarlierEvent()] });

    // Assess
    const findings = findingsOf(report, 'stale.reference');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', recipients: 3, examples: EVERYONE });
    expect(findings[0]!.found).toContain(EARLIER_REPLAY);
    expect(findings[0]!.found).toContain('Télétravail des agents');
    expect(findings[0]!.expected).toContain(OWN_REPLAY);
    expect(report.verdict).toBe('blocked');
  });

  it('blocks the send when only the plain-text body links to an older event’s slides', async () => {
    // Prepare
    const text = `Bonjour {{recipient.firstName}},

Merci pour votre intérêt pour « {{event.title}} » du {{event.date}}.
Replay : {{event.links.replay}}
Supports : ${EARLIER_SLIDES}
Questionnaire : {{event.links.survey}}

Se désinscrire : {{unsubscribeUrl}}
`;

    // Act
    const report = await check({ text, catalog: [anEarlierEvent()] });

    // Assess
    const findings = findingsOf(report, 'stale.reference');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', recipients: 3 });
    expect(findings[0]!.found).toContain(EARLIER_SLIDES);
    expect(findings[0]!.expected).toContain('https://docs.numerique-territoires.fr/supports/audit-rgaa.pdf');
  });

  it('blocks the send when the body names an older event by its full title', async () => {
    // Prepare
    const template = frenchWith(
      '<p>Ce webinaire prolongeait notre séance Télétravail des agents : outils collaboratifs et sécurité, dont il reprend les conclusions.</p>',
    );

    // Act
    const report = await check({ template, catalog: [anEarlierEvent()] });

    // Assess
    const findings = findingsOf(report, 'stale.reference');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', recipients: 3 });
    expect(findings[0]!.found).toContain('Télétravail des agents : outils collaboratifs et sécurité');
    expect(findings[0]!.expected).toContain("réussir l'audit RGAA");
  });

  it('blocks the send when the body quotes the main part of an older event’s title in « guillemets »', async () => {
    // Prepare
    const template = frenchWith('<p>Vous aviez apprécié « Télétravail des agents » ? Cette séance va plus loin.</p>');

    // Act
    const report = await check({ template, catalog: [anEarlierEvent()] });

    // Assess
    const findings = findingsOf(report, 'stale.reference');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', recipients: 3 });
    expect(findings[0]!.found).toContain('Télétravail des agents');
  });

  it('blocks the send when the body names the previous episode of a numbered series (« Rendez-vous RGAA #4 » in #5), even unquoted', async () => {
    // Prepare
    const event = anEvent({ title: "Rendez-vous RGAA #5 : réussir l'audit de son site public" });
    const earlier = anEarlierEvent({ title: "Rendez-vous RGAA #4 : formulaires accessibles et messages d'erreur" });
    const template = frenchWith('<p>Merci à toutes et à tous, et à bientôt pour la suite de ce Rendez-vous RGAA #4 !</p>');
    const own = frenchWith('<p>Merci à toutes et à tous, et à bientôt pour la suite de ce Rendez-vous RGAA #5 !</p>');

    // Act
    const report = await check({ event, template, catalog: [earlier] });
    const clean = await check({ event, template: own, catalog: [earlier] });

    // Assess
    expect(findingsOf(report, 'stale.reference')).toMatchObject([{ severity: 'block', recipients: 3 }]);
    expect(findingsOf(clean, 'stale.reference')).toEqual([]);
  });

  it('blocks only the attendees’ messages when their paragraph names an older event’s speaker', async () => {
    // Prepare
    const body = `<p>Bonjour {{recipient.firstName}},</p>
{{#if recipient.attended}}<p>Merci d'avoir suivi « {{event.title}} » du {{event.date}}. Olivier Marchal a répondu à vos questions sur l'audit RGAA et la déclaration d'accessibilité.</p>
{{else}}<p>Vous n'avez pas pu vous connecter le {{event.date}} ? Le replay présente l'audit RGAA, la grille d'audit et la déclaration d'accessibilité.</p>{{/if}}`;

    // Act
    const report = await check({ template: mjml(body), catalog: [anEarlierEvent()] });

    // Assess
    const findings = findingsOf(report, 'stale.reference');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', recipients: 2, examples: ATTENDEES });
    expect(findings[0]!.found).toContain('Olivier Marchal');
    expect(findings[0]!.expected).toContain('Nadège Brunel');
  });

  it('blocks the send when the body gives an older event’s date, which is also an earlier date', async () => {
    // Prepare
    const template = frenchWith('<p>Le replay de la session du jeudi 11 juin 2026 reste disponible.</p>');

    // Act
    const report = await check({ template, catalog: [anEarlierEvent()] });

    // Assess
    const stale = findingsOf(report, 'stale.reference');
    expect(stale).toHaveLength(1);
    expect(stale[0]).toMatchObject({ severity: 'block', recipients: 3 });
    expect(stale[0]!.found).toContain('11 juin 2026');
    expect(stale[0]!.expected).toContain('2026-10-15');
    const mismatch = findingsOf(report, 'date.mismatch');
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0]).toMatchObject({ severity: 'block', recipients: 3 });
    expect(mismatch[0]!.found).toContain('2026-06-11');
  });

  it('blocks an English message that quotes an older event’s title and gives its date', async () => {
    // Prepare
    const template = mjml(`${EN_BODY}\n<p>If you enjoyed "Remote work for public servants" on June 11, 2026, this session goes further.</p>`, {
      language: 'en',
    });

    // Act
    const report = await check({
      event: anEnglishEvent(),
      draft: { subject: 'Recording and slides: {{event.title}}' },
      template,
      catalog: [anEarlierEnglishEvent()],
    });

    // Assess
    const findings = findingsOf(report, 'stale.reference');
    expect(findings.length).toBeGreaterThanOrEqual(2);
    expect(findings.every((f) => f.severity === 'block' && f.recipients === 3)).toBe(true);
    expect(findings.some((f) => f.found.includes('Remote work for public servants'))).toBe(true);
    expect(findings.some((f) => f.found.includes('June 11, 2026'))).toBe(true);
  });
});

describe('stale.reference does not fire on what is not a leftover', () => {
  it('lets a follow-up announce a later catalogue event with its title, date and registration link', async () => {
    // Prepare
    const template = frenchWith(
      `<p>Prochain webinaire : « Schéma pluriannuel d'accessibilité : planifier sur trois ans », le jeudi 21 janvier 2027. <a href="https://www.numerique-territoires.fr/agenda/schema-pluriannuel">Inscrivez-vous</a>.</p>`,
    );

    // Act
    const report = await check({ template, catalog: [anEarlierEvent(), aLaterEvent()] });

    // Assess
    expect(findingsOf(report, 'stale.reference')).toEqual([]);
    expect(findingsOf(report, 'date.unexpected')).toEqual([]);
  });

  it.each([['M. Marchal'], ['Dr Marchal'], ['Pr. Olivier Marchal']])('blocks an older event’s speaker named by a title and the surname: %s', async (name) => {
    // Prepare
    const template = frenchWith(`<p>${name} a répondu à vos questions sur la sécurité.</p>`);

    // Act
    const report = await check({ template, catalog: [anEarlierEvent()] });

    // Assess
    expect(findingsOf(report, 'stale.reference').map((f) => f.found).join(' ')).toContain('Olivier Marchal');
  });

  it('lets a link that an older and a later event share (a series page) announce the later one', async () => {
    // Prepare
    const series = 'https://www.numerique-territoires.fr/agenda/cycle-accessibilite';
    const earlier = anEarlierEvent({ links: { registration: series } });
    const later = aLaterEvent({ links: { registration: series } });
    const template = frenchWith(`<p>Prochaine séance le jeudi 21 janvier 2027 : <a href="${series}">inscription</a>.</p>`);

    // Act
    const report = await check({ template, catalog: [earlier, later] });

    // Assess
    expect(findingsOf(report, 'stale.reference')).toEqual([]);
  });

  it('lets the message announce a later event by its speaker, who also spoke at an older one', async () => {
    // Prepare
    const guest = { name: 'Marc Estève', role: 'juriste' };
    const earlier = anEarlierEvent({ speakers: [guest] });
    const later = aLaterEvent({ speakers: [guest] });
    const template = frenchWith('<p>Prochain rendez-vous le jeudi 21 janvier 2027 avec Marc Estève.</p>');

    // Act
    const report = await check({ template, catalog: [earlier, later] });

    // Assess
    expect(findingsOf(report, 'stale.reference')).toEqual([]);
  });

  it('lets « Mme Brunel » name this event’s speaker when an older event’s speaker shares her surname', async () => {
    // Prepare
    const earlier = anEarlierEvent({ speakers: [{ name: 'Paulette Brunel', role: 'Juriste' }] });
    const template = frenchWith('<p>Mme Brunel vous remercie pour la richesse des échanges.</p>');

    // Act
    const report = await check({ template, catalog: [earlier] });

    // Assess
    expect(findingsOf(report, 'stale.reference')).toEqual([]);
  });

  it('blocks an older event’s title left in a link’s title attribute (shown on hover)', async () => {
    // Prepare
    const earlierTitle = anEarlierEvent().title as string;
    const template = frenchWith(`<p><a href="{{event.links.replay}}" title="${earlierTitle}">Voir le replay</a></p>`);

    // Act
    const report = await check({ template, catalog: [anEarlierEvent()] });

    // Assess
    expect(findingsOf(report, 'stale.reference').map((f) => f.found).join(' ')).toContain(earlierTitle);
  });

  it('lets the message name a speaker who spoke at both the older event and this one', async () => {
    // Prepare
    const earlier = anEarlierEvent({
      speakers: [
        { name: 'Olivier Marchal', role: 'RSSI, Communauté des Trois Vallées' },
        { name: 'Nadège Brunel', role: 'Experte accessibilité' },
      ],
    });
    const template = frenchWith('<p>Nadège Brunel vous remercie pour la richesse des échanges.</p>');

    // Act
    const report = await check({ template, catalog: [earlier] });

    // Assess
    expect(findingsOf(report, 'stale.reference')).toEqual([]);
  });

  it('ignores a catalogue file that has the event’s own id, even with an older schedule', async () => {
    // Prepare: the catalogue export still holds this event at its first planned date, one week earlier
    const ownOldCopy = anEvent({ start: '2026-10-08T10:00:00+02:00', end: '2026-10-08T11:30:00+02:00' });
    const template = frenchWith('<p>Intervenante : Nadège Brunel. Les supports : <a href="{{event.links.slides}}">télécharger</a>.</p>');

    // Act
    const report = await check({ template, catalog: [ownOldCopy] });

    // Assess
    expect(findingsOf(report, 'stale.reference')).toEqual([]);
    expect(report.findings.filter((f) => f.severity === 'block')).toEqual([]);
  });

  it('lets the message use a word of an older event’s title without naming that event', async () => {
    // Prepare
    const template = frenchWith('<p>Beaucoup d’entre vous suivent ce webinaire en télétravail : le replay reste en ligne.</p>');

    // Act
    const report = await check({ template, catalog: [anEarlierEvent()] });

    // Assess
    expect(findingsOf(report, 'stale.reference')).toEqual([]);
  });

  it('lets an English message announce a later event and name a speaker of both events', async () => {
    // Prepare
    const later = aLaterEvent({
      id: 'multi-year-plan-2027-01',
      title: 'Multi-year accessibility plan: planning over three years',
      language: 'en',
      links: { registration: 'https://www.numerique-territoires.fr/agenda/multi-year-plan' },
    });
    const earlier = anEarlierEnglishEvent();
    earlier.speakers = [{ name: 'Nadège Brunel', role: 'Accessibility expert' }];
    const template = mjml(
      `${EN_BODY}\n<p>Nadège Brunel will be back for "Multi-year accessibility plan: planning over three years" on Thursday, January 21, 2027. <a href="https://www.numerique-territoires.fr/agenda/multi-year-plan">Register</a>.</p>`,
      { language: 'en' },
    );

    // Act
    const report = await check({
      event: anEnglishEvent(),
      draft: { subject: 'Recording and slides: {{event.title}}' },
      template,
      catalog: [earlier, later],
    });

    // Assess
    expect(findingsOf(report, 'stale.reference')).toEqual([]);
    expect(findingsOf(report, 'date.unexpected')).toEqual([]);
  });
});
