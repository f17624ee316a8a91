import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import Handlebars from 'handlebars';
import mjml2html from 'mjml';
import { describe, expect, it } from 'vitest';
import type { Recipient } from '../../../src/core/campaign/types.ts';
import { compileHandlebars, isProblem } from '../../../src/core/render/handlebars-program.ts';
import { fillSlots } from '../../../src/core/render/markers.ts';
import { prepareTemplates } from '../../../src/core/render/render-plan.ts';
import { aCampaign, anEnglishEvent } from '../../support/campaign-builder.ts';

const TEMPLATES = [
  { name: 'templates/followup-fr.mjml', event: undefined },
  { name: 'templates/followup-en.mjml', event: anEnglishEvent() },
  { name: 'test/fixtures/campaigns/shared-01-clean-fr-branches/followup.mjml', event: undefined },
  { name: 'test/fixtures/campaigns/en-02-clean-mjraw-branches-two-column/followup.mjml', event: undefined },
];

// Names with markup, quotes, ampersands, accents, emoji and Handlebars-looking text.
const value = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('', 'Hélène', "O'Neill", 'Zoë & Léa', '<img src=x onerror=alert(1)>', '{{event.title}}', '"quoted"', '=1+2', 'Jean-Baptiste 👋', 'a\nb'),
);
const recipient = fc.record({
  email: fc.emailAddress(),
  firstName: value,
  lastName: value,
  attended: fc.boolean(),
  organisation: value,
  segment: fc.constantFrom('pilot', 'vip', ''),
});

/**
 * What MJML itself would change had it seen the rendered text: it trims whitespace that a Handlebars
 * tag kept alive and merges adjacent Outlook conditional comments that an empty <mj-raw> separated.
 * Neither changes what a mail client shows.
 */
function insignificant(html: string): string {
  return html
    .replace(/<!\[endif\]-->\s*<!--\[if mso \| IE\]>/g, '')
    .replace(/\s+/g, ' ')
    .replace(/ (?=<\/div>)/g, '')
    .replace(/(<div[^>]*>) /g, '$1');
}

function toRecipient(r: { email: string; firstName: string; lastName: string; attended: boolean; organisation: string; segment: string }): Recipient {
  return { line: 2, email: r.email, firstName: r.firstName, lastName: r.lastName, attended: r.attended, extra: { organisation: r.organisation, segment: r.segment, city: r.organisation, company: r.organisation } };
}

describe('rendering: MJML compiled once, Handlebars per recipient', () => {
  for (const { name, event } of TEMPLATES) {
    it(`gives the same HTML as Handlebars then MJML for every recipient, but for insignificant whitespace (${name})`, async () => {
      // Prepare
      const source = readFileSync(name, 'utf8');
      const campaign = aCampaign({ template: source, event });
      campaign.recipients.extraColumns.push('organisation', 'segment', 'city', 'company');
      const { plan, problems } = await prepareTemplates(campaign);
      expect(problems).toEqual([]);
      const naive = compileHandlebars(name, source, { noEscape: false });
      if (isProblem(naive) || !plan) throw new Error('templates must compile');
      // Act / Assess
      await fc.assert(
        fc.asyncProperty(recipient, async (r) => {
          const one = toRecipient(r);
          const url = `https://guard.example.fr/unsubscribe/${encodeURIComponent(one.email)}`;
          const fast = plan.render(one, url).html;
          const slow = (await mjml2html(naive.render(plan.context(one, url)), { validationLevel: 'soft' })).html;
          expect(insignificant(fast)).toBe(insignificant(slow));
        }),
        { numRuns: 25 },
      );
    });
  }
});

describe('masked renders: what is analysed once per shape', () => {
  it('equals the real message once each slot gets the recipient value', async () => {
    // Prepare
    const campaign = aCampaign({ template: readFileSync('templates/followup-fr.mjml', 'utf8'), text: readFileSync('templates/followup-fr.txt', 'utf8') });
    campaign.recipients.extraColumns.push('organisation', 'segment', 'city', 'company');
    const { plan } = await prepareTemplates(campaign);
    if (!plan) throw new Error('templates must compile');
    await fc.assert(
      fc.property(recipient, (r) => {
        // Act
        const one = toRecipient(r);
        const url = `https://guard.example.fr/unsubscribe/${encodeURIComponent(one.email)}`;
        const real = plan.render(one, url);
        const masked = plan.renderMasked(one);
        const values = plan.slotValues(one, url);
        // Assess: the HTML holds escaped values, subject and text the raw ones.
        expect(fillSlots(masked.html, values.map((v) => Handlebars.escapeExpression(v)))).toBe(real.html);
        expect(fillSlots(masked.subject, values)).toBe(real.subject);
        expect(fillSlots(masked.text ?? '', values)).toBe(real.text);
      }),
      { numRuns: 200 },
    );
  });

  it('shares one shape between recipients who differ only in printed values', async () => {
    const campaign = aCampaign();
    const { plan } = await prepareTemplates(campaign);
    const [a, b, c] = campaign.recipients.rows;
    expect(plan!.shapeKey(a!)).toBe(plan!.shapeKey(b!));
    expect(plan!.shapeKey(a!)).not.toBe(plan!.shapeKey(c!));
  });
});
