import { AccessError } from '../core/errors.ts';
import type { Member } from '../ports/team-directory.ts';
import type { Services } from './services.ts';

/** The member with this address (case-insensitive), if any. */
export async function findMember(services: Services, email: string): Promise<Member | undefined> {
  const wanted = email.trim().toLowerCase();
  return (await services.team.members()).find((m) => m.email.toLowerCase() === wanted);
}

/** The member behind a session; AccessError when the address is no longer in the team or lacks the role. */
export async function requireMember(services: Services, email: string | undefined, role?: 'organiser' | 'reviewer'): Promise<Member> {
  if (!email) throw new AccessError('UNAUTHENTICATED', 'Sign in first: ask for a sign-in link with your address.');
  const member = await findMember(services, email);
  if (!member) throw new AccessError('UNAUTHENTICATED', 'Your address is no longer in the team; sign in again.');
  if (role && !member.roles.includes(role)) {
    throw new AccessError('FORBIDDEN', `This needs the ${role} role; ${member.email} has ${member.roles.join(', ') || 'no role'}.`);
  }
  return member;
}
