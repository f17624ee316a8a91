import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/check/findings.ts';
import { anEnglishEvent, check, EN_BODY, findingsOf, FR_BODY, mjml } from '../../support/campaign-builder.ts';

const RULE = 'link.deceptive';

function frenchWith(extra: string): string {
  return mjml(`${FR_BODY}\n${extra}`);
}

function englishWith(extra: string): string {
  return mjml(`${EN_BODY}\n${extra}`, { language: 'en' });
}

const ENGLISH = { event: anEnglishEvent(), draft: { subject: 'Recording and slides: {{event.title}}' } };

function theOnlyFinding(findings: Finding[]): Finding {
  expect(findings).toHaveLength(1);
  return findings[0]!;
}

describe('link.deceptive blocks a link that shows one address and leads to another host', () => {
  it('blocks a full URL of the event shown over a link to another host', async () => {
    // Prepare
    const template = frenchWith(
      '<p>Donnez-nous votre avis : <a href="https://collecte.sondages-express.com/r/88127">https://avis.numerique-territoires.fr/s/audit-rgaa</a></p>',
    );

    // Act
    const report = await check({ template });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.severity).toBe('block');
    expect(finding.expected).toContain('avis.numerique-territoires.fr');
    expect(finding.expected).not.toContain('sondages-express.com');
    expect(finding.found).toContain('https://collecte.sondages-express.com/r/88127');
    expect(finding.recipients).toBe(3);
    expect(report.verdict).toBe('blocked');
  });

  it('blocks a bare domain shown over a link shortener', async () => {
    // Prepare
    const template = frenchWith('<p>Toutes nos ressources sur <a href="https://bit.ly/3xRgAa">numerique-territoires.fr</a>.</p>');

    // Act
    const report = await check({ template });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.severity).toBe('block');
    expect(finding.expected).toContain('numerique-territoires.fr');
    expect(finding.found).toContain('https://bit.ly/3xRgAa');
    expect(finding.recipients).toBe(3);
  });

  it('blocks a www. address shown over a link to another host in an English message', async () => {
    // Prepare
    const template = englishWith(
      '<p>Watch it again on <a href="https://www.videohost-replays.com/v/559201">www.numerique-territoires.fr/replay</a>.</p>',
    );

    // Act
    const report = await check({ ...ENGLISH, template });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.severity).toBe('block');
    expect(finding.expected).toContain('numerique-territoires.fr');
    expect(finding.found).toContain('https://www.videohost-replays.com/v/559201');
    expect(finding.recipients).toBe(3);
  });

  it('blocks a look-alike where the shown host is a prefix of the real one', async () => {
    // Prepare
    const template = frenchWith(
      '<p>Replay : <a href="https://webinaires.numerique-territoires.fr.replay-video.net/audit-rgaa">https://webinaires.numerique-territoires.fr/replay/audit-rgaa</a></p>',
    );

    // Act
    const report = await check({ template });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.expected).toContain('webinaires.numerique-territoires.fr');
    expect(finding.found).toContain('replay-video.net');
    expect(finding.recipients).toBe(3);
  });

  it('counts only the no-shows when the deceptive link is in their branch', async () => {
    // Prepare
    const body = `<p>Bonjour {{recipient.firstName}},</p>
{{#if recipient.attended}}<p>Merci d'avoir participé à notre webinaire sur l'audit RGAA et la déclaration d'accessibilité.</p>
{{else}}<p>Le replay présente l'audit RGAA : <a href="https://tinyurl.com/rgaa-replay">webinaires.numerique-territoires.fr/replay/audit-rgaa</a></p>{{/if}}`;

    // Act
    const report = await check({ template: mjml(body) });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.recipients).toBe(1);
    expect(finding.examples).toEqual(['maelle.guillot@departement-val-morin.fr']);
  });
});

describe('link.deceptive accepts links whose shown address matches where they go', () => {
  it('accepts www. shown over a link without www., and the other way round', async () => {
    // Prepare
    const template = frenchWith(`<p>Agenda : <a href="https://numerique-territoires.fr/agenda/audit-rgaa">www.numerique-territoires.fr/agenda/audit-rgaa</a></p>
<p>Site : <a href="https://www.numerique-territoires.fr/">https://numerique-territoires.fr</a></p>
<p>En capitales : <a href="https://www.numerique-territoires.fr/">WWW.NUMERIQUE-TERRITOIRES.FR</a></p>`);

    // Act
    const report = await check({ template });

    // Assess
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it('accepts the same host with a different path or tracking parameters', async () => {
    // Prepare
    const template = frenchWith(
      `<p>Replay : <a href="https://webinaires.numerique-territoires.fr/replay/audit-rgaa?utm_source=emailing&amp;utm_campaign=audit-rgaa">https://webinaires.numerique-territoires.fr/replay</a></p>
<p>Supports : <a href="https://docs.numerique-territoires.fr/supports/audit-rgaa.pdf">docs.numerique-territoires.fr</a></p>`,
    );

    // Act
    const report = await check({ template });

    // Assess
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it('accepts visible text that is not a URL, even when it leads to another host', async () => {
    // Prepare
    const template = englishWith(
      `<p>Also on <a href="https://www.youtube.com/watch?v=rgaa2026">our video channel</a>, and <a href="mailto:webinaires@numerique-territoires.fr">webinaires@numerique-territoires.fr</a> answers your questions.</p>`,
    );

    // Act
    const report = await check({ ...ENGLISH, template });

    // Assess
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it('accepts a file name as the visible text of a download link', async () => {
    // Prepare
    const template = frenchWith(
      '<p>Téléchargez la grille : <a href="https://docs.numerique-territoires.fr/supports/audit-rgaa.pdf">grille-audit-rgaa.pdf</a></p>',
    );

    // Act
    const report = await check({ template });

    // Assess
    expect(findingsOf(report, RULE)).toEqual([]);
  });
});
