import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { GuardError } from '../src/core/errors.ts';

/** A JSON response of the HTTP contract. */
export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyResultV2 {
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) };
}

/**
 * The one mapping from errors to HTTP responses: a GuardError with a 4xx status shows its code and
 * message; anything else is a 500 that carries no internal detail.
 */
export function errorResponse(error: unknown, statusOf: (error: GuardError) => number | undefined = () => undefined): APIGatewayProxyResultV2 {
  if (error instanceof GuardError) {
    const status = statusOf(error) ?? (error.code === 'CAMPAIGN_INPUT_INVALID' ? 400 : undefined);
    if (status !== undefined && status < 500) return json(status, { error: { code: error.code, message: error.message } });
  }
  return json(500, { error: { code: 'INTERNAL', message: 'Something went wrong on our side; nothing was sent.' } });
}
