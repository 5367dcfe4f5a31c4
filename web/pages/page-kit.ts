/** What the pages' routes share: the page frame's facts, and how a failed change reads in a form. */
import type { Context } from 'hono';
import type { AppContext, AppEnv } from '../app-context.js';
import { NotFoundError } from '../config-edit.js';
import { ConfigConflictError } from '../../pipeline/project-config.js';
import { ValidationError } from '../project.js';
import type { PageInfo } from './layout.js';

/** Who a change made in a form is recorded as. */
export const BY_FORM = 'web app';

/** A comma- or line-separated list, trimmed, empties dropped. */
export const list = (s: unknown) =>
  String(s ?? '')
    .split(/[,\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** The facts the page frame needs. */
export function pageInfo(app: AppContext, c: Context<AppEnv>, title: string, project: string): PageInfo {
  return { title, project, path: c.req.path, viewer: c.get('viewer'), serviceMode: !!app.queues };
}

/** The field errors of a failed change, and the problems that belong to no field. */
export function problemsOf(err: unknown): { errors: Record<string, string>; problems: string[] } {
  if (err instanceof ValidationError) {
    const errors = { ...err.fields };
    // The schedule's cron and time zone are checked as the source's `schedule` and `timezone`.
    if (errors.schedule) errors.cron = errors.schedule;
    return { errors, problems: err.problems };
  }
  if (err instanceof ConfigConflictError || err instanceof NotFoundError) return { errors: {}, problems: [err.message] };
  throw err;
}

/**
 * Saves a change a form posted: once saved, a 303 to `then`; when it is refused, `again` renders the
 * form with what was wrong beside its fields — a page, not a failed load (the API answers 400).
 * An error `again` does not know (see `problemsOf`) is thrown on.
 */
export async function saveFromForm(
  c: Context<AppEnv>,
  save: () => Promise<unknown>,
  then: string,
  again: (err: unknown) => Parameters<Context<AppEnv>['html']>[0],
): Promise<Response> {
  try {
    await save();
  } catch (err) {
    return c.html(again(err), 200);
  }
  return c.redirect(then, 303);
}
