import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/core/rules/registry.ts';
import { RULE_IDS } from '../../../src/core/rules/rule-ids.ts';

describe('the rule registry', () => {
  it('has exactly one rule per id of the contract, in its order, each in a file named after its id', () => {
    expect(RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
    for (const rule of RULES) expect(existsSync(`src/core/rules/${rule.id.replace('.', '-')}.ts`), rule.id).toBe(true);
  });

  it('keeps the contract’s default severities', () => {
    const warn = ['date.unexpected', 'link.unknown', 'recipients.invalid', 'recipients.duplicate', 'event.not-ended', 'event.conflict', 'size.clipped', 'subject.off-topic'];
    for (const rule of RULES) expect(rule.defaultSeverity, rule.id).toBe(warn.includes(rule.id) ? 'warn' : 'block');
  });
});

describe('the rule titles', () => {
  it('explain every rule in French and in English', async () => {
    const { RULE_TITLES } = await import('../../../src/core/rules/rule-titles.ts');
    for (const id of RULE_IDS) {
      expect(RULE_TITLES[id].fr.length, id).toBeGreaterThan(10);
      expect(RULE_TITLES[id].en.length, id).toBeGreaterThan(10);
    }
  });
});
