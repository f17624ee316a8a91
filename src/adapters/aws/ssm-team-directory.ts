import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { GuardError } from '../../core/errors.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Member, TeamDirectory } from '../../ports/team-directory.ts';
import { parseTeamJson } from '../local/file-team-directory.ts';

/** How long a read roster is used before SSM is asked again. */
export const TEAM_CACHE_SECONDS = 60;

/** Options of {@link SsmTeamDirectory}. */
export interface SsmTeamDirectoryOptions {
  /** Name of the (SecureString or String) parameter holding the team.json document. */
  parameterName: string;
  client?: SSMClient | undefined;
  /** Decides when the cache expires; the system clock by default. */
  clock?: Pick<Clock, 'now'> | undefined;
}

const systemClock: Pick<Clock, 'now'> = { now: () => new Date() };

/** The roster as team.json in an SSM parameter, decrypted, cached for 60 s; failures are GuardErrors. */
export class SsmTeamDirectory implements TeamDirectory {
  private readonly parameterName: string;
  private readonly client: SSMClient;
  private readonly clock: Pick<Clock, 'now'>;
  private cached: { readAtMs: number; members: Promise<Member[]> } | undefined;

  constructor(options: SsmTeamDirectoryOptions) {
    this.parameterName = options.parameterName;
    this.client = options.client ?? new SSMClient({});
    this.clock = options.clock ?? systemClock;
  }

  async members(): Promise<Member[]> {
    const nowMs = this.clock.now().getTime();
    if (!this.cached || nowMs - this.cached.readAtMs >= TEAM_CACHE_SECONDS * 1000) {
      const members = this.read();
      const entry = { readAtMs: nowMs, members };
      this.cached = entry;
      // A failed read is not cached: the next call asks SSM again.
      members.catch(() => {
        if (this.cached === entry) this.cached = undefined;
      });
    }
    const members = await this.cached.members;
    return members.map((m) => ({ ...m, roles: [...m.roles] }));
  }

  private async read(): Promise<Member[]> {
    let value: string | undefined;
    try {
      const output = await this.client.send(new GetParameterCommand({ Name: this.parameterName, WithDecryption: true }));
      value = output.Parameter?.Value;
    } catch (error) {
      const name = error instanceof Error ? error.name : 'Error';
      const reason = name === 'ParameterNotFound' ? 'does not exist' : `cannot be read: ${name}: ${error instanceof Error ? error.message : String(error)}`;
      throw new GuardError('TEAM_DIRECTORY_UNREADABLE', `SSM parameter ${this.parameterName} ${reason}: expected the team roster as JSON`, { cause: error });
    }
    if (value === undefined) throw new GuardError('TEAM_DIRECTORY_UNREADABLE', `SSM parameter ${this.parameterName} has no value: expected the team roster as JSON`);
    return parseTeamJson(`team.json (SSM parameter ${this.parameterName})`, value);
  }
}
