import { parse as parseTolerant, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { CampaignInputError } from '../errors.ts';

/** Parses a JSON file's text; a syntax error names the file, the line and the column. */
export function parseJsonText(file: string, text: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new CampaignInputError(file, `${file} is empty: expected a JSON object`);
  try {
    return JSON.parse(body);
  } catch (error) {
    // JSON.parse does not always say where (Node 20: "Unexpected token …" without a position):
    // jsonc-parser, strict about comments and trailing commas, finds the first error's offset.
    const errors: ParseError[] = [];
    parseTolerant(body, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    let where = '';
    let reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
    if (first) {
      // A comma right before the closing bracket is the usual slip (a line deleted from a list):
      // point at the comma, not at the bracket on the next line.
      const comma = /,\s*$/.exec(body.slice(0, first.offset));
      const isTrailingComma = comma !== null && /^[\]}]/.test(body.slice(first.offset));
      const offset = isTrailingComma ? comma.index : first.offset;
      const before = body.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - before.lastIndexOf('\n');
      const near = body.slice(first.offset, first.offset + 20).split('\n')[0]!.trim();
      where = ` at line ${line} column ${column}`;
      reason = isTrailingComma
        ? `a comma before "${body[first.offset]}": remove the comma after the last item`
        : `${describeJsonError(printParseErrorCode(first.error))}${near ? ` near ${JSON.stringify(near)}` : ''}`;
    }
    throw new CampaignInputError(file, `${file} is not valid JSON${where}: ${reason}`, { cause: error });
  }
}

function describeJsonError(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character (strings need double quotes)',
    InvalidNumberFormat: 'invalid number',
    PropertyNameExpected: 'expected a property name in double quotes (no trailing comma)',
    ValueExpected: 'expected a value',
    ColonExpected: 'expected ":"',
    CommaExpected: 'expected ","',
    CloseBraceExpected: 'expected "}"',
    CloseBracketExpected: 'expected "]"',
    EndOfFileExpected: 'unexpected text after the end of the JSON object',
    InvalidCommentToken: 'comments are not allowed in JSON',
    UnexpectedEndOfComment: 'comments are not allowed in JSON',
    UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfNumber: 'unterminated number',
    InvalidUnicode: 'invalid \\u escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in a string (line breaks must be written \\n)',
  };
  return words[code] ?? code;
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
