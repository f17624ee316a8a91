import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCampaignFolder } from '../../src/adapters/local/campaign-folder.ts';
import { startLocalStack, type LocalStack } from '../../src/local-stack.ts';
import { inbox, mailTo } from '../local/stack-client.ts';
import { syntheticRecipientsCsv } from '../../bench/synthetic-campaign.ts';

const ORGANISER = 'claire.organisatrice@numerique-territoires.fr';
const REVIEWER = 'paul.relecteur@numerique-territoires.fr';
const SHOTS = 'test-results/screenshots';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let stack: LocalStack;
let browser: Browser;
let dataDir: string;
let workDir: string;
const dialogs: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'fg-browser-'));
  workDir = mkdtempSync(join(tmpdir(), 'fg-files-'));
  mkdirSync(SHOTS, { recursive: true });
  stack = await startLocalStack({ port: 0, sesPort: 0, dynamoPort: 0, dataDir, env: { CANARY_WINDOW_SECONDS: '1', CANARY_SIZE: '3', MAX_SEND_RATE_PER_SECOND: '400' } });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(workDir, { recursive: true, force: true });
}, 90_000);

async function newPage(viewport = { width: 1200, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'fr-FR', viewport });
  const page = await context.newPage();
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return { context, page };
}

/** Writes a campaign folder's files to disk, so that the browser can upload them. */
async function filesOf(folder: string, changes: Record<string, string> = {}): Promise<Record<string, string>> {
  const files = await readCampaignFolder(folder);
  const dir = mkdtempSync(join(workDir, 'c-'));
  mkdirSync(join(dir, 'catalog'), { recursive: true });
  const paths: Record<string, string> = {};
  for (const [name, content] of files) {
    const path = join(dir, name);
    writeFileSync(path, changes[name] ?? Buffer.from(content));
    paths[name] = path;
  }
  return paths;
}

