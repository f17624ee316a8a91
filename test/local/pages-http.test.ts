import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCampaignFolder } from '../../src/adapters/local/campaign-folder.ts';
import { startLocalStack, type LocalStack } from '../../src/local-stack.ts';
import { unsubscribeUrl } from '../../src/use-cases/links.ts';
import type { Settings } from '../../src/use-cases/services.ts';
import { Browser, campaignForm, mailTo } from './stack-client.ts';

const ORGANISER = 'claire.organisatrice@numerique-territoires.fr';
const REVIEWER = 'paul.relecteur@numerique-territoires.fr';
const HTML = { accept: 'text/html,application/xhtml+xml' };

let stack: LocalStack;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'fg-pages-'));
  // Each test signs its members in afresh, as a new browser would: more links than a member's quota.
  stack = await startLocalStack({ port: 0, sesPort: 0, dynamoPort: 0, dataDir, env: { CANARY_WINDOW_SECONDS: '600', SIGN_IN_LINKS_PER_15_MINUTES: '50' } });
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

/** The path of the newest sign-in link mailed to `email` (with its `next`). */
async function signInLink(email: string): Promise<string> {
  const mail = await mailTo(stack.sesUrl, email, /connexion/);
  return /https?:\/\/localhost:\d+(\/sign-in\/[\w.-]+(?:\?next=[\w%.-]+)?)/.exec(mail.body.text ?? '')![1]!;
}

/** The path of the newest review link mailed to the reviewer. */
async function reviewLink(): Promise<string> {
  const mail = await mailTo(stack.sesUrl, REVIEWER, /À relire/);
  return new URL(/http:\/\/localhost:\d+\/review\/[\w.-]+/.exec(mail.body.text ?? '')![0]).pathname;
}

async function submitForm(browser: Browser, path: string, files: ReadonlyMap<string, Uint8Array | string>, fields: Record<string, string> = {}) {
  const csrf = await browser.csrf('/campaigns/new');
  return browser.fetch(path, { method: 'POST', headers: HTML, body: campaignForm(files, { csrf, ...fields }) });
}

/** The organiser, signed in, submits the demo campaign through the form: their browser and the campaign's id. */
async function organiserWithDemoCampaign(): Promise<{ organiser: Browser; id: string }> {
  const organiser = new Browser(stack.url);
  await organiser.signIn(ORGANISER, stack.sesUrl);
  const created = await submitForm(organiser, '/api/campaigns', await readCampaignFolder('examples/demo-campaign'));
  return { organiser, id: created.headers.get('location')!.split('/').pop()! };
}

