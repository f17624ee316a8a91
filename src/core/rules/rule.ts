import type { Language, Recipient, Severity } from '../campaign/types.ts';
import type { CheckContext } from '../check/context.ts';
import type { MessageFacts } from '../check/message-facts.ts';
import type { TemplateProblem } from '../render/handlebars-program.ts';
import type { RuleId } from './rule-ids.ts';

/** What a rule saw: the event's truth, the message's claim, and a sentence for the organiser. */
export interface Observation {
  message: string;
  expected: string;
  found: string;
}

/** A campaign-wide observation; it affects every selected recipient unless it says otherwise. */
export interface CampaignObservation extends Observation {
  recipients?: number | undefined;
  examples?: string[] | undefined;
}

/** What campaign rules see besides the context. */
export interface CampaignScope {
  selected: readonly Recipient[];
  templateProblems: readonly TemplateProblem[];
}

interface RuleBase {
  id: RuleId;
  defaultSeverity: Severity;
}

/** A rule that judges the campaign as a whole (its event, draft, list, templates). */
export interface CampaignRule extends RuleBase {
  scope: 'campaign';
  check(ctx: CheckContext, scope: CampaignScope): CampaignObservation[];
}

/** A rule that judges one recipient's message from its extracted facts. It must be cheap: it runs per recipient. */
export interface MessageRule extends RuleBase {
  scope: 'message';
  /**
   * True when the rule reads only what every message of a shape shares (links, dates, wording, attended):
   * its observations are then computed once per shape, unless a recipient value adds facts of its own.
   */
  isPerShape: boolean;
  check(message: MessageFacts, ctx: CheckContext): Observation[];
}

export type Rule = CampaignRule | MessageRule;

const WEEKDAY_NAMES = {
  fr: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

/** The sentence of a finding in the event's language: `fr` for a French event, `en` for an English one. */
export function say(language: Language, fr: string, en: string): string {
  return language === 'fr' ? fr : en;
}

/** The name of a weekday (0 = Sunday) in the event's language. */
export function weekdayName(weekday: number, language: Language): string {
  return WEEKDAY_NAMES[language][weekday] ?? String(weekday);
}

/** "« Title » (2025-10-07)": how an event is named in findings. */
export function describeEvent(known: { event: { title: string }; day: string }): string {
  return `« ${known.event.title} » (${known.day})`;
}
