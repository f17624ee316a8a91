/** Base of every real failure in followup-guard: a stable `code`, a human `message`, an optional `cause`. */
export class GuardError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GuardError';
    this.code = code;
  }
}

/**
 * Input that cannot be read as a campaign (exit 2 in the CLI, 400 in the API). The message names
 * the file, the field or line, and what was expected.
 */
export class CampaignInputError extends GuardError {
  readonly file: string;

  constructor(file: string, message: string, options?: { cause?: unknown }) {
    super('CAMPAIGN_INPUT_INVALID', message.startsWith(file) ? message : `${file}: ${message}`, options);
    this.name = 'CampaignInputError';
    this.file = file;
  }
}

/** A conditional write lost a race, or a record is not in the state the caller assumed. */
export class ConflictError extends GuardError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('CONFLICT', message, options);
    this.name = 'ConflictError';
  }
}

/** Something asked for does not exist (or the caller may not know it exists). */
export class NotFoundError extends GuardError {
  constructor(message: string) {
    super('NOT_FOUND', message);
    this.name = 'NotFoundError';
  }
}

/** The caller is not signed in, or their role does not allow the action. */
export class AccessError extends GuardError {
  constructor(code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'LINK_INVALID' | 'LINK_EXPIRED' | 'LINK_USED' | 'LINK_OUTDATED' | 'SELF_APPROVAL' | 'CSRF', message: string) {
    super(code, message);
    this.name = 'AccessError';
  }
}

/** The mail provider did not accept a message. `isRetryable` for throttling and transient faults. */
export class MailerError extends GuardError {
  readonly isRetryable: boolean;

  constructor(code: 'THROTTLED' | 'REJECTED' | 'TRANSIENT' | 'UNKNOWN_OUTCOME', message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'MailerError';
    this.isRetryable = code === 'THROTTLED' || code === 'TRANSIENT';
  }
}
