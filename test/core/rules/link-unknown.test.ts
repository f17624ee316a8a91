import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/check/findings.ts';
import { anEnglishEvent, anEvent, check, EN_BODY, findingsOf, FR_BODY, mjml } from '../../support/campaign-builder.ts';

const RULE = 'link.unknown';

function frenchWith(extra: string): string {
  return mjml(`${FR_BODY}\n${extra}`);
}

function theOnlyFinding(findings: Finding[]): Finding {
  expect(findings).toHaveLength(1);
  return findings[0]!;
}

/** An event whose links live on a video platform, so that the sender's and organiser's domains are tested on their own. */
function anEventOnAVideoPlatform(): Record<string, unknown> {
  return anEvent({
    links: {
      replay: 'https://live.visio-evenements.fr/replay/audit-rgaa',
      slides: 'https://live.visio-evenements.fr/docs/audit-rgaa.pdf',
      survey: 'https://live.visio-evenements.fr/avis/audit-rgaa',
    },
    organizer: { name: 'Mission Numérique des Territoires', email: 'contact@mission-numerique.gouv.fr' },
  });
}

describe('link.unknown warns about a link to a host nobody vouched for', () => {
  it('warns, without blocking, about a guide hosted on an unrelated domain', async () => {
    // Prepare
    const template = frenchWith(
      '<p>Pour aller plus loin, consultez <a href="https://www.guide-accessibilite-pratique.com/rgaa/grille">ce guide de la grille d\'audit</a>.</p>',
    );

    // Act
    const report = await check({ template });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.severity).toBe('warn');
    expect(finding.found).toContain('https://www.guide-accessibilite-pratique.com/rgaa/grille');
    expect(finding.expected).toContain('numerique-territoires.fr');
    expect(finding.recipients).toBe(3);
    expect(report.findings.map((f) => f.rule)).toEqual([RULE]);
    expect(report.verdict).toBe('ready');
  });

  it('warns about an English message linking to a host that only looks like the organiser\'s', async () => {
    // Prepare
    const template = mjml(
      `${EN_BODY}
<p>More resources: <a href="https://numerique-territoires.fr.resources-hub.net/accessibility">accessibility resources</a>.</p>`,
      { language: 'en' },
    );

    // Act
    const report = await check({ event: anEnglishEvent(), draft: { subject: 'Recording and slides: {{event.title}}' }, template });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.severity).toBe('warn');
    expect(finding.found).toContain('numerique-territoires.fr.resources-hub.net');
    expect(finding.recipients).toBe(3);
  });

  it('warns about a host whose name merely ends like an allowed domain', async () => {
    // Prepare
    const template = frenchWith('<p>Le <a href="https://faux-numerique-territoires.fr/rgaa">dossier complet</a> est en ligne.</p>');

    // Act
    const report = await check({ template });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.found).toContain('faux-numerique-territoires.fr');
    expect(finding.recipients).toBe(3);
  });

  it('warns about a host outside allowedDomains even when the config lists others', async () => {
    // Prepare
    const template = frenchWith(
      '<p>Ressources : <a href="https://accessibilite.numerique.gouv.fr/methode/">la méthode RGAA</a> et <a href="https://www.outils-audit-express.io/grille">une grille prête à l\'emploi</a>.</p>',
    );

    // Act
    const report = await check({ template, config: { allowedDomains: ['accessibilite.numerique.gouv.fr'] } });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.found).toContain('outils-audit-express.io');
    expect(finding.recipients).toBe(3);
  });

  it('counts only the no-shows when the unknown link is in their branch', async () => {
    // Prepare
    const body = `<p>Bonjour {{recipient.firstName}},</p>
{{#if recipient.attended}}<p>Merci d'avoir participé à notre webinaire sur l'audit RGAA et la déclaration d'accessibilité.</p>
{{else}}<p>Le replay présente l'audit RGAA ; voyez aussi <a href="https://www.guide-accessibilite-pratique.com/rgaa">ce guide</a>.</p>{{/if}}`;

    // Act
    const report = await check({ template: mjml(body) });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.recipients).toBe(1);
    expect(finding.examples).toEqual(['maelle.guillot@departement-val-morin.fr']);
  });
});

describe('link.unknown accepts hosts that the event, the sender or the config vouch for', () => {
  it('accepts a subdomain of the sender\'s mail domain', async () => {
    // Prepare
    const template = frenchWith('<p>Nos guides : <a href="https://ressources.numerique-territoires.fr/guides/rgaa">la bibliothèque de ressources</a>.</p>');

    // Act
    const report = await check({ event: anEventOnAVideoPlatform(), template });

    // Assess
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it('accepts the organiser\'s mail domain and its www. site', async () => {
    // Prepare
    const template = frenchWith(
      '<p>Actualités : <a href="https://www.mission-numerique.gouv.fr/actualites">le site de la Mission</a> et <a href="https://agenda.mission-numerique.gouv.fr/">son agenda</a>.</p>',
    );

    // Act
    const report = await check({ event: anEventOnAVideoPlatform(), template });

    // Assess
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it('accepts the hosts of the event\'s own links', async () => {
    // Prepare
    const template = frenchWith('<p>Tous les replays : <a href="https://live.visio-evenements.fr/replays">la vidéothèque</a>.</p>');

    // Act
    const report = await check({ event: anEventOnAVideoPlatform(), template });

    // Assess
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it('accepts a host listed in guard.config.json allowedDomains', async () => {
    // Prepare
    const template = frenchWith(
      '<p>Ressources : <a href="https://accessibilite.numerique.gouv.fr/methode/criteres-et-tests/">les critères du RGAA</a> et <a href="https://www.guide-accessibilite-pratique.com/rgaa">ce guide</a>.</p>',
    );

    // Act
    const report = await check({
      template,
      config: { allowedDomains: ['accessibilite.numerique.gouv.fr', 'guide-accessibilite-pratique.com'] },
    });

    // Assess
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it('does not judge images served from an image CDN', async () => {
    // Prepare
    const template = mjml(FR_BODY, {
      buttons: `<mj-image src="https://cdn.images-emailing.net/u/4412/bandeau-rgaa.png" alt="Webinaire audit RGAA" width="600px"></mj-image>
        <mj-button href="{{event.links.replay}}">Voir le replay</mj-button>`,
    });

    // Act
    const report = await check({ template });

    // Assess
    expect(findingsOf(report, RULE)).toEqual([]);
  });
});
