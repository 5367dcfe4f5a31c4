/**
 * Importing attitudinal data that is not crawled — exported reviews, open-ended survey answers,
 * social posts — from CSV or JSONL rows: columns mapped to document fields (by common names or
 * `--map col=field`), every row checked, and a per-row error report. Pure: no file or store I/O.
 */
import type { RadarConfig } from '../config/schema.js';
import type { Author, RadarDocument, Rating } from '../domain/types.js';
import { parseDate } from '../crawlers/extract/dates.js';
import { makeRating, parseRatingText } from '../crawlers/extract/ratings.js';
import { createBrandLinker } from '../crawlers/brand-linker.js';
import { hash } from 'node:crypto';
import { authorKeyOf, buildDocument, cleanText, isWebAddress, textKeyOf, type DocumentPolicy } from '../domain/document.js';
import { redactPII } from '../privacy/redact.js';
import { decodeHTMLStrict } from 'entities';

/**
 * Text as people wrote it: exports from web tools often keep HTML character references, some
 * escaped several times ("&amp;amp;#39;" for an apostrophe), which would otherwise be read as words.
 * Only whole references (with their semicolon) are read: "AT&T" and "&copycats" stay as they are.
 */
function unescaped(text: string | undefined): string | undefined {
  let out = text;
  for (let round = 0; out && round < 4; round++) {
    const next = decodeHTMLStrict(out);
    if (next === out) break;
    out = next;
  }
  return out;
}

/** Document fields a column can be mapped to. */
export const IMPORT_FIELDS = [
  'body',
  'title',
  'rating',
  'author',
  'publishedAt',
  'id',
  'url',
  'lang',
  'brand',
  'product',
  'location',
] as const;
/** One importable field. */
export type ImportField = (typeof IMPORT_FIELDS)[number];

// Column names recognised without a mapping (lower-cased, punctuation folded to spaces).
const GUESSES: Record<ImportField, string[]> = {
  body: [
    'body',
    'text',
    'review text',
    'review',
    'review body',
    'content',
    'comment',
    'comments',
    'answer',
    'response',
    'feedback',
    'message',
  ],
  title: ['title', 'summary', 'headline', 'review title', 'subject'],
  rating: ['rating', 'stars', 'score', 'star rating', 'review rating'],
  author: ['author', 'user', 'username', 'user name', 'reviewer', 'name', 'respondent'],
  publishedAt: [
    'date',
    'published',
    'published at',
    'publishedat',
    'created',
    'created at',
    'time',
    'timestamp',
    'review date',
    'submitted',
    'tweet created',
  ],
  id: ['id', 'review id', 'reviewid', 'response id', 'guid'],
  url: ['url', 'link', 'permalink'],
  lang: ['lang', 'language'],
  brand: ['brand'],
  product: ['product', 'product name', 'item'],
  location: ['location', 'country', 'city', 'user location', 'tweet location'],
};

function fold(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Parses `col=field` mappings; throws with a clear message on an unknown field. */
export function parseMappings(specs: string[]): Map<string, ImportField> {
  const out = new Map<string, ImportField>();
  for (const spec of specs) {
    const i = spec.lastIndexOf('=');
    if (i <= 0) throw new Error(`--map ${spec}: expected column=field, e.g. --map "Review Text=body"`);
    const col = spec.slice(0, i).trim();
    const field = spec.slice(i + 1).trim() as ImportField;
    if (!IMPORT_FIELDS.includes(field)) throw new Error(`--map ${spec}: unknown field "${field}"; fields are ${IMPORT_FIELDS.join(', ')}`);
    out.set(col, field);
  }
  return out;
}

/** Decides which column feeds which field: explicit mappings first, then recognised names. */
export function resolveColumns(
  columns: string[],
  mappings: Map<string, ImportField>,
): { fields: Map<ImportField, string>; problems: string[] } {
  const fields = new Map<ImportField, string>();
  const problems: string[] = [];
  for (const [col, field] of mappings) {
    if (!columns.includes(col)) problems.push(`--map ${col}=${field}: the file has no column "${col}" (columns: ${columns.join(', ')})`);
    else fields.set(field, col);
  }
  for (const field of IMPORT_FIELDS) {
    if (fields.has(field)) continue;
    const col = columns.find((c) => GUESSES[field].includes(fold(c)) && ![...fields.values()].includes(c));
    if (col) fields.set(field, col);
  }
  if (!fields.has('body')) {
    // A "column name" that reads like a sentence is the first row of a file without a header.
    const headerless = columns.some((c) => c.trim().split(/\s+/).length >= 6);
    problems.push(
      `no text column found (columns: ${columns.join(', ')}); map one with --map "COLUMN=body"${headerless ? ', or, if the file has no header row, name its columns with --columns (e.g. --columns text,label)' : ''}`,
    );
  }
  return { fields, problems };
}

/** Settings of one import. */
export interface ImportSettings {
  /** Source id the documents are stored under. */
  sourceId: string;
  /** Review or mention. */
  kind: 'review' | 'mention';
  /** Brand id for every row (required for reviews unless a brand column is mapped). */
  brand?: string;
  /** Product id for every row. */
  product?: string;
  /** Best value of the rating scale when rows give bare numbers. */
  ratingScale: number;
  /** Worst value of bare-number ratings, when the scale does not start at 1 (0 for NPS answers). */
  ratingWorst?: number;
  /** Name of the file (scopes author keys and row identities). */
  file: string;
  /** Import time (ISO 8601). */
  now: string;
}

/** What rows became. */
export interface ImportPlan {
  /** Documents to upsert. */
  documents: RadarDocument[];
  /** Author locations to record. */
  authors: Author[];
  /** Per-row problems: `row N: message`. */
  errors: string[];
  /** Product values not in the config (imported under a slug of the value). */
  unknownProducts: string[];
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '') || 'unnamed'
  );
}

