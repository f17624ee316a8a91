import { describe, expect, it } from 'vitest';
import { anEnglishEvent, check, EN_BODY, FR_BODY, findingsOf, mjml } from '../../support/campaign-builder.ts';

const UNSUBSCRIBE_FR = `<p><a href="{{unsubscribeUrl}}">Se désinscrire</a> des messages de {{event.organizer.name}}.</p>`;

/** Two sections: a thank-you section shown to attendees only, then the common content. */
function twoSections(conditionalOpen: string, conditionalClose: string): string {
  return `<mjml>
  <mj-body>
    ${conditionalOpen}
    <mj-section>
      <mj-column>
        <mj-text><p>Merci d'avoir participé à « {{event.title}} » : vos questions sur l'audit RGAA et la déclaration d'accessibilité ont nourri les échanges.</p></mj-text>
      </mj-column>
    </mj-section>
    ${conditionalClose}
    <mj-section>
      <mj-column>
        <mj-text>
<p>Bonjour {{recipient.firstName}},</p>
<p>Le replay du {{event.date}} présente l'audit RGAA, la grille d'audit et la déclaration d'accessibilité.</p>
        </mj-text>
        <mj-button href="{{event.links.replay}}">Voir le replay</mj-button>
        <mj-text>${UNSUBSCRIBE_FR}</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
}

describe('template.invalid', () => {
  it('blocks an {{#if}} placed between MJML sections, which MJML silently drops', async () => {
    // Prepare
    const template = twoSections('{{#if recipient.attended}}', '{{/if}}');

    // Act
    const report = await check({ template });

    // Assess
    const findings = findingsOf(report, 'template.invalid');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.severity === 'block')).toBe(true);
    expect(findings.some((f) => /followup\.mjml/.test(f.found) && /#if/.test(f.found))).toBe(true);
    expect(findings.every((f) => f.recipients === 3)).toBe(true);
    expect(report.verdict).toBe('blocked');
    // The event is French: so is the explanation a French organiser reads.
    expect(findings[0]!.found).toMatch(/^followup\.mjml ligne \d+ : MJML supprime \{\{#if recipient\.attended\}\} ici : .*<mj-raw>/);
  });

  it('accepts the same {{#if}} between sections when it is wrapped in <mj-raw>', async () => {
    // Prepare
    const template = twoSections('<mj-raw>{{#if recipient.attended}}</mj-raw>', '<mj-raw>{{/if}}</mj-raw>');

    // Act
    const report = await check({ template });

    // Assess
    expect(findingsOf(report, 'template.invalid')).toEqual([]);
  });

  it('blocks a body whose {{#if}} is never closed, naming the template file', async () => {
    // Prepare
    const body = `<p>Bonjour {{recipient.firstName}},</p>
{{#if recipient.attended}}<p>Merci d'avoir participé à « {{event.title}} » : l'audit RGAA et la déclaration d'accessibilité.</p>`;

    // Act
    const report = await check({ template: mjml(body) });

    // Assess
    const [finding, ...others] = findingsOf(report, 'template.invalid');
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ rule: 'template.invalid', severity: 'block', recipients: 3 });
    expect(finding!.found).toMatch(/followup\.mjml/);
    expect(report.verdict).toBe('blocked');
  });

  it('blocks a body that calls an unknown helper ({{formatDate event.start}}), naming the helper', async () => {
    // Prepare
    const body = `${FR_BODY}\n<p>Date : {{formatDate event.start}}</p>`;

    // Act
    const report = await check({ template: mjml(body) });

    // Assess
    const findings = findingsOf(report, 'template.invalid');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', recipients: 3 });
    expect(findings[0]!.found).toMatch(/followup\.mjml/);
    expect(findings[0]!.found).toMatch(/fonction \(helper\) inconnue « formatDate »/);
  });

  it('blocks an English body that calls an unknown helper ({{uppercase recipient.firstName}})', async () => {
    // Prepare
    const body = EN_BODY.replace('Hello {{recipient.firstName}},', 'Hello {{uppercase recipient.firstName}},');

    // Act
    const report = await check({
      event: anEnglishEvent(),
      draft: { subject: 'Recording and slides: {{event.title}}' },
      template: mjml(body, { language: 'en' }),
    });

    // Assess
    const findings = findingsOf(report, 'template.invalid');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe('block');
    expect(findings[0]!.found).toMatch(/unknown helper "uppercase": only eq and the built-in helpers/);
  });

  it('blocks a subject that does not compile, naming the subject', async () => {
    // Prepare
    const draft = { subject: 'Replay et supports – {{event.title' };

    // Act
    const report = await check({ draft });

    // Assess
    const findings = findingsOf(report, 'template.invalid');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', recipients: 3 });
    expect(findings[0]!.found).toMatch(/subject/);
    expect(findings[0]!.found).not.toMatch(/followup\.mjml/);
  });

  it('blocks a subject that calls an unknown helper', async () => {
    // Prepare
    const draft = { subject: 'Replay – {{formatDate event.start}} – {{event.title}}' };

    // Act
    const report = await check({ draft });

    // Assess
    const findings = findingsOf(report, 'template.invalid');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.found).toMatch(/subject/);
    expect(findings[0]!.found).toMatch(/formatDate/);
  });

  it('blocks a plain-text body whose {{#if}} is never closed, naming the text file', async () => {
    // Prepare
    const text = `Bonjour {{recipient.firstName}},
{{#if recipient.attended}}Merci d'avoir participé à « {{event.title}} ».
Replay : {{event.links.replay}}
Se désinscrire : {{unsubscribeUrl}}
`;

    // Act
    const report = await check({ text });

    // Assess
    const findings = findingsOf(report, 'template.invalid');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe('block');
    expect(findings[0]!.found).toMatch(/followup\.txt/);
  });

  it('accepts the eq helper, {{else}} and expressions in attributes', async () => {
    // Prepare
    const body = `<p>Bonjour {{recipient.firstName}},</p>
{{#if (eq recipient.attended true)}}<p>Merci d'avoir participé à « {{event.title}} » le {{event.date}} : l'audit RGAA, la grille d'audit et la déclaration d'accessibilité.</p>
{{else}}<p>Le replay du {{event.date}} présente l'audit RGAA, la grille d'audit et la déclaration d'accessibilité.</p>{{/if}}
<p><a href="{{event.links.registration}}">Programme des webinaires</a></p>`;

    // Act
    const report = await check({ template: mjml(body), draft: { subject: '{{#if recipient.attended}}Merci{{else}}Replay{{/if}} – {{event.title}}' } });

    // Assess
    expect(findingsOf(report, 'template.invalid')).toEqual([]);
  });
});
