import { GuardError } from '../errors.ts';

/** The statuses of the HTTP contract. */
export const CAMPAIGN_STATUSES = ['blocked', 'in-review', 'rejected', 'approved', 'sending', 'halted', 'sent', 'failed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** What can happen to a campaign. */
export type CampaignAction = 'submit-blocked' | 'submit-clean' | 'approve' | 'reject' | 'dispatch' | 'halt' | 'resume' | 'finish' | 'fail';

/** Every transition, in one table: the statuses an action may start from and where it leads. */
export const TRANSITIONS: Record<CampaignAction, { from: readonly (CampaignStatus | 'new')[]; to: CampaignStatus }> = {
  'submit-blocked': { from: ['new', 'blocked', 'in-review', 'rejected'], to: 'blocked' },
  'submit-clean': { from: ['new', 'blocked', 'in-review', 'rejected'], to: 'in-review' },
  approve: { from: ['in-review'], to: 'approved' },
  reject: { from: ['in-review'], to: 'rejected' },
  dispatch: { from: ['approved'], to: 'sending' },
  halt: { from: ['sending'], to: 'halted' },
  resume: { from: ['halted'], to: 'sending' },
  finish: { from: ['sending'], to: 'sent' },
  fail: { from: ['approved', 'sending', 'halted'], to: 'failed' },
};

/** A transition the campaign's status does not allow. */
export class TransitionError extends GuardError {
  constructor(action: CampaignAction, status: CampaignStatus | 'new') {
    const verbs: Record<CampaignAction, string> = {
      'submit-blocked': 'submit a new version',
      'submit-clean': 'submit a new version',
      approve: 'approve',
      reject: 'reject',
      dispatch: 'start sending',
      halt: 'halt',
      resume: 'resume',
      finish: 'finish',
      fail: 'mark as failed',
    };
    super('INVALID_TRANSITION', `A campaign that is ${status} cannot ${verbs[action]}.`);
    this.name = 'TransitionError';
  }
}

/** The status after `action`, or a TransitionError when the current status does not allow it. */
export function transition(status: CampaignStatus | 'new', action: CampaignAction): CampaignStatus {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(status)) throw new TransitionError(action, status);
  return rule.to;
}
