import type { Campaign, Language, Recipient, Severity } from '../campaign/types.ts';
import { prepareTemplates, type RenderedMessage, type RenderPlan } from '../render/render-plan.ts';
import { RULES } from '../rules/registry.ts';
import { say, type CampaignRule, type MessageRule, type Observation } from '../rules/rule.ts';
import { buildCheckContext, type CheckContext } from './context.ts';
import { FindingCollector, type Finding } from './findings.ts';
import { extractShapeFacts, resolveMessage, ValueFactsCache, type ShapeFacts } from './message-facts.ts';

/** The spec's verdict document (`followup-guard check --json`). */
export interface CheckReport {
  verdict: 'ready' | 'blocked';
  recipients: { total: number; selected: number; excluded: number };
  findings: Finding[];
}

/** A report with every affected address of each finding (same order as `findings`). */
export interface DetailedCheckReport extends CheckReport {
  affected: string[][];
}

export interface CheckOptions {
  /** The instant the check runs at (event.not-ended). */
  now: Date;
  /** The unsubscribe link of a recipient, as it will be sent. */
  unsubscribeUrl(recipient: Recipient): string;
  /** Called now and then with the number of recipients checked. */
  onProgress?(checked: number, total: number): void;
  /** Called with each selected recipient's message exactly as it would be sent, after it is checked. */
  onMessage?(recipient: Recipient, message: RenderedMessage, isBlocked: boolean): void;
  /**
   * Asked every few recipients; once true, the check stops and every recipient not yet checked is
   * blocked with `check.incomplete` (fail closed: the caller's time is up, e.g. a Lambda's timeout).
   */
  isOutOfTime?(): boolean;
  /** Keeps every affected address of each finding (not only five examples). */
  isKeepingAffected?: boolean;
}

/** Recipients of the draft's audience, in file order, with their position in the list. */
export function selectRecipients(campaign: Campaign): { recipient: Recipient; index: number }[] {
  const { audience } = campaign.draft;
  const selected: { recipient: Recipient; index: number }[] = [];
  campaign.recipients.rows.forEach((recipient, index) => {
    if (audience === 'all' || (audience === 'attendees') === recipient.attended) selected.push({ recipient, index });
  });
  return selected;
}

type Active<R> = { rule: R; severity: Severity };

