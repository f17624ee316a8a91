import { describe, expect, it } from 'vitest';
import { parseCampaign } from '../../../src/core/campaign/parse-campaign.ts';
import { CampaignInputError } from '../../../src/core/errors.ts';
import { anEarlierEvent, anEvent, campaignFiles, check, FR_BODY, findingsOf, mjml, type CampaignSpec } from '../../support/campaign-builder.ts';

/** The files of a default campaign with some files replaced (as text) or removed (undefined). */
function filesWith(changes: Record<string, string | undefined>, spec: CampaignSpec = {}): Map<string, string> {
  const files = campaignFiles(spec);
  for (const [path, content] of Object.entries(changes)) {
    if (content === undefined) files.delete(path);
    else files.set(path, content);
  }
  return files;
}

/** The CampaignInputError parseCampaign throws for these files, or a failure when it throws nothing. */
function inputErrorOf(files: Map<string, string>): CampaignInputError {
  try {
    parseCampaign(files);
  } catch (error) {
    expect(error).toBeInstanceOf(CampaignInputError);
    return error as CampaignInputError;
  }
  throw new Error('expected parseCampaign to throw a CampaignInputError');
}

function eventJson(overrides: Record<string, unknown>): string {
  return JSON.stringify(anEvent(overrides), null, 2);
}

function draftJson(overrides: Record<string, unknown>): string {
  const draft = JSON.parse(campaignFiles().get('draft.json')!) as Record<string, unknown>;
  return JSON.stringify({ ...draft, ...overrides }, null, 2);
}

