/**
 * Changes to brands, products, sources and schedules, shared by the JSON API and the forms: each
 * value is checked by its part of the radar.yaml schema (errors by field), then the whole project
 * again (unique ids, cross-field rules) when it is saved.
 */
import { z } from 'zod';
import { BrandSchema, ProductSchema, SourceSchema, type RadarConfig, type SourceConfig } from '../config/schema.js';
import { listSources, type ResolvedSource } from '../config/load.js';
import {
  deleteBrand,
  deleteProduct,
  deleteSource,
  NotFoundError,
  patchSource,
  putBrand,
  putProduct,
  putSource,
  type SourceOwner,
} from './config-edit.js';
import { fieldErrors, ValidationError, type Project, type ProjectState } from './project.js';

/** A brand as the API takes it. */
export const BrandInputSchema = BrandSchema.pick({ id: true, name: true, own: true, aliases: true });

/** A product as the API takes it. */
export const ProductInputSchema = ProductSchema.pick({ id: true, name: true, aliases: true });

/** A source as the API takes it: the radar.yaml source, and the brand (and product) it belongs to. */
export const SourceInputSchema = SourceSchema.extend({
  brand: z
    .string()
    .optional()
    .describe('Brand the source belongs to (its reviews are about it); none for project-wide sources such as feeds.'),
  product: z.string().optional().describe('Product of that brand the source reviews.'),
});

/** A schedule as the API takes it: a preset or a cron expression, in a time zone. */
export const ScheduleInputSchema = z
  .strictObject({
    preset: z.enum(['none', 'hourly', 'daily', 'weekly', 'cron']).describe('"none" removes the schedule; "cron" uses `cron`.'),
    time: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM, e.g. 06:00')
      .default('06:00')
      .describe('Time of day for daily and weekly schedules (HH:MM); for hourly, its minutes.'),
    weekday: z.coerce.number().int().min(0).max(6).default(1).describe('Day of the week for weekly schedules, 0 = Sunday.'),
    cron: z.string().optional().describe('Cron expression when preset is "cron", e.g. "0 6 * * 1-5".'),
    timezone: z.string().optional().describe('IANA time zone the schedule is read in (default UTC).'),
  })
  .describe('When a source is crawled.');

/** A schedule input. */
export type ScheduleInput = z.infer<typeof ScheduleInputSchema>;

/** The cron expression a schedule input stands for (undefined: no schedule). */
export function cronOf(input: ScheduleInput): string | undefined {
  const [h, m] = input.time.split(':').map(Number) as [number, number];
  switch (input.preset) {
    case 'none':
      return undefined;
    case 'hourly':
      return `${m} * * * *`;
    case 'daily':
      return `${m} ${h} * * *`;
    case 'weekly':
      return `${m} ${h} * * ${input.weekday}`;
    case 'cron':
      return input.cron?.trim() || '';
  }
}

/** The preset a cron expression reads as, for filling the schedule form. */
export function presetOf(cron: string | undefined): Pick<ScheduleInput, 'preset' | 'time' | 'weekday'> & { cron?: string } {
  if (!cron) return { preset: 'none', time: '06:00', weekday: 1 };
  const f = cron.trim().split(/\s+/);
  const two = (n: string) => n.padStart(2, '0');
  const num = (s: string | undefined) => s !== undefined && /^\d+$/.test(s);
  if (f.length === 5 && num(f[0]) && f[1] === '*' && f[2] === '*' && f[3] === '*' && f[4] === '*')
    return { preset: 'hourly', time: `00:${two(f[0]!)}`, weekday: 1, cron };
  if (f.length === 5 && num(f[0]) && num(f[1]) && f[2] === '*' && f[3] === '*') {
    const time = `${two(f[1]!)}:${two(f[0]!)}`;
    if (f[4] === '*') return { preset: 'daily', time, weekday: 1, cron };
    if (/^[0-6]$/.test(f[4]!)) return { preset: 'weekly', time, weekday: Number(f[4]), cron };
  }
  return { preset: 'cron', time: '06:00', weekday: 1, cron };
}

/** Reads a whole-project problem list, blaming fields of the edited thing where the message names one. */
function blame(err: unknown, fields: string[]): never {
  if (err instanceof ValidationError && !Object.keys(err.fields).length) {
    const byField: Record<string, string> = {};
    const rest: string[] = [];
    for (const p of err.problems) {
      const m = /^\S*?\.?(\w+)(?:\[\d+\])?: (.*)$/.exec(p);
      if (m && fields.includes(m[1]!) && !byField[m[1]!]) byField[m[1]!] = m[2]!;
      else rest.push(p);
    }
    throw new ValidationError(byField, rest);
  }
  throw err;
}

function parse<T extends z.ZodType>(schema: T, input: unknown, lineFields: string[] = []): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error, lineFields));
  return parsed.data;
}

/** Adds a brand, or changes the brand `originalId` (with `check`, only validates). */
export async function saveBrand(project: Project, input: unknown, by: string, originalId?: string, check = false): Promise<ProjectState> {
  const brand = parse(BrandInputSchema, input);
  return project.edit((doc) => putBrand(doc, brand, originalId), by, { check }).catch((err) => blame(err, ['id', 'name', 'aliases']));
}

