import type { z } from 'zod';
import { CampaignInputError } from '../errors.ts';

/** Parses a JSON file's text; a syntax error names the file, the line and the column. */
export function parseJsonText(file: string, text: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new CampaignInputError(file, `${file} is empty: expected a JSON object`);
  try {
    return JSON.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(detail);
    let where = '';
    if (position?.[1]) {
      const offset = Number(position[1]);
      const before = body.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - before.lastIndexOf('\n');
      where = ` at line ${line} column ${column}`;
    } else if (/end of JSON input/i.test(detail)) {
      where = ` at the end of the file (${body.split('\n').length} lines)`;
    }
    const reason = detail.replace(/\s*in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '');
    throw new CampaignInputError(file, `${file} is not valid JSON${where}: ${reason}`, { cause: error });
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cursor: unknown = input;
  for (const key of path) {
    if (cursor === null || typeof cursor !== 'object') return undefined;
    cursor = (cursor as Record<PropertyKey, unknown>)[key];
  }
  return cursor;
}

/** Validates `input` with `schema`; the first problems become one message naming the file and the fields. */
export function validate<S extends z.ZodType>(file: string, schema: S, input: unknown): z.output<S> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new CampaignInputError(file, `${file}: expected a JSON object, got ${describe(input)}`);
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 3).map((issue) => {
    const field = issue.path.map(String).join('.');
    const got = valueAt(input, issue.path);
    const where = field ? `field "${field}"` : 'the object';
    if (got === undefined && field) return `${where} is missing: ${issue.message}`;
    return `${where}: ${issue.message}${field ? `, got ${describe(got)}` : ''}`;
  });
  const more = result.error.issues.length > 3 ? ` (and ${result.error.issues.length - 3} more)` : '';
  throw new CampaignInputError(file, `${file} ${problems.join('; ')}${more}`);
}