/** Chooses a campaign folder's files in the new follow-up form (the catalogue only when asked). */
async function chooseFiles(page: Page, paths: Record<string, string>, options: { isWithCatalog?: boolean } = {}): Promise<void> {
  for (const [input, name] of [['#event', 'event.json'], ['#draft', 'draft.json'], ['#template', 'followup.mjml'], ['#text', 'followup.txt'], ['#recipients', 'recipients.csv']] as const) {
    await page.locator(input).setInputFiles(paths[name]!);
  }
  if (options.isWithCatalog) await page.locator('#catalog').setInputFiles(Object.entries(paths).filter(([n]) => n.startsWith('catalog/')).map(([, p]) => p));
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(stack.url);
  await page.getByLabel('Adresse électronique').fill(email);
  const before = (await inbox(stack.sesUrl)).length;
  await page.getByRole('button', { name: 'Recevoir un lien de connexion' }).click();
  await expect(page.getByText('un lien de connexion vient d’y être envoyé')).toBeTruthy();
  let link = '';
  for (let i = 0; i < 100 && !link; i++) {
    const mail = (await inbox(stack.sesUrl)).slice(before).find((m) => m.destination.to.includes(email));
    link = mail ? /http:\/\/localhost:\d+\/sign-in\/[\w.-]+/.exec(mail.body.text ?? '')![0] : '';
    if (!link) await page.waitForTimeout(50);
  }
  await page.goto(link);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(`${stack.url}/`);
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const result = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as { violations: { id: string; impact: string; help: string; nodes: unknown[] }[] };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} ×${v.nodes.length}`);
}

describe('the pages, in a real browser', () => {
  it('lets an organiser see a stale template blocked, fix it, and a reviewer approve it until the send finishes', async () => {
    const { page } = await newPage();
    await page.goto(stack.url);
    await page.screenshot({ path: `${SHOTS}/01-sign-in.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await signIn(page, ORGANISER);
    await expect(await page.locator('header').innerText()).toMatch(/Claire Organisatrice.*organisateur·rice/s);

    // New follow-up: upload the stale campaign, check it, submit it.
    await page.getByRole('link', { name: 'Nouveau suivi' }).click();
    expect(await axeViolations(page)).toEqual([]);
    const stale = await filesOf('examples/demo-campaign-stale');
    await chooseFiles(page, stale, { isWithCatalog: true });
    await page.getByRole('button', { name: 'Vérifier sans soumettre' }).click();
    await page.locator('#check-result').getByText('stale.reference').first().waitFor();
    await page.screenshot({ path: `${SHOTS}/02-new-follow-up-check.png`, fullPage: true });
    await page.getByRole('button', { name: 'Vérifier et soumettre' }).click();
    await page.waitForURL(/\/campaigns\/(?!new)[\w-]+$/);
    const campaignUrl = page.url();
    await expect(await page.locator('h1 + p .badge').innerText()).toBe('Bloquée');
    const diff = page.locator('table', { has: page.getByText('autre événement') });
    expect(await diff.innerText()).toMatch(/replay\/teletravail-agents[\s\S]*autre événement[\s\S]*Télétravail des agents/);
    expect(await page.getByRole('heading', { name: /stale\.reference/ }).count()).toBe(1);
    await page.frameLocator('iframe.preview').getByText('Bonjour Hélène,').waitFor();
    await page.screenshot({ path: `${SHOTS}/03-campaign-blocked.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    // Fix: upload only the corrected template as a new version.
    const clean = await filesOf('examples/demo-campaign');
    await page.locator('#v-template').setInputFiles(clean['followup.mjml']!);
    await page.getByRole('button', { name: 'Soumettre la nouvelle version' }).click();
    await page.waitForURL(campaignUrl);
    await expect(await page.locator('h1 + p').innerText()).toMatch(/En relecture · version 2/);

    // The reviewer opens the link from the inbox and approves.
    const request = await mailTo(stack.sesUrl, REVIEWER, /À relire/);
    const reviewUrl = /http:\/\/localhost:\d+\/review\/[\w.-]+/.exec(request.body.text ?? '')![0];
    const reviewer = await newPage();
    await reviewer.page.goto(reviewUrl);
    expect(await reviewer.page.locator('iframe.preview').count()).toBeGreaterThanOrEqual(2);
    expect(await reviewer.page.locator('iframe.preview').first().getAttribute('sandbox')).toBe('');
    await reviewer.page.frameLocator('iframe.preview').first().getByText('Voir le replay').waitFor();
    await reviewer.page.screenshot({ path: `${SHOTS}/04-review.png`, fullPage: true });
    await reviewer.page.locator('iframe.preview').first().screenshot({ path: `${SHOTS}/04-review-preview.png` });
    expect(await axeViolations(reviewer.page)).toEqual([]);
    await reviewer.page.getByLabel('J’ai vérifié les aperçus').check();
    await reviewer.page.getByRole('button', { name: 'Approuver et lancer l’envoi' }).click();
    await reviewer.page.getByText('l’envoi commence').waitFor();

    // The organiser sees the send finish.
    await stack.idle();
    await page.goto(campaignUrl);
    await expect(await page.locator('h1 + p .badge').innerText()).toBe('Envoyée');
    expect(await page.locator('.stat').nth(1).innerText()).toMatch(/40/);
    await page.screenshot({ path: `${SHOTS}/05-campaign-sent.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(dialogs).toEqual([]);
  }, 180_000);

  it('shows a malicious recipient name and event title as text everywhere, and runs no script from a message', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const files = await readCampaignFolder('examples/demo-campaign');
    const csv = Buffer.from(files.get('recipients.csv')!).toString('utf8').replace('Hélène;Dumas', `${evil};"<script>alert(2)</script>"`);
    const event = JSON.parse(Buffer.from(files.get('event.json')!).toString('utf8'));
    event.title = `Accessibilité numérique <b onmouseover=alert(3)>RGAA</b>`;
    const paths = await filesOf('examples/demo-campaign', { 'recipients.csv': csv, 'event.json': JSON.stringify(event) });
    const { page } = await newPage();
    await signIn(page, ORGANISER);
    await page.goto(`${stack.url}/campaigns/new`);
    await chooseFiles(page, paths);
    await page.getByRole('button', { name: 'Vérifier et soumettre' }).click();
    await page.waitForURL(/\/campaigns\/(?!new)[\w-]+$/);
    expect(await page.locator('h1').innerText()).toBe('Accessibilité numérique <b onmouseover=alert(3)>RGAA</b>');
    expect(await page.locator('main b, main img[src="x"], main script').count()).toBe(0);

    // The organiser's preview of that recipient: in a sandboxed frame, the name is text.
    await page.goto(`${page.url()}?recipient=helene.dumas@ville-saint-amand.fr#preview`);
    const frame = page.frameLocator('iframe.preview');
    await frame.getByText(`Bonjour ${evil},`).waitFor();
    expect(await frame.locator('img[src="x"]').count()).toBe(0);
    await page.goto(stack.url);
    expect(await page.locator('main').innerText()).toContain('<b onmouseover=alert(3)>RGAA</b>');
    await page.mouse.move(300, 200);
    expect(dialogs).toEqual([]);
  }, 120_000);

  it('uploads a list larger than the API accepts before submitting the form', async () => {
    const { page } = await newPage();
    await signIn(page, ORGANISER);
    await page.goto(`${stack.url}/campaigns/new`);
    const paths = await filesOf('examples/demo-campaign', { 'recipients.csv': syntheticRecipientsCsv(90_000) });
    expect(statSync(paths['recipients.csv']!).size).toBeGreaterThan(4 * 1024 * 1024);
    await chooseFiles(page, paths);
    await page.getByRole('button', { name: 'Vérifier et soumettre' }).click();
    await page.waitForURL(/\/campaigns\/(?!new)[\w-]+$/, { timeout: 60_000 });
    expect(await page.locator('h1 + p .badge').innerText()).toBe('En relecture');
    const id = page.url().split('/').pop();
    const view = (await page.evaluate(async (campaign) => (await fetch(`/api/campaigns/${campaign}`)).json(), id)) as { counts: { selected: number } };
    expect(view.counts.selected).toBe(90_000);
  }, 120_000);

  it('shows an unreadable file on the form itself, with the chosen files kept, and fits a phone screen', async () => {
    const { page } = await newPage({ width: 390, height: 844 });
    await signIn(page, ORGANISER);
    await page.goto(`${stack.url}/campaigns/new`);
    const paths = await filesOf('examples/demo-campaign-stale', { 'recipients.csv': 'Prénom;Nom;Présent\nHélène;Dumas;oui\n' });
    await chooseFiles(page, paths);
    await page.getByRole('button', { name: 'Vérifier et soumettre' }).click();
    await page.locator('#check-result').getByText('recipients.csv has no email column').waitFor();
    expect(page.url()).toBe(`${stack.url}/campaigns/new`);
    expect(await page.locator('#template').evaluate((input) => (input as unknown as { files: { length: number } }).files.length)).toBe(1);
    await page.screenshot({ path: `${SHOTS}/06-new-follow-up-error-phone.png`, fullPage: true });

    // The corrected list: the campaign page, blocked by the stale template, no wider than the phone.
    const fixed = await filesOf('examples/demo-campaign-stale');
    await chooseFiles(page, fixed, { isWithCatalog: true });
    await page.getByRole('button', { name: 'Vérifier et soumettre' }).click();
    await page.waitForURL(/\/campaigns\/(?!new)[\w-]+$/);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}/07-campaign-blocked-phone.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  }, 90_000);

  it('explains refused links in the reader’s language', async () => {
    const { page } = await newPage();
    await page.goto(`${stack.url}/review/forged.token`);
    expect(await page.locator('main').innerText()).toMatch(/Ce lien n’est pas valide/);
    expect(await axeViolations(page)).toEqual([]);
    const english = await browser.newContext({ locale: 'en-GB' });
    const other = await english.newPage();
    await other.goto(`${stack.url}/sign-in/unknown-token`);
    expect(await other.getByRole('button', { name: 'Sign in' }).count()).toBe(0);
    expect(await other.locator('main').innerText()).toMatch(/This sign-in link cannot be used any more/);
    await english.close();
  }, 60_000);
});