// Fields whose value may be a JSON number as well as a string (CSV values are always strings).
// Texts, addresses and language codes must be strings: a number or `true` there is a mistake in
// the file, not a review.
const NUMBER_ALLOWED: ReadonlySet<ImportField> = new Set(['id', 'rating', 'publishedAt', 'author', 'brand', 'product', 'location']);

const WHAT: Record<ImportField, string> = {
  body: 'text',
  title: 'text',
  rating: 'a rating',
  author: 'an author name',
  publishedAt: 'a date',
  id: 'an id',
  url: 'a web address',
  lang: 'a language code',
  brand: 'a brand',
  product: 'a product',
  location: 'a location',
};

function describeValue(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'boolean') return `the value ${v}`;
  return `the number ${String(v)}`;
}

/**
 * Why a row's mapped values cannot be read as what they stand for (an object, list or boolean, a
 * number where text belongs, an id number too large to read exactly), or undefined when they can.
 * JSON rows only: CSV cells are strings.
 */
export function wrongType(row: Record<string, unknown>, fields: Map<ImportField, string>): string | undefined {
  for (const [field, col] of fields) {
    const v = row[col];
    if (v === undefined || v === null || typeof v === 'string') continue;
    const what = WHAT[field];
    if (typeof v === 'number') {
      if (!NUMBER_ALLOWED.has(field)) return `"${col}" is ${describeValue(v)}, not ${what}: write it as a JSON string`;
      // JSON.parse has already rounded such a number: two different ids could end up the same.
      if (field === 'id' && !(Math.abs(v) <= Number.MAX_SAFE_INTEGER))
        return `"${col}" is a number too large to read exactly (it reads as ${String(v)}); write the id as a JSON string`;
      continue;
    }
    return `"${col}" is ${describeValue(v)}, not ${what}${field === 'id' ? ' (use a string or a whole number)' : ''}`;
  }
  return undefined;
}

