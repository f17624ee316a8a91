import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SsmTeamDirectory } from '../../src/adapters/aws/ssm-team-directory.ts';
import { FileTeamDirectory } from '../../src/adapters/local/file-team-directory.ts';
import { GuardError } from '../../src/core/errors.ts';

const TEAM = {
  members: [
    { email: 'alice@example.org', name: 'Alice Martin', roles: ['organiser'], language: 'fr' },
    { email: 'bob@example.org', name: 'Bob Stone', roles: ['reviewer', 'organiser'] },
  ],
};

describe('FileTeamDirectory', () => {
  let folder: string;
  let path: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'followup-team-'));
    path = join(folder, 'team.json');
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  /** Writes team.json with a chosen modification time, so a change is seen without waiting. */
  function writeTeam(content: unknown, mtimeSeconds: number): void {
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    utimesSync(path, mtimeSeconds, mtimeSeconds);
  }

  it('reads the members of team.json', async () => {
    // Prepare
    writeTeam(TEAM, 1_700_000_000);

    // Act
    const members = await new FileTeamDirectory(path).members();

    // Assess
    expect(members).toEqual([
      { email: 'alice@example.org', name: 'Alice Martin', roles: ['organiser'], language: 'fr' },
      { email: 'bob@example.org', name: 'Bob Stone', roles: ['reviewer', 'organiser'] },
    ]);
  });

  it('sees an edit of team.json while running', async () => {
    // Prepare
    writeTeam(TEAM, 1_700_000_000);
    const directory = new FileTeamDirectory(path);
    await directory.members();

    // Act
    writeTeam({ members: [{ email: 'carol@example.org', name: 'Carol', roles: ['reviewer'], language: 'en' }] }, 1_700_000_060);
    const members = await directory.members();

    // Assess
    expect(members.map((m) => m.email)).toEqual(['carol@example.org']);
  });

  it('does not read the file again while it is unchanged', async () => {
    // Prepare: same size and modification time, different bytes, so only a re-read could see it.
    writeTeam(TEAM, 1_700_000_000);
    const directory = new FileTeamDirectory(path);
    await directory.members();
    writeTeam(JSON.stringify(TEAM, null, 2).replace('alice@', 'alyce@'), 1_700_000_000);

    // Act
    const members = await directory.members();

    // Assess
    expect(members[0]!.email).toBe('alice@example.org');
  });

  it('hands out copies, so a caller cannot change the roster', async () => {
    // Prepare
    writeTeam(TEAM, 1_700_000_000);
    const directory = new FileTeamDirectory(path);
    (await directory.members())[0]!.roles.push('reviewer');

    // Act
    const members = await directory.members();

    // Assess
    expect(members[0]!.roles).toEqual(['organiser']);
  });

  it.each([
    ['an unknown role', { members: [{ email: 'a@example.org', name: 'A', roles: ['admin'] }] }, 'members.0.roles.0', '"organiser" or "reviewer"'],
    ['an address that is not one', { members: [{ email: 'alice', name: 'A', roles: ['reviewer'] }] }, 'members.0.email', 'email address'],
    ['a missing name', { members: [TEAM.members[0], { email: 'b@example.org', roles: ['reviewer'] }] }, 'members.1.name', 'missing'],
    ['an unknown language', { members: [{ email: 'a@example.org', name: 'A', roles: ['reviewer'], language: 'de' }] }, 'members.0.language', '"fr" or "en"'],
    ['the same address twice', { members: [TEAM.members[0], { ...TEAM.members[1], email: 'Alice@Example.org' }] }, 'members.1.email', 'members.0.email'],
    ['no members list', { team: [] }, 'members', 'missing'],
  ])('refuses %s, naming team.json and the field', async (_label, content, field, expected) => {
    // Prepare
    writeTeam(content, 1_700_000_000);

    // Act
    const failure = await new FileTeamDirectory(path).members().catch((e: unknown) => e);

    // Assess
    expect(failure).toBeInstanceOf(GuardError);
    expect((failure as GuardError).code).toBe('TEAM_DIRECTORY_INVALID');
    expect((failure as GuardError).message).toContain('team.json');
    expect((failure as GuardError).message).toContain(`"${field}"`);
    expect((failure as GuardError).message).toContain(expected);
  });

  it('names the line of a JSON syntax error', async () => {
    // Prepare
    writeTeam('{\n  "members": [\n    { "email": "a@example.org", }\n  ]\n}', 1_700_000_000);

    // Act
    const failure = (await new FileTeamDirectory(path).members().catch((e: unknown) => e)) as GuardError;

    // Assess
    expect(failure.code).toBe('TEAM_DIRECTORY_INVALID');
    expect(failure.message).toMatch(/team\.json is not valid JSON at line 3/);
  });

  it('says when team.json does not exist', async () => {
    // Act
    const failure = (await new FileTeamDirectory(path).members().catch((e: unknown) => e)) as GuardError;

    // Assess
    expect(failure.code).toBe('TEAM_DIRECTORY_UNREADABLE');
    expect(failure.message).toContain(`${path} does not exist`);
  });
});