function activeRules(ctx: CheckContext) {
  const campaign: Active<CampaignRule>[] = [];
  const message: Active<MessageRule>[] = [];
  for (const rule of RULES) {
    const setting = ctx.severityOf(rule.id, rule.defaultSeverity);
    if (setting === 'off') continue;
    if (rule.scope === 'campaign') campaign.push({ rule, severity: setting });
    else message.push({ rule, severity: setting });
  }
  return { campaign, message };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

/**
 * The guard: renders every selected recipient's subject and bodies and runs every rule on them.
 * Facts that do not depend on the recipient are extracted once per shape of message (same branches,
 * same empty values); a recipient whose message cannot be rendered or checked is blocked, never skipped.
 */
export async function checkCampaign(campaign: Campaign, options: CheckOptions & { isKeepingAffected: true }): Promise<DetailedCheckReport>;
export async function checkCampaign(campaign: Campaign, options: CheckOptions): Promise<CheckReport>;
export async function checkCampaign(campaign: Campaign, options: CheckOptions): Promise<CheckReport | DetailedCheckReport> {
  const ctx = buildCheckContext(campaign, options.now);
  const prepared = await prepareTemplates(campaign);
  const selected = selectRecipients(campaign);
  const rules = activeRules(ctx);
  const collector = new FindingCollector(campaign.event.language, options.isKeepingAffected === true);
  const everyone = selected.map((s) => s.recipient);

  for (const { rule, severity } of rules.campaign) {
    for (const o of rule.check(ctx, { selected: everyone, templateProblems: prepared.problems })) {
      collector.addForCampaign(rule.id, severity, {
        ...o,
        recipients: o.recipients ?? everyone.length,
        examples: o.examples ?? everyone.slice(0, 5).map((r) => r.email),
      });
    }
  }

  if (prepared.plan) checkMessages(prepared.plan, selected, ctx, rules.message, collector, options);

  const findings = collector.findings();
  const total = campaign.recipients.total;
  const report: CheckReport = {
    verdict: findings.some((f) => f.severity === 'block') ? 'blocked' : 'ready',
    recipients: { total, selected: selected.length, excluded: total - selected.length },
    findings,
  };
  return options.isKeepingAffected ? { ...report, affected: collector.affected() } : report;
}

/** How many recipients are checked between two questions to `isOutOfTime` (a clock read is not free). */
const OUT_OF_TIME_STRIDE = 16;

function blockUnchecked(unchecked: { recipient: Recipient; index: number }[], total: number, collector: FindingCollector, language: Language): void {
  const observation: Observation = {
    message: say(
      language,
      'la vérification a manqué de temps avant d’arriver à ce destinataire : un message non vérifié n’est jamais envoyé',
      'the check ran out of time before it reached this recipient: an unchecked message is never sent',
    ),
    expected: say(language, 'tous les destinataires sélectionnés vérifiés', 'every selected recipient checked'),
    found: say(language, `${unchecked.length} destinataires sur ${total} non vérifiés`, `${unchecked.length} of ${total} recipients not checked`),
  };
  for (const { recipient, index } of unchecked) collector.addForRecipient('check.incomplete', 'block', observation, index, recipient.email);
}

/** The engine's own observation when a rule throws on a message (the rule's id says which). */
function ruleCrash(error: unknown, language: Language): Observation {
  return {
    message: say(language, `la règle n’a pas pu vérifier ce message : ${errorText(error)}`, `the rule could not check this message: ${errorText(error)}`),
    expected: say(language, 'un message que la règle peut vérifier', 'a message the rule can check'),
    found: errorText(error),
  };
}

/** The engine's own observation when a recipient's message cannot be rendered. */
function renderFailure(error: unknown, language: Language): Observation {
  return {
    message: say(
      language,
      `le message ne peut pas être généré pour ce destinataire : ${errorText(error)}`,
      `the message cannot be rendered for this recipient: ${errorText(error)}`,
    ),
    expected: say(language, 'un message qui peut être généré', 'a message that renders'),
    found: errorText(error),
  };
}

function checkMessages(
  plan: RenderPlan,
  selected: { recipient: Recipient; index: number }[],
  ctx: CheckContext,
  rules: Active<MessageRule>[],
  collector: FindingCollector,
  options: CheckOptions,
): void {
  const shapes = new Map<string, ShapeFacts | Error>();
  const perShape = new Map<ShapeFacts, Map<MessageRule, Observation[]>>();
  const valueFacts = new ValueFactsCache(ctx);
  const language = ctx.campaign.event.language;
  let checked = 0;
  for (const { recipient, index } of selected) {
    if (options.isOutOfTime && checked % OUT_OF_TIME_STRIDE === 0 && options.isOutOfTime()) {
      blockUnchecked(selected.slice(checked), selected.length, collector, language);
      break;
    }
    const unsubscribeUrl = options.unsubscribeUrl(recipient);
    let isBlocked = false;
    let message: RenderedMessage | undefined;
    try {
      message = options.onMessage ? plan.render(recipient, unsubscribeUrl) : plan.renderSubjectAndHtml(recipient, unsubscribeUrl);
      const key = plan.shapeKey(recipient);
      let shape = shapes.get(key);
      if (!shape) {
        try {
          shape = extractShapeFacts(plan.renderMasked(recipient), plan.renderAuthored(recipient), ctx);
        } catch (error) {
          shape = error instanceof Error ? error : new Error(String(error));
        }
        shapes.set(key, shape);
      }
      if (shape instanceof Error) throw shape;
      const facts = resolveMessage(shape, recipient, index, plan.slotValues(recipient, unsubscribeUrl), valueFacts, Buffer.byteLength(message.html), plan.slotNames);
      let cached = perShape.get(shape);
      if (!cached) perShape.set(shape, (cached = new Map()));
      for (const { rule, severity } of rules) {
        let observations = rule.isPerShape && facts.isShapeOnly ? cached.get(rule) : undefined;
        try {
          if (!observations) {
            observations = rule.check(facts, ctx);
            if (rule.isPerShape && facts.isShapeOnly) cached.set(rule, observations);
          }
        } catch (error) {
          // Fail closed: a rule that cannot judge this message blocks it.
          collector.addForRecipient(rule.id, 'block', ruleCrash(error, language), index, recipient.email);
          isBlocked = true;
          continue;
        }
        for (const o of observations) {
          collector.addForRecipient(rule.id, severity, o, index, recipient.email);
          if (severity === 'block') isBlocked = true;
        }
      }
    } catch (error) {
      collector.addForRecipient('template.invalid', 'block', renderFailure(error, language), index, recipient.email);
      isBlocked = true;
    }
    if (message && options.onMessage) options.onMessage(recipient, message, isBlocked);
    checked++;
    if (options.onProgress && checked % 1000 === 0) options.onProgress(checked, selected.length);
  }
  options.onProgress?.(checked, selected.length);
}
