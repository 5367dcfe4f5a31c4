/** The source form's fields as the API's source input (the same input the JSON API takes). */
import { cronOf, ScheduleInputSchema } from '../catalog.js';
import { fieldErrors } from '../project.js';
import { list } from './page-kit.js';
import type { SourceFormValues } from './source-form.js';

/** The fields of the source form that can carry an error. */
export const SOURCE_FORM_FIELDS = [
  'owner',
  'id',
  'urls',
  'kind',
  'render',
  'maxPages',
  'profiles',
  'topReviewsOnly',
  'robots',
  'preset',
  'time',
  'weekday',
  'cron',
  'timezone',
];

/** A source form's fields as the API's source input. */
export function sourceInput(
  form: SourceFormValues,
  paused: boolean | undefined,
): { input: Record<string, unknown>; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const owner = form.owner ?? '';
  let brand: string | undefined;
  let product: string | undefined;
  if (owner.startsWith('brand:')) brand = owner.slice(6);
  else if (owner.startsWith('product:')) [brand, product] = owner.slice(8).split('/') as [string, string];
  const maxPages = form.maxPages?.trim() ? Number(form.maxPages) : undefined;
  const schedule = ScheduleInputSchema.safeParse({
    preset: form.preset || 'none',
    time: form.time || '06:00',
    weekday: form.weekday || '1',
    cron: form.cron || undefined,
    timezone: form.timezone || undefined,
  });
  let cron: string | undefined;
  if (!schedule.success) Object.assign(errors, fieldErrors(schedule.error));
  else {
    cron = cronOf(schedule.data);
    if (schedule.data.preset === 'cron' && !cron) errors.cron = 'write a cron expression, e.g. "0 6 * * 1-5"';
  }
  const input: Record<string, unknown> = {
    id: form.id?.trim() ?? '',
    kind: form.kind || 'reviews',
    urls: list(form.urls?.replace(/,/g, '\n')).filter(Boolean),
    render: form.render || 'auto',
    maxPages: maxPages === undefined || Number.isNaN(maxPages) ? form.maxPages : maxPages,
    profiles: form.profiles === 'on',
    robots: form.robots || 'respect',
    topReviewsOnly: form.topReviewsOnly === 'on',
    schedule: cron,
    timezone: cron ? form.timezone || undefined : undefined,
    paused: paused || undefined,
    ...(brand ? { brand } : {}),
    ...(product ? { product } : {}),
  };
  if (input.maxPages === undefined) delete input.maxPages;
  return { input, errors };
}

/** A parsed form body as text values. */
export function formValues(body: Record<string, unknown>): SourceFormValues {
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]));
}
