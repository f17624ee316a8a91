import { describe, expect, it } from 'vitest';
import { anEnglishEvent, check } from '../support/campaign-builder.ts';

describe('the campaign builder defaults', () => {
  it('is a clean French campaign with no finding at all', async () => {
    const report = await check();
    expect(report.findings).toEqual([]);
    expect(report.verdict).toBe('ready');
    expect(report.recipients).toEqual({ total: 3, selected: 3, excluded: 0 });
  });

  it('is a clean English campaign with no finding at all', async () => {
    const report = await check({ event: anEnglishEvent(), draft: { subject: 'Recording and slides: {{event.title}}' } });
    expect(report.findings).toEqual([]);
  });
});
