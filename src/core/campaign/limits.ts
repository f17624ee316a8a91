/** The sizes a campaign may have; beyond them the input is refused with a message saying so. */
export const LIMITS = {
  /** Recipients rows (data lines of recipients.csv). */
  maxRecipients: 200_000,
  recipientsBytes: 60 * 1024 * 1024,
  /** The MJML template and the plain-text template. */
  templateBytes: 2 * 1024 * 1024,
  /** event.json, draft.json, guard.config.json and each catalogue file. */
  jsonBytes: 1024 * 1024,
  catalogFiles: 500,
} as const;

/** "2 MB", "512 KB": a size for a message. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