describe('SsmTeamDirectory', () => {
  const ssm = mockClient(SSMClient);
  let nowMs: number;
  let directory: SsmTeamDirectory;

  beforeEach(() => {
    ssm.reset();
    nowMs = Date.parse('2024-03-14T10:00:00Z');
    directory = new SsmTeamDirectory({
      parameterName: '/followup-guard/prod/team',
      client: new SSMClient({ region: 'eu-west-3' }),
      clock: { now: () => new Date(nowMs) },
    });
  });

  it('reads the roster from the decrypted parameter', async () => {
    // Prepare
    ssm.on(GetParameterCommand).resolves({ Parameter: { Name: '/followup-guard/prod/team', Value: JSON.stringify(TEAM) } });

    // Act
    const members = await directory.members();

    // Assess
    expect(members.map((m) => m.email)).toEqual(['alice@example.org', 'bob@example.org']);
    expect(ssm.commandCalls(GetParameterCommand)[0]!.args[0].input).toEqual({ Name: '/followup-guard/prod/team', WithDecryption: true });
  });

  it('asks SSM again only once 60 seconds have passed', async () => {
    // Prepare
    ssm.on(GetParameterCommand)
      .resolvesOnce({ Parameter: { Value: JSON.stringify(TEAM) } })
      .resolves({ Parameter: { Value: JSON.stringify({ members: [TEAM.members[1]] }) } });
    await directory.members();

    // Act
    nowMs += 59_000;
    const cached = await directory.members();
    nowMs += 1_000;
    const fresh = await directory.members();

    // Assess
    expect(cached).toHaveLength(2);
    expect(fresh.map((m) => m.email)).toEqual(['bob@example.org']);
    expect(ssm.commandCalls(GetParameterCommand)).toHaveLength(2);
  });

  it('does not keep a failed read: the next call asks again', async () => {
    // Prepare
    ssm.on(GetParameterCommand)
      .rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }))
      .resolves({ Parameter: { Value: JSON.stringify(TEAM) } });

    // Act
    const failure = (await directory.members().catch((e: unknown) => e)) as GuardError;
    const members = await directory.members();

    // Assess
    expect(failure.code).toBe('TEAM_DIRECTORY_UNREADABLE');
    expect(members).toHaveLength(2);
  });

  it('names the parameter and the field of an invalid roster', async () => {
    // Prepare
    ssm.on(GetParameterCommand).resolves({ Parameter: { Value: JSON.stringify({ members: [{ email: 'a@example.org', name: 'A', roles: ['boss'] }] }) } });

    // Act
    const failure = (await directory.members().catch((e: unknown) => e)) as GuardError;

    // Assess
    expect(failure.code).toBe('TEAM_DIRECTORY_INVALID');
    expect(failure.message).toContain('/followup-guard/prod/team');
    expect(failure.message).toContain('"members.0.roles.0"');
  });

  it('says when the parameter does not exist', async () => {
    // Prepare
    ssm.on(GetParameterCommand).rejects(Object.assign(new Error(''), { name: 'ParameterNotFound' }));

    // Act
    const failure = (await directory.members().catch((e: unknown) => e)) as GuardError;

    // Assess
    expect(failure.code).toBe('TEAM_DIRECTORY_UNREADABLE');
    expect(failure.message).toContain('/followup-guard/prod/team does not exist');
  });
});