/** Removes a brand with its products and sources. */
export function removeBrand(project: Project, id: string, by: string): Promise<ProjectState> {
  return project.edit((doc) => deleteBrand(doc, id), by);
}

/** Adds a product to a brand, or changes the product `originalId`. */
export async function saveProduct(
  project: Project,
  brand: string,
  input: unknown,
  by: string,
  originalId?: string,
  check = false,
): Promise<ProjectState> {
  const product = parse(ProductInputSchema, input);
  return project
    .edit((doc) => putProduct(doc, brand, product, originalId), by, { check })
    .catch((err) => blame(err, ['id', 'name', 'aliases']));
}

/** Removes a product and its sources. */
export function removeProduct(project: Project, brand: string, id: string, by: string): Promise<ProjectState> {
  return project.edit((doc) => deleteProduct(doc, brand, id), by);
}

const SOURCE_FIELDS = [
  'id',
  'kind',
  'urls',
  'render',
  'maxPages',
  'profiles',
  'robots',
  'topReviewsOnly',
  'schedule',
  'timezone',
  'paused',
];

/**
 * URLs submitted through the app or its API may not point inside the server's own network (a
 * signed-in user must not turn the server into a probe of it) unless private networks are allowed:
 * `crawl.allowPrivateNetworks` or RADAR_ALLOW_PRIVATE_NETWORKS=1.
 */
export async function refusePrivateTargets(urls: string[], allowPrivateNetworks: boolean): Promise<void> {
  const allowed =
    allowPrivateNetworks || process.env.RADAR_ALLOW_PRIVATE_NETWORKS === '1' || process.env.RADAR_ALLOW_PRIVATE_NETWORKS === 'true';
  if (allowed) return;
  const { checkSubmittedUrl } = await import('../crawlers/net/address-policy.js');
  for (const url of urls) {
    try {
      await checkSubmittedUrl(url, false);
    } catch (err) {
      throw new ValidationError({ urls: (err as Error).message });
    }
  }
}

/** Adds a source, or changes the source `originalId` (moving it when its brand or product changed; with `check`, only validates). */
export async function saveSource(project: Project, input: unknown, by: string, originalId?: string, check = false): Promise<ProjectState> {
  const { brand, product, ...source } = parse(SourceInputSchema, input, ['urls']);
  await refusePrivateTargets(source.urls, (await project.current()).config.crawl.allowPrivateNetworks);
  if (product && !brand) throw new ValidationError({ product: 'choose the brand of the product too' });
  const owner: SourceOwner = { brand, product };
  // Only the keys a user sets are written: a default left unsaid stays unsaid in the YAML.
  const values: Record<string, unknown> = {};
  const raw = input as Record<string, unknown>;
  for (const key of SOURCE_FIELDS)
    values[key] = key in raw || key === 'id' || key === 'urls' ? source[key as keyof typeof source] : undefined;
  if (source.recipe) values.recipe = source.recipe;
  if (!source.paused) values.paused = undefined;
  return project
    .edit((doc) => putSource(doc, owner, values, originalId), by, { check })
    .catch((err) => {
      // The brand or product to put it under is part of the input: not there is a problem with a field, not a missing page.
      if (err instanceof NotFoundError && /^no (brand|product) /.test(err.message) && !err.message.startsWith(`no source`))
        throw new ValidationError({
          [err.message.startsWith('no brand') ? 'brand' : 'product']: `${err.message}: add it first, or choose another`,
        });
      return blame(err, SOURCE_FIELDS);
    });
}

/** Removes a source (its documents and runs stay in the store). */
export function removeSource(project: Project, id: string, by: string): Promise<ProjectState> {
  return project.edit((doc) => deleteSource(doc, id), by);
}

/** Sets a source's schedule. */
export async function saveSchedule(project: Project, id: string, input: unknown, by: string): Promise<ProjectState> {
  const s = parse(ScheduleInputSchema, input);
  const cron = cronOf(s);
  if (s.preset === 'cron' && !cron) throw new ValidationError({ cron: 'write a cron expression, e.g. "0 6 * * 1-5"' });
  const checked = parse(SourceSchema.pick({ schedule: true, timezone: true }), { schedule: cron, timezone: s.timezone || undefined });
  return project
    .edit((doc) => patchSource(doc, id, { schedule: checked.schedule, timezone: cron ? checked.timezone : undefined }), by)
    .catch((err) => blame(err, ['schedule', 'timezone']));
}

/** Pauses or resumes a source's schedule. */
export function setPaused(project: Project, id: string, paused: boolean, by: string): Promise<ProjectState> {
  return project.edit((doc) => patchSource(doc, id, { paused: paused ? true : undefined }), by);
}

/** A configured source with its brand and product, or undefined. */
export function sourceById(config: RadarConfig, id: string): ResolvedSource | undefined {
  return listSources(config).find((t) => t.source.id === id);
}

/** A source as the API shows it. */
export function sourceView(t: ResolvedSource): SourceConfig & { brand?: string; product?: string } {
  return { ...t.source, ...(t.brand ? { brand: t.brand } : {}), ...(t.product ? { product: t.product } : {}) };
}
