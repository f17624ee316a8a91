import type { Language, Severity } from '../campaign/types.ts';
import { RULE_IDS, type RuleId } from '../rules/rule-ids.ts';
import { say, type Observation } from '../rules/rule.ts';

/** One finding of the report: a rule, what the event says against what the messages say, and who is affected. */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  message: string;
  expected: string;
  found: string;
  recipients: number;
  examples: string[];
}

const MAX_EXAMPLES = 5;
const MAX_GROUPS_PER_RULE = 12;

interface Group extends Finding {
  lastRecipient: number;
}

/**
 * Groups observations by rule, expected and found, counting each recipient once per group and keeping
 * up to five example addresses. A rule with very many distinct findings keeps the first twelve and one
 * group for the rest, so that the report stays readable.
 */
export class FindingCollector {
  private readonly groups = new Map<string, Group>();
  private readonly groupsPerRule = new Map<RuleId, number>();
  /** Every affected address per finding, when asked for (the organiser's "affected recipients" list). */
  private readonly everyone = new Map<Group, string[]>();

  constructor(
    private readonly language: Language,
    private readonly isKeepingEveryone = false,
  ) {}

  /** Records what a rule observed in one recipient's message. */
  addForRecipient(rule: RuleId, severity: Severity, observation: Observation, recipientIndex: number, email: string): void {
    let key = `${rule}\u0000${observation.expected}\u0000${observation.found}`;
    let group = this.groups.get(key);
    if (!group) {
      const count = this.groupsPerRule.get(rule) ?? 0;
      if (count >= MAX_GROUPS_PER_RULE) {
        key = `${rule}\u0000…`;
        group = this.groups.get(key);
        if (!group) {
          group = this.create(key, rule, severity, {
            message: say(this.language, `autres constats de la règle ${rule}, avec d’autres valeurs`, `more findings of ${rule}, with other values`),
            expected: observation.expected,
            found: say(this.language, 'd’autres valeurs (voir les exemples)', 'other values (see the examples)'),
          });
        }
      } else {
        this.groupsPerRule.set(rule, count + 1);
        group = this.create(key, rule, severity, observation);
      }
    }
    if (group.lastRecipient === recipientIndex) return;
    group.lastRecipient = recipientIndex;
    group.recipients++;
    if (group.examples.length < MAX_EXAMPLES) group.examples.push(email);
    if (this.isKeepingEveryone) {
      const emails = this.everyone.get(group);
      if (emails) emails.push(email);
      else this.everyone.set(group, [email]);
    }
  }

  /** Every affected address of each finding, in the order of `findings()` (empty without `isKeepingEveryone`). */
  affected(): string[][] {
    return this.sorted().map((group) => this.everyone.get(group) ?? group.examples);
  }

  /** Records a campaign-wide finding with its own count and examples. */
  addForCampaign(rule: RuleId, severity: Severity, finding: Observation & { recipients: number; examples: string[] }): void {
    const key = `${rule}\u0000${finding.expected}\u0000${finding.found}`;
    if (this.groups.has(key)) return;
    this.groups.set(key, { rule, severity, ...finding, examples: finding.examples.slice(0, MAX_EXAMPLES), lastRecipient: -1 });
  }

  /** The findings, blocking ones first, then in the order of the contract's rule table. */
  findings(): Finding[] {
    return this.sorted().map(({ lastRecipient: _, ...finding }) => finding);
  }

  private sorted(): Group[] {
    // Engine findings (check.incomplete) are not in the rule table: -1 puts them first.
    const order = (rule: RuleId) => (RULE_IDS as readonly string[]).indexOf(rule);
    return [...this.groups.values()].sort(
        (a, b) =>
          (a.severity === b.severity ? 0 : a.severity === 'block' ? -1 : 1) ||
          order(a.rule) - order(b.rule) ||
          b.recipients - a.recipients,
      );
  }

  private create(key: string, rule: RuleId, severity: Severity, observation: Observation): Group {
    const group: Group = { rule, severity, ...observation, recipients: 0, examples: [], lastRecipient: -1 };
    this.groups.set(key, group);
    return group;
  }
}