describe('parseCampaign: unreadable input', () => {
  it('rejects event.json that is not valid JSON, naming the line and the column', () => {
    // Prepare
    const text = ['{', '  "id": "audit-rgaa-2026-10",', '  "title": "Audit RGAA"', '  "start": "2026-10-15T10:00:00+02:00"', '}'].join('\n');

    // Act
    const error = inputErrorOf(filesWith({ 'event.json': text }));

    // Assess
    expect(error.file).toBe('event.json');
    expect(error.message).toMatch(/^event\.json/);
    expect(error.message).toMatch(/line 4/);
    expect(error.message).toMatch(/column \d+/);
  });

  it('rejects event.json with a single-quoted value, naming its line', () => {
    // Prepare
    const text = [
      '{', // line 1
      '  "id": "audit-rgaa-2026-10",', // line 2
      '  "title": "Audit RGAA",', // line 3
      '  "start": "2026-10-15T10:00:00+02:00",', // line 4
      "  \"language\": 'fr',", // line 5
      '  "end": "2026-10-15T11:30:00+02:00"', // line 6
      '}',
    ].join('\n');

    // Act
    const error = inputErrorOf(filesWith({ 'event.json': text }));

    // Assess
    expect(error.message).toMatch(/^event\.json/);
    expect(error.message).toMatch(/line 5\b/);
  });

  it('rejects guard.config.json with an unquoted severity, naming its line', () => {
    // Prepare
    const text = ['{', '  "severity": {', '    "link.unknown": off', '  }', '}'].join('\n');

    // Act
    const error = inputErrorOf(filesWith({ 'guard.config.json': text }));

    // Assess
    expect(error.file).toBe('guard.config.json');
    expect(error.message).toMatch(/^guard\.config\.json/);
    expect(error.message).toMatch(/line 3\b/);
  });

  it('rejects draft.json that is not valid JSON, naming the file and the line', () => {
    // Prepare
    const text = '{\n  "eventId": "audit-rgaa-2026-10",\n  "subject": "Replay",\n}\n';

    // Act
    const error = inputErrorOf(filesWith({ 'draft.json': text }));

    // Assess
    expect(error.message).toMatch(/draft\.json/);
    // The slip is the comma after the last property (line 3), not the brace that follows it.
    expect(error.message).toMatch(/line 3 column 22: a comma before "\}"/);
  });

  it('rejects an event without a title, naming the field and what was expected', () => {
    // Prepare
    const event = anEvent();
    delete event.title;

    // Act
    const error = inputErrorOf(filesWith({ 'event.json': JSON.stringify(event) }));

    // Assess
    expect(error.message).toMatch(/event\.json/);
    expect(error.message).toMatch(/"title"/);
    expect(error.message).toMatch(/missing|expected/);
  });

  it('rejects a draft without a subject', () => {
    // Prepare
    const draft = JSON.parse(draftJson({})) as Record<string, unknown>;
    delete draft.subject;

    // Act
    const error = inputErrorOf(filesWith({ 'draft.json': JSON.stringify(draft) }));

    // Assess
    expect(error.message).toMatch(/draft\.json/);
    expect(error.message).toMatch(/"subject"/);
  });

  it('rejects a start without a UTC offset, giving an example of what is expected', () => {
    // Prepare
    const text = eventJson({ start: '2026-10-15T10:00:00' });

    // Act
    const error = inputErrorOf(filesWith({ 'event.json': text }));

    // Assess
    expect(error.message).toMatch(/event\.json/);
    expect(error.message).toMatch(/"start"/);
    expect(error.message).toMatch(/offset/);
    expect(error.message).toMatch(/2026-10-15T10:00:00/);
  });

  it('rejects an end before the start', () => {
    // Prepare
    const text = eventJson({ start: '2026-10-15T10:00:00+02:00', end: '2026-10-15T09:00:00+02:00' });

    // Act
    const error = inputErrorOf(filesWith({ 'event.json': text }));

    // Assess
    expect(error.message).toMatch(/event\.json/);
    expect(error.message).toMatch(/"end"/);
    expect(error.message).toMatch(/after/);
  });

  it('rejects an unknown language, saying fr or en is expected', () => {
    // Prepare
    const text = eventJson({ language: 'de' });

    // Act
    const error = inputErrorOf(filesWith({ 'event.json': text }));

    // Assess
    expect(error.message).toMatch(/event\.json/);
    expect(error.message).toMatch(/"language"/);
    expect(error.message).toMatch(/"fr"/);
    expect(error.message).toMatch(/"en"/);
    expect(error.message).toMatch(/"de"/);
  });

  it('rejects an unknown audience, listing the accepted ones', () => {
    // Prepare
    const text = draftJson({ audience: 'participants' });

    // Act
    const error = inputErrorOf(filesWith({ 'draft.json': text }));

    // Assess
    expect(error.message).toMatch(/draft\.json/);
    expect(error.message).toMatch(/"audience"/);
    expect(error.message).toMatch(/attendees/);
    expect(error.message).toMatch(/no-shows/);
    expect(error.message).toMatch(/participants/);
  });

  it('rejects a draft whose template file is not in the folder, naming that file', () => {
    // Prepare
    const text = draftJson({ template: 'relance-octobre.mjml' });

    // Act
    const error = inputErrorOf(filesWith({ 'draft.json': text }));

    // Assess
    expect(error.file).toBe('relance-octobre.mjml');
    expect(error.message).toMatch(/relance-octobre\.mjml/);
    expect(error.message).toMatch(/missing/);
    expect(error.message).toMatch(/template/);
  });

  it('rejects a template path that climbs out of the folder with ".."', () => {
    // Prepare
    const text = draftJson({ template: '../autre-campagne/followup.mjml' });

    // Act
    const error = inputErrorOf(filesWith({ 'draft.json': text, '../autre-campagne/followup.mjml': mjml(FR_BODY) }));

    // Assess
    expect(error.message).toMatch(/draft\.json/);
    expect(error.message).toMatch(/"template"/);
    expect(error.message).toMatch(/\.\./);
  });

  it('rejects a missing recipients.csv', () => {
    // Prepare
    const files = filesWith({ 'recipients.csv': undefined });

    // Act
    const error = inputErrorOf(files);

    // Assess
    expect(error.message).toMatch(/recipients\.csv/);
    expect(error.message).toMatch(/email/);
  });

  it('rejects a severity that is not block, warn or off, naming the rule', () => {
    // Prepare
    const config = JSON.stringify({ severity: { 'link.unknown': 'critical' } });

    // Act
    const error = inputErrorOf(filesWith({ 'guard.config.json': config }));

    // Assess
    expect(error.file).toBe('guard.config.json');
    expect(error.message).toMatch(/guard\.config\.json/);
    expect(error.message).toMatch(/link\.unknown/);
    expect(error.message).toMatch(/critical/);
    expect(error.message).toMatch(/"block", "warn" or "off"/);
  });

  it('rejects an unknown rule id in the config, naming it', () => {
    // Prepare
    const config = JSON.stringify({ severity: { 'link.unknow': 'off' } });

    // Act
    const error = inputErrorOf(filesWith({ 'guard.config.json': config }));

    // Assess
    expect(error.message).toMatch(/guard\.config\.json/);
    expect(error.message).toMatch(/link\.unknow/);
    expect(error.message).toMatch(/unknown rule/);
  });

  it('rejects a catalogue file that is not valid, naming that file', () => {
    // Prepare
    const files = filesWith({ 'catalog/teletravail.json': JSON.stringify(anEarlierEvent({ end: '2026-06-11T09:00:00+02:00' })) });

    // Act
    const error = inputErrorOf(files);

    // Assess
    expect(error.message).toMatch(/catalog\/teletravail\.json/);
    expect(error.message).toMatch(/"end"/);
  });
});

