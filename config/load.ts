/**
 * Loading the project file: YAML → schema → cross-field rules → environment overrides.
 * Returns every problem as `path: message`, never throws for a bad file.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { ConfigSchema, type RadarConfig, type SourceConfig } from './schema.js';
import { alertProblems } from './alerts-check.js';

/** The outcome of loading a project file. */
export type LoadResult = { config: RadarConfig; path: string } | { errors: string[]; path: string };

/** Most times one YAML anchor may be expanded through aliases (the yaml library's default, stated). */
const MAX_ALIAS_COUNT = 100;

/** Default project file name, looked up in the working directory. */
export const DEFAULT_CONFIG_FILE = 'radar.yaml';

/** Formats a zod issue path as `brands[0].products[1].id`. */
function formatPath(path: PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}

/** The value at a path of the raw config, or undefined. */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v = raw;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** A value as the message shows it: its kind and, when short, itself. */
function shown(value: unknown): string {
  const kind = value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a mapping' : typeof value;
  if (value === null || typeof value === 'object') return kind;
  // YAML reads 1e400 as Infinity: say so rather than print it as JSON's null.
  if (typeof value === 'number' && !Number.isFinite(value))
    return Number.isNaN(value) ? 'not a number (.nan)' : 'a number too large to hold';
  const text = JSON.stringify(value);
  return text.length <= 40 ? `${kind} ${text}` : kind;
}

function formatIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  if (issue.code === 'unrecognized_keys') {
    return `${formatPath(issue.path)}: unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling; see radar.schema.json)`;
  }
  if (issue.code === 'invalid_type') {
    const value = valueAt(raw, issue.path);
    // zod does not say whether the key was missing or had a value of another type: look.
    if (value === undefined) return `${formatPath(issue.path)}: required (expected ${issue.expected})`;
    const expected = issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a mapping (key: value lines)' : issue.expected;
    return `${formatPath(issue.path)}: expected ${expected}, got ${shown(value)}`;
  }
  if (issue.code === 'too_big' && issue.origin === 'number') {
    const value = valueAt(raw, issue.path);
    return `${formatPath(issue.path)}: at most ${Number(issue.maximum).toLocaleString('en-US')}${typeof value === 'number' ? `, got ${value.toLocaleString('en-US')}` : ''}`;
  }
  return `${formatPath(issue.path)}: ${issue.message}`;
}

/** Cross-field rules the schema cannot express; each returns its problems as `path: message`. */
const rules: ((raw: unknown) => string[])[] = [uniqueIds, alertProblems];

function uniqueIds(raw: unknown): string[] {
  const problems: string[] = [];
  if (!raw || typeof raw !== 'object') return problems;
  const cfg = raw as { brands?: unknown; sources?: unknown };
  const seen = new Map<string, Map<string, string>>([
    ['brand', new Map()],
    ['product', new Map()],
    ['source', new Map()],
  ]);
  const note = (kind: string, value: unknown, path: string) => {
    if (typeof value !== 'string') return;
    const first = seen.get(kind)!.get(value);
    if (first) problems.push(`${path}: duplicate ${kind} id "${value}" (first used at ${first}); ids must be unique`);
    else seen.get(kind)!.set(value, path);
  };
  const sources = (list: unknown, base: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((s, i) => note('source', (s as { id?: unknown })?.id, `${base}[${i}].id`));
  };
  if (Array.isArray(cfg.brands)) {
    cfg.brands.forEach((b: unknown, bi: number) => {
      const brand = (b ?? {}) as { id?: unknown; products?: unknown; sources?: unknown };
      note('brand', brand.id, `brands[${bi}].id`);
      sources(brand.sources, `brands[${bi}].sources`);
      if (Array.isArray(brand.products)) {
        brand.products.forEach((p: unknown, pi: number) => {
          const product = (p ?? {}) as { id?: unknown; sources?: unknown };
          note('product', product.id, `brands[${bi}].products[${pi}].id`);
          sources(product.sources, `brands[${bi}].products[${pi}].sources`);
        });
      }
    });
  }
  sources(cfg.sources, 'sources');
  return problems;
}

