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