describe('the pages over HTTP, as a browser uses them', () => {
  it('sends a signed-out reader of a campaign link through sign-in and back to that page, and nowhere else', async () => {
    const browser = new Browser(stack.url);
    const page = await browser.fetch('/campaigns/some-campaign?recipient=a%40b.fr');
    expect(page.status).toBe(303);
    const next = '/campaigns/some-campaign?recipient=a%40b.fr';
    expect(page.headers.get('location')).toBe(`/?next=${encodeURIComponent(next)}`);
    const form = await (await browser.fetch(page.headers.get('location')!)).text();
    expect(/name="next" value="([^"]*)"/.exec(form)?.[1]?.replace(/&#x3D;/g, '=')).toBe(next);

    await browser.fetch('/api/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ORGANISER, next }) });
    const link = await signInLink(ORGANISER);
    expect(link).toContain(`?next=${encodeURIComponent(next)}`);
    const done = await browser.fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(next);

    // A link to another site is not a page to come back to.
    const other = new Browser(stack.url);
    await other.fetch('/api/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ORGANISER, next: '//evil.example/steal' }) });
    const plain = await signInLink(ORGANISER);
    expect(plain).not.toContain('next');
    const home = await other.fetch(`${plain}?next=${encodeURIComponent('//evil.example/steal')}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    expect(home.headers.get('location')).toBe('/');

    // The same link again: its page says so and offers the form, not a "Sign in" button that cannot work.
    const usedPage = await new Browser(stack.url).fetch(plain, { headers: HTML });
    expect(usedPage.status).toBe(400);
    const usedHtml = await usedPage.text();
    expect(usedHtml).toContain('Ce lien de connexion ne peut plus servir');
    expect(usedHtml).not.toContain('action="/sign-in/');
    const again = await new Browser(stack.url).fetch(plain, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...HTML }, body: '' });
    expect(again.status).toBe(400);
    const text = await again.text();
    expect(text).toContain('Ce lien de connexion ne peut plus servir');
    expect(text).toContain('action="/api/sign-in"');
  });

  it('answers a form posted with an unreadable file with a page in French that names the file, not JSON', async () => {
    const browser = new Browser(stack.url);
    await browser.signIn(ORGANISER, stack.sesUrl);
    const files = new Map(await readCampaignFolder('examples/demo-campaign'));
    files.set('recipients.csv', 'Prénom;Nom;Présent\nHélène;Dumas;oui\n');
    const response = await submitForm(browser, '/api/campaigns', files);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toContain('Un fichier de la campagne ne peut pas être lu.');
    expect(html).toMatch(/recipients\.csv has no email column/);
    expect(html).toContain('href="/campaigns/new"');
  });

  it('keeps the whole stored catalogue and takes a corrected template whatever its file name', async () => {
    const browser = new Browser(stack.url);
    await browser.signIn(ORGANISER, stack.sesUrl);
    const stale = await readCampaignFolder('examples/demo-campaign-stale');
    const clean = await readCampaignFolder('examples/demo-campaign');
    expect([...stale.keys()].filter((n) => n.startsWith('catalog/')).length).toBeGreaterThanOrEqual(2);
    const created = await submitForm(browser, '/api/campaigns', stale);
    const id = created.headers.get('location')!.split('/').pop()!;
    const view = async () => (await (await browser.fetch(`/api/campaigns/${id}`)).json()) as { status: string; version: number; findings: { rule: string }[] };
    expect((await view()).findings.map((f) => f.rule)).toContain('stale.reference');

    // Nothing chosen: refused, no new version.
    const empty = await submitForm(browser, `/api/campaigns/${id}/versions`, new Map());
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Choose at least one corrected file');
    expect((await view()).version).toBe(1);

    // The same stale template under another name: still blocked by the other event of the catalogue.
    const renamed = new Map([['mon-modele.mjml', stale.get('followup.mjml')!]]);
    const form = campaignForm(new Map(), { csrf: await browser.csrf('/campaigns/new') });
    form.append('template', new Blob([Buffer.from(renamed.get('mon-modele.mjml')!)]), 'mon-modele.mjml');
    await browser.fetch(`/api/campaigns/${id}/versions`, { method: 'POST', headers: HTML, body: form });
    expect(await view()).toMatchObject({ version: 2, status: 'blocked' });
    expect((await view()).findings.map((f) => f.rule)).toContain('stale.reference');

    // The clean template under yet another name is the one checked.
    const fixed = campaignForm(new Map(), { csrf: await browser.csrf('/campaigns/new') });
    fixed.append('template', new Blob([Buffer.from(clean.get('followup.mjml')!)]), 'corrige.mjml');
    await browser.fetch(`/api/campaigns/${id}/versions`, { method: 'POST', headers: HTML, body: fixed });
    expect(await view()).toMatchObject({ version: 3, status: 'in-review', findings: [] });
  });

  it('finds a recipient to preview from part of a name, and shows the sender and the plain-text part', async () => {
    const { organiser: browser, id } = await organiserWithDemoCampaign();
    const html = await (await browser.fetch(`/campaigns/${id}?recipient=helene#preview`)).text();
    expect(html).toContain(`sandbox src="/campaigns/${id}/preview?recipient=helene.dumas%40ville-saint-amand.fr"`);
    expect(html).toMatch(/<strong>De :<\/strong> Mission Numérique/);
    expect(html).toMatch(/Version texte du message<\/summary><pre class="text-part" tabindex="0">Bonjour Hélène,/);
  });

  it('refuses the review page to its submitter, and keeps the comment of a reviewer who forgot to tick', async () => {
    const { organiser, id } = await organiserWithDemoCampaign();
    const path = await reviewLink();

    const refused = await organiser.fetch(path, { headers: HTML });
    expect(refused.status).toBe(403);
    const refusal = await refused.text();
    expect(refusal).toContain('Vous avez soumis ce brouillon');
    expect(refusal).not.toContain('name="decision"');

    const reviewer = new Browser(stack.url);
    const answer = await reviewer.fetch(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...HTML }, body: new URLSearchParams({ form: 'review-page', decision: 'approve', comment: 'Le lien du replay <est> bon.' }).toString() });
    expect(answer.status).toBe(400);
    const again = await answer.text();
    expect(again).toContain('Cochez la case de vérification');
    expect(again).toContain('>Le lien du replay &lt;est&gt; bon.</textarea>');
    expect(((await (await organiser.fetch(`/api/campaigns/${id}`)).json()) as { status: string }).status).toBe('in-review');

    // A client of the HTTP contract posts decision and comment only: that decides.
    const api = await reviewer.fetch(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'decision=reject&comment=Pas+encore.' });
    expect(api.status).toBe(200);
    expect(((await (await organiser.fetch(`/api/campaigns/${id}`)).json()) as { status: string }).status).toBe('rejected');
  });

  it('says during the canary window when the rest of the list goes', async () => {
    const { organiser, id } = await organiserWithDemoCampaign();
    const path = await reviewLink();
    expect((await new Browser(stack.url).fetch(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'decision=approve' })).status).toBe(200);
    const html = await (await organiser.fetch(`/campaigns/${id}`)).text();
    expect(html).toMatch(/Le reste partira le \d+ \S+ \d{4} à \d\d:\d\d \(heure de Paris\)/);
    expect(html).toContain('http-equiv="refresh"');
  });

  it('starts a new follow-up from an earlier campaign: only the template and the list are uploaded', async () => {
    const organiser = new Browser(stack.url);
    await organiser.signIn(ORGANISER, stack.sesUrl);
    const stale = await readCampaignFolder('examples/demo-campaign-stale');
    const earlier = await submitForm(organiser, '/api/campaigns', stale);
    const earlierId = earlier.headers.get('location')!.split('/').pop()!;
    const clean = await readCampaignFolder('examples/demo-campaign');
    const form = campaignForm(new Map([['recipients.csv', clean.get('recipients.csv')!]]), { csrf: await organiser.csrf('/campaigns/new'), reuseFrom: earlierId });
    form.append('template', new Blob([Buffer.from(clean.get('followup.mjml')!)]), 'modele-corrige.mjml');
    const created = await organiser.fetch('/api/campaigns', { method: 'POST', headers: { accept: 'application/json' }, body: form });
    expect(created.status).toBe(201);
    const result = (await created.json()) as { id: string; status: string; findings: { rule: string; severity: string }[] };
    expect(result.id).not.toBe(earlierId);
    // The event, catalogue, draft, text and config are the earlier campaign's; the clean template passes them all
    // (the canary of the test above has sent this event's follow-up to a few of the list: a warning, no block).
    expect(result.status).toBe('in-review');
    expect(result.findings.filter((f) => f.severity === 'block')).toEqual([]);
  });

  it('says on the unsubscribe page which follow-up the link came from, and when the address is already out', async () => {
    const { organiser, id } = await organiserWithDemoCampaign();
    const secret = readFileSync(join(dataDir, 'secret'), 'utf8').trim();
    const link = unsubscribeUrl({ publicUrl: stack.url, secret } as Settings, 'yann.le-goff@exemple-collectivite.fr', id);
    const before = await (await fetch(link)).text();
    expect(before).toContain('Ce lien vient du message de suivi du webinaire « Accessibilité numérique');
    expect(before).toContain('Me désinscrire');
    // A participant knows the organiser, not the team's tool.
    expect(before).toContain('<span class="brand">Mission Numérique des Territoires</span>');
    expect(before).not.toContain('followup-guard');
    const oneClick = await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(oneClick.status).toBe(200);
    const answer = await oneClick.text();
    expect(answer).toContain('C’est fait');
    expect(answer).toContain('« Accessibilité numérique');
    const after = await (await fetch(link)).text();
    expect(after).toContain('C’est fait');
    expect(after).not.toContain('Me désinscrire');
  });
});