/** Applies environment overrides (RADAR_MONGODB_URI, RADAR_REDIS_URL, RADAR_AUTHOR_SALT, RADAR_CHROMIUM_PATH, RADAR_ALLOW_PRIVATE_NETWORKS). */
export function applyEnv(config: RadarConfig, env: NodeJS.ProcessEnv = process.env): RadarConfig {
  const out = structuredClone(config);
  if (env.RADAR_MONGODB_URI) out.storage.mongodbUri = env.RADAR_MONGODB_URI;
  if (env.RADAR_REDIS_URL) out.queue.redisUrl = env.RADAR_REDIS_URL;
  if (env.RADAR_AUTHOR_SALT) out.privacy.authorSalt = env.RADAR_AUTHOR_SALT;
  if (env.RADAR_CHROMIUM_PATH) out.crawl.chromiumPath = env.RADAR_CHROMIUM_PATH;
  if (env.RADAR_ALLOW_PRIVATE_NETWORKS === '1' || env.RADAR_ALLOW_PRIVATE_NETWORKS === 'true') out.crawl.allowPrivateNetworks = true;
  return out;
}

/** Validates an already-parsed object (from YAML or JSON). */
export function validateConfig(raw: unknown): { config: RadarConfig } | { errors: string[] } {
  const errors: string[] = [];
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) errors.push(...parsed.error.issues.map((issue) => formatIssue(issue, raw)));
  for (const rule of rules) errors.push(...rule(raw));
  if (errors.length > 0 || !parsed.success) return { errors };
  return { config: parsed.data };
}

/** Parses YAML text and validates it; YAML syntax errors come back as `file:line:col: message`. */
export function parseConfig(text: string, file = DEFAULT_CONFIG_FILE): { config: RadarConfig } | { errors: string[] } {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      errors: doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        return `${file}${pos ? `:${pos.line}:${pos.col}` : ''}: ${(e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`;
      }),
    };
  }
  let raw: unknown;
  try {
    // Each alias may be expanded at most this often: a "billion laughs" file of nested aliases
    // would otherwise grow to gigabytes in memory.
    raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    return {
      errors: [
        `${file}: ${(err as Error).message.includes('alias') ? `its aliases ("*name") expand to too much (more than ${MAX_ALIAS_COUNT} copies of one anchor); write the values out instead` : (err as Error).message}`,
      ],
    };
  }
  if (raw === null || raw === undefined) return { errors: [`${file}: the file is empty; run \`radar init\` for a starter`] };
  return validateConfig(raw);
}

/** Reads, parses and validates the project file, then applies environment overrides. */
export async function loadConfig(path?: string, env: NodeJS.ProcessEnv = process.env): Promise<LoadResult> {
  const file = resolve(path ?? DEFAULT_CONFIG_FILE);
  let text: string;
  try {
    const bytes = await readFile(file);
    // Editors on some systems save UTF-16 with a byte-order mark; read it rather than report nonsense.
    if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
    else {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
      } catch {
        return { path: file, errors: [`${file}: not UTF-8 text; save it as UTF-8`] };
      }
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'not found' : (err as Error).message;
    return {
      path: file,
      errors: [`${file}: ${why}; create one with \`radar init\` or pass --config PATH`],
    };
  }
  const result = parseConfig(text, file);
  if ('errors' in result) return { ...result, path: file };
  return { config: applyEnv(result.config, env), path: file };
}

/** A source together with the brand and product it belongs to. */
export interface ResolvedSource {
  /** The source's settings. */
  source: SourceConfig;
  /** Brand id, for sources under a brand. */
  brand?: string;
  /** Product id, for sources under a product. */
  product?: string;
}

/** Every configured source, flattened, with its brand and product. */
export function listSources(config: RadarConfig): ResolvedSource[] {
  const out: ResolvedSource[] = [];
  for (const brand of config.brands) {
    for (const source of brand.sources) out.push({ source, brand: brand.id });
    for (const product of brand.products) {
      for (const source of product.sources) out.push({ source, brand: brand.id, product: product.id });
    }
  }
  for (const source of config.sources) out.push({ source });
  return out;
}
