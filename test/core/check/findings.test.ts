import { describe, expect, it } from 'vitest';
import { FindingCollector } from '../../../src/core/check/findings.ts';

/** Fourteen recipients greeted each by another wrong name: more distinct findings than a report shows. */
function collect(language: 'fr' | 'en') {
  const collector = new FindingCollector(language);
  for (let i = 0; i < 14; i++) {
    collector.addForRecipient('greeting.mismatch', 'block', { message: 'wrong name', expected: `Person ${i}`, found: `Other ${i}` }, i, `p${i}@example.net`);
  }
  return collector.findings();
}

describe('a rule with more distinct findings than the report keeps', () => {
  it('keeps twelve of them and one group for the rest, with every recipient counted', () => {
    const findings = collect('en');
    expect(findings).toHaveLength(13);
    expect(findings.reduce((n, f) => n + f.recipients, 0)).toBe(14);
    const rest = findings.find((f) => f.message.startsWith('more findings'))!;
    expect(rest).toMatchObject({ message: 'more findings of greeting.mismatch, with other values', found: 'other values (see the examples)', recipients: 2, examples: ['p12@example.net', 'p13@example.net'] });
  });

  it('words that group in French for a French event', () => {
    const rest = collect('fr').find((f) => f.recipients === 2)!;
    expect(rest.message).toBe('autres constats de la règle greeting.mismatch, avec d’autres valeurs');
    expect(rest.found).toBe('d’autres valeurs (voir les exemples)');
  });
});
