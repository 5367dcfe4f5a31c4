/**
 * What the API routes share: the error body (a message a user can act on, and the fields to
 * blame), the hook that turns a failed validation into it, and the mapping of the app's errors to
 * status codes.
 */
import { z } from 'zod';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ConfigConflictError } from '../../pipeline/project-config.js';
import { NotFoundError } from '../config-edit.js';
import { fieldErrors, ValidationError } from '../project.js';

/** The body of every error answer. */
export const ErrorSchema = z
  .object({
    error: z.string().describe('What went wrong and what to do.'),
    fields: z.record(z.string(), z.string()).optional().describe('Field name → problem, for input that did not validate.'),
    problems: z.array(z.string()).optional().describe('Other problems, as `path: message`.'),
  })
  .describe('An error.');

type ErrorCode = 400 | 401 | 403 | 404 | 409 | 503;
type ErrorAnswer = { description: string; content: { 'application/json': { schema: typeof ErrorSchema } } };

const ERROR_TEXT: Record<ErrorCode, string> = {
  400: 'Input that does not validate (fields say which).',
  401: 'Not signed in.',
  403: 'Viewer role, or a missing CSRF token.',
  404: 'Not found.',
  409: 'Changed by someone else meanwhile: reload.',
  503: 'A service (Redis, the store) is not answering.',
};

/** Error answers for an OpenAPI route. */
export function errors<const C extends readonly ErrorCode[]>(...codes: C): { [K in C[number]]: ErrorAnswer } {
  return Object.fromEntries(
    codes.map((c) => [c, { description: ERROR_TEXT[c], content: { 'application/json': { schema: ErrorSchema } } }]),
  ) as { [K in C[number]]: ErrorAnswer };
}

/** JSON answers with a schema, for an OpenAPI route. */
export function json<T extends z.ZodType>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description };
}

/** The hook of every route: a request that does not validate gets 400 with its fields. */
export function validationHook(result: { success: boolean; error?: unknown }, c: Context): Response | undefined {
  if (result.success) return undefined;
  const fields = fieldErrors(result.error as z.ZodError, ['urls']);
  return c.json(
    {
      error: `invalid input: ${Object.entries(fields)
        .map(([k, v]) => `${k}: ${v}`)
        .join('; ')}`,
      fields,
    },
    400,
  );
}

/** Maps an error of a change to its answer. */
export function changeError(c: Context, err: unknown): Response {
  if (err instanceof ValidationError) {
    const status: ContentfulStatusCode = 400;
    return c.json({ error: `not saved: ${err.message}`, fields: err.fields, problems: err.problems }, status);
  }
  if (err instanceof NotFoundError) return c.json({ error: err.message }, 404);
  if (err instanceof ConfigConflictError) return c.json({ error: err.message }, 409);
  throw err;
}
