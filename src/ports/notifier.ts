/** A team chat incoming webhook (Mattermost/Slack-compatible JSON). */
export interface Notifier {
  /** Posts a message; resolves when delivered or when no webhook is configured. */
  post(text: string): Promise<void>;
}
