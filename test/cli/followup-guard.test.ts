import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/followup-guard.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('followup-guard check', () => {
  it('exits 0 with a readable report in the event\'s language for the demo campaign', () => {
    const { code, stdout, stderr } = run('check', 'examples/demo-campaign', '--now', '2026-11-26T12:00:00Z');
    expect(code).toBe(0);
    expect(stdout).toContain('PRÊT — rien ne bloque l’envoi');
    expect(stdout).toContain("réussir l'audit RGAA");
    expect(stderr).toBe('');
  });

  it('exits 1 and prints only the spec JSON document with --json when the draft is blocked', () => {
    const { code, stdout } = run('check', 'examples/demo-campaign-stale', '--json');
    expect(code).toBe(1);
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc)).toEqual(['verdict', 'recipients', 'findings']);
    expect(doc.verdict).toBe('blocked');
    expect(doc.recipients).toEqual({ total: 40, selected: 40, excluded: 0 });
    const stale = doc.findings.find((f: { rule: string }) => f.rule === 'stale.reference');
    expect(stale).toMatchObject({ severity: 'block', recipients: 40 });
    expect(stale.examples).toHaveLength(5);
    expect(Object.keys(stale)).toEqual(['rule', 'severity', 'message', 'expected', 'found', 'recipients', 'examples']);
  });

  it('exits 2 naming the file and the missing column, with no stack trace, when recipients.csv has no email column', () => {
    const { code, stdout, stderr } = run('check', 'test/fixtures/campaigns/shared-08-no-email-column', '--json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/recipients\.csv has no email column/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 naming event.json, the line and the column when it is not JSON', () => {
    const folder = mkdtempSync(join(tmpdir(), 'fg-'));
    cpSync('examples/demo-campaign', folder, { recursive: true });
    writeFileSync(join(folder, 'event.json'), '{\n  "id": "x",\n  "title": "T",,\n}');
    const { code, stderr } = run('check', folder);
    expect(code).toBe(2);
    expect(stderr).toMatch(/event\.json is not valid JSON at line 3 column \d+/);
  });

  it('exits 2 when the folder does not exist, and explains the usage when arguments are wrong', () => {
    expect(run('check', 'no/such/folder').stderr).toMatch(/no\/such\/folder does not exist/);
    const wrong = run('check');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Usage:');
  });

  it('writes no progress on stderr when stderr is not a terminal', () => {
    const folder = mkdtempSync(join(tmpdir(), 'fg-'));
    cpSync('examples/demo-campaign', folder, { recursive: true });
    const rows = ['email;Prénom;Nom;Présent', ...Array.from({ length: 3000 }, (_, i) => `p${i}@ville-saint-amand.fr;Anne;Martin${i};oui`)];
    writeFileSync(join(folder, 'recipients.csv'), rows.join('\n'));
    const { code, stderr } = run('check', folder);
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });
});

describe('followup-guard preview', () => {
  it("writes the recipient's HTML and prints the subject and the text", () => {
    const out = join(mkdtempSync(join(tmpdir(), 'fg-')), 'preview.html');
    const { code, stdout } = run('preview', 'examples/demo-campaign', '--recipient', 'Maelle.Guillot@departement-val-morin.fr', '--out', out);
    expect(code).toBe(0);
    expect(stdout).toContain("Subject: Replay et supports – Accessibilité numérique : réussir l'audit RGAA de son site public");
    expect(stdout).toContain('Bonjour Maëlle,');
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Bonjour Maëlle,');
    expect(html).toContain('https://webinaires.numerique-territoires.fr/replay/audit-rgaa');
  });

  it('exits 2 when the address is not in the list', () => {
    const { code, stderr } = run('preview', 'examples/demo-campaign', '--recipient', 'nobody@nowhere.fr');
    expect(code).toBe(2);
    expect(stderr).toContain('recipients.csv has no row with the address nobody@nowhere.fr');
  });
});

void mkdirSync;
