import { describe, expect, it } from 'vitest';
import { checkCampaign } from '../../../src/core/check/check-campaign.ts';
import type { Finding } from '../../../src/core/check/findings.ts';
import { aCampaign, anEnglishEvent, check, EN_BODY, findingsOf, FR_BODY, mjml, NOW, THREE_RECIPIENTS } from '../../support/campaign-builder.ts';

const RULE = 'link.unsafe';

/** The French default follow-up with one more paragraph after the body. */
function frenchWith(extra: string): string {
  return mjml(`${FR_BODY}\n${extra}`);
}

function theOnlyFinding(findings: Finding[]): Finding {
  expect(findings).toHaveLength(1);
  return findings[0]!;
}

describe('link.unsafe blocks links that do not work or are not production links', () => {
  it.each([
    ['plain http on the organiser\'s own host', 'http://www.numerique-territoires.fr/agenda/audit-rgaa'],
    ['a local development server on localhost:3000', 'https://localhost:3000/replay/audit-rgaa'],
    ['the loopback address 127.0.0.1', 'https://127.0.0.1/replay/audit-rgaa'],
    ['a 192.168.x.x private address', 'https://192.168.1.20/supports/audit-rgaa.pdf'],
    ['a 10.x private address', 'https://10.12.0.5/replay/audit-rgaa'],
    ['the IPv6 loopback [::1]', 'https://[::1]/replay/audit-rgaa'],
    ['a .local host', 'https://webinaires.local/replay/audit-rgaa'],
    ['example.com', 'https://example.com/replay/audit-rgaa'],
    ['www.example.org', 'https://www.example.org/questionnaire'],
    ['a staging. host', 'https://staging.numerique-territoires.fr/replay/audit-rgaa'],
    ['a preprod. host', 'https://preprod.numerique-territoires.fr/replay/audit-rgaa'],
    ['a recette. host', 'https://recette.numerique-territoires.fr/replay/audit-rgaa'],
    ['a dev. host', 'https://dev.numerique-territoires.fr/replay/audit-rgaa'],
  ])('blocks the send when a link points to %s', async (_case, href) => {
    // Prepare
    const template = frenchWith(`<p>Le programme complet est en ligne : <a href="${href}">le programme</a>.</p>`);

    // Act
    const report = await check({ template });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.severity).toBe('block');
    expect(finding.found).toContain(href);
    expect(finding.expected).toMatch(/https/i);
    expect(finding.recipients).toBe(3);
    expect(report.verdict).toBe('blocked');
  });

  it('blocks a button whose href is only "#"', async () => {
    // Prepare
    const template = mjml(FR_BODY, {
      buttons: `<mj-button href="{{event.links.replay}}">Voir le replay</mj-button>
        <mj-button href="#">Programme de la journée</mj-button>`,
    });

    // Act
    const report = await check({ template });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.severity).toBe('block');
    expect(finding.found).toBe('#');
    expect(finding.recipients).toBe(3);
  });

  it('blocks a relative link, which leads nowhere from a mailbox', async () => {
    // Prepare
    const template = frenchWith('<p>Retrouvez <a href="/agenda/audit-rgaa">le programme de la session</a>.</p>');

    // Act
    const report = await check({ template });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.severity).toBe('block');
    expect(finding.found).toContain('/agenda/audit-rgaa');
    expect(finding.recipients).toBe(3);
  });

  it('blocks an image loaded over plain http', async () => {
    // Prepare
    const template = frenchWith('<p><img src="http://cdn.numerique-territoires.fr/images/bandeau-rgaa.png" alt="Bandeau du webinaire" width="600"></p>');

    // Act
    const report = await check({ template });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.severity).toBe('block');
    expect(finding.found).toContain('http://cdn.numerique-territoires.fr/images/bandeau-rgaa.png');
    expect(finding.recipients).toBe(3);
  });

  it('counts only the attendees when the unsafe link sits in the attendees\' branch', async () => {
    // Prepare
    const body = `<p>Bonjour {{recipient.firstName}},</p>
{{#if recipient.attended}}<p>Merci d'avoir participé à « {{event.title}} ». Voici <a href="https://recette.numerique-territoires.fr/supports/audit-rgaa.pdf">la grille d'audit RGAA</a> présentée en séance.</p>
{{else}}<p>Le replay présente l'audit RGAA, la grille d'audit et la déclaration d'accessibilité.</p>{{/if}}`;

    // Act
    const report = await check({ template: mjml(body) });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.recipients).toBe(2);
    expect(finding.examples.sort()).toEqual([THREE_RECIPIENTS[0]!.email, THREE_RECIPIENTS[1]!.email].sort());
    expect(finding.found).toContain('recette.numerique-territoires.fr');
  });

  it('blocks a plain-http link written in the plain-text body', async () => {
    // Prepare
    const text = `Hello {{recipient.firstName}},

Recording: http://webinaires.numerique-territoires.fr/replay/audit-rgaa
Slides: {{event.links.slides}}

Unsubscribe: {{unsubscribeUrl}}
`;

    // Act
    const report = await check({ event: anEnglishEvent(), draft: { subject: 'Recording and slides: {{event.title}}' }, template: mjml(EN_BODY, { language: 'en' }), text });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.severity).toBe('block');
    expect(finding.found).toContain('http://webinaires.numerique-territoires.fr/replay/audit-rgaa');
    expect(finding.recipients).toBe(3);
  });
});

describe('link.unsafe leaves working production links alone', () => {
  it('accepts https links on public hosts, including a host outside the event', async () => {
    // Prepare
    const template = frenchWith(
      '<p>Pour aller plus loin : <a href="https://accessibilite.numerique.gouv.fr/methode/criteres-et-tests/">les critères du RGAA</a> et <a href="https://www.numerique-territoires.fr/agenda">notre agenda</a>.</p>',
    );

    // Act
    const report = await check({ template });

    // Assess
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it('accepts mailto: and tel: links', async () => {
    // Prepare
    const template = frenchWith(
      '<p>Une question ? <a href="mailto:webinaires@numerique-territoires.fr?subject=Audit%20RGAA">Écrivez-nous</a> ou appelez le <a href="tel:+33123456789">01 23 45 67 89</a>.</p>',
    );

    // Act
    const report = await check({ template });

    // Assess
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it('accepts hosts whose name merely contains "dev", "test" or "local"', async () => {
    // Prepare
    const template = frenchWith(
      `<p>Ressources : <a href="https://www.developpement-durable.gouv.fr/accessibilite-numerique">le guide du ministère</a>,
<a href="https://www.ecologie.gouv.fr/politiques/developpement-local">le développement local</a>,
<a href="https://devenir-accessible.fr/grille">la grille commentée</a>,
<a href="https://www.testeur-rgaa.fr/outils">les outils de test</a>,
<a href="https://developpeurs.numerique-territoires.fr/rgaa">l'espace développeurs</a>.</p>`,
    );

    // Act
    const report = await check({ template });

    // Assess
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it('does not judge the guard\'s own unsubscribe link, even when a local check points it at localhost', async () => {
    // Prepare
    const campaign = aCampaign();

    // Act
    const report = await checkCampaign(campaign, {
      now: NOW,
      unsubscribeUrl: (r) => `http://localhost:3000/unsubscribe/preview-${encodeURIComponent(r.email)}`,
    });

    // Assess
    expect(findingsOf(report, RULE)).toEqual([]);
  });
});
