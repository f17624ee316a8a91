import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { parseJsonText, validate } from '../../core/campaign/parse-json.ts';
import { GuardError } from '../../core/errors.ts';
import type { Member, TeamDirectory } from '../../ports/team-directory.ts';

const memberSchema = z.object({
  email: z.email({ error: 'expected an email address' }),
  name: z.string().trim().min(1, { error: 'expected a non-empty name' }),
  roles: z.array(z.enum(['organiser', 'reviewer'], { error: 'expected "organiser" or "reviewer"' })),
  language: z.enum(['fr', 'en'], { error: 'expected "fr" or "en"' }).optional(),
});

const teamSchema = z.object({ members: z.array(memberSchema, { error: 'expected an array of members' }) }).superRefine((team, context) => {
  const seen = new Map<string, number>();
  team.members.forEach((member, index) => {
    const email = member.email.toLowerCase();
    const first = seen.get(email);
    if (first === undefined) seen.set(email, index);
    else context.addIssue({ code: 'custom', path: ['members', index, 'email'], message: `the same address as members.${first}.email` });
  });
});

/**
 * Reads a team roster `{ "members": [{ "email", "name", "roles", "language"? }] }`. Throws a
 * GuardError (TEAM_DIRECTORY_INVALID) naming `source`, the field and what was expected.
 */
export function parseTeamJson(source: string, text: string): Member[] {
  try {
    const team = validate(source, teamSchema, parseJsonText(source, text));
    return team.members.map((m) => ({ email: m.email, name: m.name.trim(), roles: [...new Set(m.roles)], ...(m.language ? { language: m.language } : {}) }));
  } catch (error) {
    if (error instanceof GuardError) throw new GuardError('TEAM_DIRECTORY_INVALID', error.message, { cause: error });
    throw error;
  }
}

function copy(members: readonly Member[]): Member[] {
  return members.map((m) => ({ ...m, roles: [...m.roles] }));
}

/** The roster in a team.json file, read again whenever the file's modification time or size changes. */
export class FileTeamDirectory implements TeamDirectory {
  private cached: { mtimeMs: number; size: number; members: Member[] } | undefined;

  constructor(private readonly path: string) {}

  async members(): Promise<Member[]> {
    let text: string;
    let mtimeMs: number;
    let size: number;
    try {
      ({ mtimeMs, size } = await stat(this.path));
      if (this.cached && this.cached.mtimeMs === mtimeMs && this.cached.size === size) return copy(this.cached.members);
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `cannot be read: ${(error as Error).message}`;
      throw new GuardError('TEAM_DIRECTORY_UNREADABLE', `${this.path} ${reason}: expected the team roster as JSON`, { cause: error });
    }
    const members = parseTeamJson(this.path, text);
    this.cached = { mtimeMs, size, members };
    return copy(members);
  }
}
