// npm start: the whole flow on one machine, with the demo team and the example campaigns.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { readCampaignFolder } from './adapters/local/campaign-folder.ts';
import { parseCampaign } from './core/campaign/parse-campaign.ts';
import { checkCampaign } from './core/check/check-campaign.ts';
import { startLocalStack } from './local-stack.ts';

async function verdictOf(folder: string): Promise<string> {
  const report = await checkCampaign(parseCampaign(await readCampaignFolder(folder)), { now: new Date(), unsubscribeUrl: () => 'http://localhost/unsubscribe/x' });
  const blocking = [...new Set(report.findings.filter((f) => f.severity === 'block').map((f) => f.rule))];
  return report.verdict === 'ready' ? `READY (${report.recipients.selected} recipients)` : `BLOCKED by ${blocking.join(', ')}`;
}

const stack = await startLocalStack();
const team = (JSON.parse(readFileSync('team.json', 'utf8')) as { members: { email: string; name: string; roles: string[] }[] }).members;
const lines = [
  '',
  'followup-guard is running on this machine (no AWS account needed).',
  '',
  `  App (sign in, campaigns, review):  ${stack.url}`,
  `  Local SES inbox (every email sent): ${stack.sesUrl}`,
  `  DynamoDB-compatible store:          ${stack.dynamoUrl} (data in ${relative(process.cwd(), process.env.DATA_DIR ?? '.data') || '.'}/)`,
  '',
  'Demo team (team.json) — sign in with one of these addresses; the link arrives in the local inbox:',
  ...team.map((m) => `  ${m.email.padEnd(48)} ${m.name} (${m.roles.join(', ')})`),
  '',
  'Example campaigns checked by the guard:',
  `  examples/demo-campaign        ${await verdictOf('examples/demo-campaign')}`,
  `  examples/demo-campaign-stale  ${await verdictOf('examples/demo-campaign-stale')}`,
  '',
  'Try it: sign in as the organiser, submit examples/demo-campaign-stale (blocked, reported by email),',
  'then examples/demo-campaign (clean: the reviewer gets a review link in the inbox), approve as the',
  `reviewer, and watch the messages arrive in ${stack.sesUrl}. From a shell, see README "Trying the flow".`,
  '',
  'Ctrl+C stops everything.',
];
console.log(lines.join('\n'));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log('\nStopping…');
    void stack.stop().then(() => process.exit(0));
  });
}