/** Turns rows into documents, collecting every row's problems. */
export function planImport(
  rows: Record<string, unknown>[],
  fields: Map<ImportField, string>,
  settings: ImportSettings,
  config: RadarConfig,
  policy: DocumentPolicy,
): ImportPlan {
  const link = createBrandLinker(config);
  const brandIds = new Set(config.brands.map((b) => b.id));
  const productIds = new Map(config.brands.flatMap((b) => b.products.map((p) => [p.id, b.id] as const)));
  const plan: ImportPlan = { documents: [], authors: [], errors: [], unknownProducts: [] };
  const unknown = new Set<string>();
  const get = (row: Record<string, unknown>, f: ImportField): string | undefined => {
    const col = fields.get(f);
    const v = col === undefined ? undefined : row[col];
    if (v === undefined || v === null) return undefined;
    const s = String(v).trim();
    return s === '' ? undefined : s;
  };
  // Rows without an id are known by what they say (and by who said it when): a row number would
  // make another file of the same name, or this one with a row removed, overwrite other people's
  // answers. The same text said again in one file counts again (short answers repeat).
  const seenTexts = new Map<string, number>();
  // The row that gave each document id: a later row with the same id would overwrite it unseen.
  const rowOfId = new Map<string, number>();
  rows.forEach((row, index) => {
    const n = index + 1;
    // A line the reader could not parse was reported there already.
    if (row['\u0000unreadable']) return;
    const typeProblem = wrongType(row, fields);
    if (typeProblem) {
      plan.errors.push(`row ${n}: ${typeProblem}`);
      return;
    }
    const body = unescaped(get(row, 'body'));
    const title = unescaped(get(row, 'title'));
    if (!body && !title) {
      plan.errors.push(`row ${n}: no text (the ${fields.get('body') ?? 'text'} column is empty)`);
      return;
    }
    let rating: Rating | undefined;
    const ratingText = get(row, 'rating');
    if (ratingText !== undefined) {
      rating = /^-?\d+([.,]\d+)?$/.test(ratingText)
        ? makeRating(ratingText.replace(',', '.'), settings.ratingScale, settings.ratingWorst)
        : parseRatingText(ratingText, settings.ratingScale);
      if (!rating) {
        plan.errors.push(
          `row ${n}: rating "${ratingText}" is not a number on a ${settings.ratingWorst ?? 1}–${settings.ratingScale} scale (set --rating-scale, e.g. 10 or 0-10)`,
        );
        return;
      }
    }
    const dateText = get(row, 'publishedAt');
    const publishedAt = dateText !== undefined ? parseDate(dateText) : undefined;
    if (dateText !== undefined && !publishedAt) {
      plan.errors.push(`row ${n}: date "${dateText}" could not be read (use ISO dates such as 2025-03-01)`);
      return;
    }
    const urlText = get(row, 'url');
    if (urlText !== undefined && !isWebAddress(urlText)) {
      // Reports link every quote to its source: only web addresses may become links.
      plan.errors.push(
        `row ${n}: url "${urlText.length > 60 ? `${urlText.slice(0, 57)}…` : urlText}" is not an http(s) address (leave the column empty to link to the file)`,
      );
      return;
    }
    let brand = settings.brand;
    const brandText = get(row, 'brand');
    if (brandText) {
      brand = brandIds.has(brandText) ? brandText : link(brandText).brands[0];
      if (!brand) {
        plan.errors.push(`row ${n}: brand "${brandText}" is not a brand (or alias) in radar.yaml`);
        return;
      }
    }
    let brands: string[] | undefined;
    let products: string[] | undefined;
    if (settings.kind === 'mention') {
      const links = link(`${title ?? ''}\n${body ?? ''}`);
      if (!brand && !links.brands.length) {
        plan.errors.push(`row ${n}: names no configured brand or product (mentions need one)`);
        return;
      }
      brands = [...new Set([...(brand ? [brand] : []), ...links.brands])];
      products = links.products;
      brand ??= brands[0];
    }
    if (!brand) {
      plan.errors.push(`row ${n}: no brand (pass --brand, or map a brand column)`);
      return;
    }
    let product = settings.product;
    const productText = get(row, 'product');
    if (productText) {
      const matched = productIds.has(productText) ? productText : link(productText).products[0];
      if (matched) product = matched;
      else {
        product = slug(productText);
        unknown.add(productText);
      }
    }
    const author = get(row, 'author');
    const contentId = () => {
      const key = `${author ?? ''}\u0000${publishedAt ?? ''}\u0000${textKeyOf(cleanText(`${title ?? ''}\n${body ?? ''}`))}`;
      const k = (seenTexts.get(key) ?? 0) + 1;
      seenTexts.set(key, k);
      return `text:${hash('sha256', key, 'hex').slice(0, 24)}${k > 1 ? `#${k}` : ''}`;
    };
    const doc = buildDocument(
      {
        kind: settings.kind,
        origin: 'import',
        sourceId: settings.sourceId,
        site: settings.file,
        url: urlText ?? `file:${settings.file}#row=${n}`,
        siteId: get(row, 'id') ?? contentId(),
        brand,
        brands,
        product,
        products,
        author,
        rating,
        title,
        body: body ?? '',
        lang: get(row, 'lang'),
        publishedAt,
        fetchedAt: settings.now,
      },
      policy,
    );
    const earlier = rowOfId.get(doc._id);
    if (earlier !== undefined) {
      plan.errors.push(
        `row ${n}: id "${get(row, 'id')}" was already used by row ${earlier}; each row needs its own id (this row is left out)`,
      );
      return;
    }
    rowOfId.set(doc._id, n);
    plan.documents.push(doc);
    const location = get(row, 'location');
    if (author && location) {
      plan.authors.push({
        _id: authorKeyOf(policy.salt, settings.file, undefined, author)!,
        site: settings.file,
        location: policy.redactPII ? redactPII(location) : location,
        firstSeenAt: settings.now,
        updatedAt: settings.now,
      });
    }
  });
  plan.unknownProducts = [...unknown].sort();
  return plan;
}