describe('parseCampaign: catalogue', () => {
  it('ignores a catalogue file that holds the event itself', async () => {
    // Prepare
    const files = filesWith({ 'catalog/copie-audit.json': JSON.stringify(anEvent()) }, { catalog: [anEarlierEvent()] });

    // Act
    const campaign = parseCampaign(files);

    // Assess
    expect(campaign.catalog.map((e) => e.id)).toEqual(['teletravail-agents-2026-06']);
  });

  it('does not report the event as reused or conflicting with its own copy in the catalogue', async () => {
    // Prepare
    const spec = { catalog: [anEvent()] };

    // Act
    const report = await check(spec);

    // Assess
    expect(findingsOf(report, 'event.reused')).toEqual([]);
    expect(findingsOf(report, 'event.conflict')).toEqual([]);
    expect(report.verdict).toBe('ready');
  });
});

describe('parseCampaign: severity overrides reach the report', () => {
  const UNKNOWN_LINK_BODY = `${FR_BODY}\n<p>Retrouvez aussi la <a href="https://www.youtube.com/watch?v=audit-rgaa">vidéo de démonstration</a> de la grille d'audit.</p>`;
  const LATER_DATE_BODY = `${FR_BODY}\n<p>Prochaine session de questions sur l'audit RGAA le jeudi 10 décembre 2026.</p>`;

  it('reports an unknown link host as a warning by default', async () => {
    // Prepare
    const spec = { template: mjml(UNKNOWN_LINK_BODY) };

    // Act
    const report = await check(spec);

    // Assess
    const findings = findingsOf(report, 'link.unknown');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe('warn');
  });

  it('drops link.unknown findings when the config sets it "off"', async () => {
    // Prepare
    const spec = { template: mjml(UNKNOWN_LINK_BODY), config: { severity: { 'link.unknown': 'off' } } };

    // Act
    const report = await check(spec);

    // Assess
    expect(findingsOf(report, 'link.unknown')).toEqual([]);
  });

  it('warns about an unexpected later date by default and lets the send go to review', async () => {
    // Prepare
    const spec = { template: mjml(LATER_DATE_BODY) };

    // Act
    const report = await check(spec);

    // Assess
    const findings = findingsOf(report, 'date.unexpected');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe('warn');
    expect(report.verdict).toBe('ready');
  });

  it('blocks on an unexpected later date when the config sets date.unexpected to "block"', async () => {
    // Prepare
    const spec = { template: mjml(LATER_DATE_BODY), config: { severity: { 'date.unexpected': 'block' } } };

    // Act
    const report = await check(spec);

    // Assess
    const findings = findingsOf(report, 'date.unexpected');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', recipients: 3 });
    expect(report.verdict).toBe('blocked');
  });

  it('lets a blocking rule turned into a warning go to review', async () => {
    // Prepare
    const template = mjml(FR_BODY, { footer: '<p>L’équipe de {{event.organizer.name}}</p>' });
    const spec = { template, config: { severity: { 'unsubscribe.missing': 'warn' } } };

    // Act
    const report = await check(spec);

    // Assess
    const findings = findingsOf(report, 'unsubscribe.missing');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe('warn');
    expect(report.verdict).toBe('ready');
  });
});
