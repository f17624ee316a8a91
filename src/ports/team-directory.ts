/** A member of the team; roles decide who may submit and who may approve. */
export interface Member {
  email: string;
  name: string;
  roles: ('organiser' | 'reviewer')[];
  language?: 'fr' | 'en' | undefined;
}

/** The team roster: team.json locally, an SSM parameter on AWS. */
export interface TeamDirectory {
  members(): Promise<Member[]>;
}
