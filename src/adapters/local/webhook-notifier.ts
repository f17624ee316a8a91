import { GuardError } from '../../core/errors.ts';
import type { Notifier } from '../../ports/notifier.ts';

/** Options of {@link WebhookNotifier}. */
export interface WebhookNotifierOptions {
  /** The incoming webhook URL; when absent or empty, posts are dropped. It is a secret: never logged. */
  url?: string | undefined;
  /** How long a post may take; 5000 ms by default. */
  timeoutMs?: number | undefined;
}

/**
 * Posts `{ "text": … }` to a Mattermost/Slack incoming webhook. Does nothing without a URL; a post
 * that fails, is refused or takes longer than the timeout throws a GuardError (NOTIFY_FAILED).
 */
export class WebhookNotifier implements Notifier {
  private readonly url: string | undefined;
  private readonly timeoutMs: number;

  constructor(options: WebhookNotifierOptions = {}) {
    this.url = options.url?.trim() || undefined;
    this.timeoutMs = options.timeoutMs ?? 5000;
  }

  async post(text: string): Promise<void> {
    if (!this.url) return;
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const isTimeout = error instanceof Error && error.name === 'TimeoutError';
      const reason = isTimeout ? `no answer within ${this.timeoutMs} ms` : `${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`;
      // The URL is not in the message: an incoming webhook URL is its own credential.
      throw new GuardError('NOTIFY_FAILED', `The chat webhook post failed: ${reason}`, { cause: error });
    }
    const answer = await response.text().catch(() => '');
    if (!response.ok) {
      throw new GuardError('NOTIFY_FAILED', `The chat webhook refused the post: HTTP ${response.status}${answer ? ` ${answer.slice(0, 200)}` : ''}`);
    }
  }
}

/** A notifier that posts nowhere, for when no chat is wired. */
export class NullNotifier implements Notifier {
  async post(_text: string): Promise<void> {}
}
