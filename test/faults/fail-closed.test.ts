import { afterEach, describe, expect, it, vi } from 'vitest';
import { staleReference } from '../../src/core/rules/stale-reference.ts';
import * as plan from '../../src/core/render/render-plan.ts';
import { dispatchSend } from '../../src/use-cases/dispatch-send.ts';
import { submitDraft } from '../../src/use-cases/submit-draft.ts';
import { campaignFiles, check } from '../support/campaign-builder.ts';
import { fakeServices, ORGANISER } from '../support/services.ts';

afterEach(() => vi.restoreAllMocks());

describe('failing closed', () => {
  it('blocks every message a rule cannot check, even when that rule is set to warn', async () => {
    vi.spyOn(staleReference, 'check').mockImplementation(() => {
      throw new Error('index out of range');
    });
    const report = await check({ config: { rules: { 'stale.reference': 'warn' } } });
    expect(report.verdict).toBe('blocked');
    expect(report.findings).toEqual([expect.objectContaining({ rule: 'stale.reference', severity: 'block', recipients: 3, found: 'index out of range' })]);
  });

  it('blocks a recipient whose message cannot be rendered', async () => {
    const real = plan.prepareTemplates;
    vi.spyOn(plan, 'prepareTemplates').mockImplementation(async (campaign) => {
      const prepared = await real(campaign);
      const render = prepared.plan!.renderSubjectAndHtml.bind(prepared.plan);
      prepared.plan!.renderSubjectAndHtml = (r, url) => {
        if (r.email.startsWith('loic')) throw new Error('Maximum call stack size exceeded');
        return render(r, url);
      };
      return prepared;
    });
    const report = await check();
    expect(report.verdict).toBe('blocked');
    expect(report.findings).toEqual([expect.objectContaining({ rule: 'template.invalid', recipients: 1, examples: ['loic.bertrand@agglo-trois-vallees.fr'] })]);
  });

  it('never starts a send without a recorded approval of the exact content', async () => {
    const world = fakeServices();
    const { id } = await submitDraft(world.services, { actor: ORGANISER.email, files: campaignFiles() });
    // The status says approved, but nobody recorded an approval (a bug, or a hand-edited table).
    await world.store.updateCampaign(id, { fromStatuses: ['in-review'] }, { status: 'approved' });
    await expect(dispatchSend(world.services, id)).rejects.toMatchObject({ code: 'APPROVAL_MISSING' });
    expect(world.queue.jobs).toEqual([]);
    expect((await world.store.getCampaign(id))!.status).toBe('failed');

    // An approval recorded for other content does not count either.
    const second = fakeServices();
    const other = await submitDraft(second.services, { actor: ORGANISER.email, files: campaignFiles() });
    await second.store.recordDecision({ campaignId: other.id, version: 1, reviewer: 'paul.relecteur@numerique-territoires.fr', decision: 'approve', comment: '', at: '2026-11-26T09:00:00Z', contentHash: 'not-this-content' });
    await second.store.updateCampaign(other.id, { fromStatuses: ['in-review'] }, { status: 'approved' });
    await expect(dispatchSend(second.services, other.id)).rejects.toMatchObject({ code: 'APPROVAL_MISSING' });
    expect(second.queue.jobs).toEqual([]);
  });
});
