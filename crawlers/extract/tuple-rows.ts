/**
 * Reviews kept as positional rows (arrays of arrays, as protobuf-style page state does): columns
 * are recognised by what their values look like across rows — prose, a 1–5 integer, an epoch
 * timestamp, a short name — since there are no field names to go by.
 */
import type { DataContext } from './data-fields.js';
import { parseDate } from './dates.js';
import { htmlToText, wordCount } from './text.js';
import type { ExtractedItem } from './types.js';

const MIN_EPOCH = 946_684_800; // 2000-01-01
const MAX_EPOCH = 4_102_444_800; // 2100-01-01

function epochOf(v: unknown): number | undefined {
  if (typeof v === 'number' && v > MIN_EPOCH && v < MAX_EPOCH) return v;
  if (typeof v === 'number' && v > MIN_EPOCH * 1000 && v < MAX_EPOCH * 1000) return v / 1000;
  if (Array.isArray(v) && v.length <= 2 && typeof v[0] === 'number' && v[0] > MIN_EPOCH && v[0] < MAX_EPOCH) return v[0];
  return undefined;
}

function nameOf(v: unknown): string | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  if (typeof s !== 'string') return undefined;
  const t = s.trim();
  if (t.length < 2 || t.length > 60 || /[\n/\\]|^\d+$|^https?:/.test(t) || wordCount(t) > 5) return undefined;
  return t;
}

/** A reply kept as a small row of its own: [name?, text, time?]. */
function replyIn(v: unknown): { text: string; name?: string; epoch?: number } | undefined {
  if (!Array.isArray(v) || v.length > 6) return undefined;
  const text = v.find(isProseValue);
  if (!text) return undefined;
  const name = nameOf(v[0]);
  const epoch = v.map(epochOf).find((e) => e !== undefined);
  return { text, ...(name && v[0] !== text ? { name } : {}), ...(epoch !== undefined ? { epoch } : {}) };
}

// Ids: one token each, all different, long, and mixing letters with digits or punctuation.
function isIdColumn(values: unknown[]): boolean {
  return values.every((v) => typeof v === 'string' && /^\S{8,}$/.test(v) && /[\d:_-]/.test(v)) && new Set(values).size === values.length;
}

function isProseValue(v: unknown): v is string {
  return typeof v === 'string' && wordCount(v) >= 5 && !/^https?:/.test(v);
}

function share<T>(rows: unknown[][], col: number, test: (v: unknown) => T | undefined | false): number {
  let n = 0;
  for (const row of rows) if (test(row[col])) n++;
  return n / rows.length;
}

/** Reviews from positional rows; empty unless a prose column, a rating column and a date column all stand out. */
export function tupleReviews(rows: unknown[][], ctx: DataContext): ExtractedItem[] {
  const candidates = rows.filter((r) => Array.isArray(r) && r.length >= 4);
  if (candidates.length < 2 || candidates.length < rows.length * 0.8) return [];
  let width = 0;
  for (const r of candidates) width = Math.max(width, Math.min(40, r.length));
  let textCol = -1;
  let ratingCol = -1;
  let dateCol = -1;
  let nameCol = -1;
  let idCol = -1;
  let best = 0;
  for (let c = 0; c < width; c++) {
    const prose = share(candidates, c, isProseValue);
    if (prose >= 0.6 && prose > best) {
      best = prose;
      textCol = c;
    }
  }
  if (textCol < 0) return [];
  for (let c = 0; c < width; c++) {
    if (c === textCol) continue;
    if (ratingCol < 0 && share(candidates, c, (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5) >= 0.9)
      ratingCol = c;
    else if (dateCol < 0 && share(candidates, c, epochOf) >= 0.9) dateCol = c;
    else if (idCol < 0 && c < textCol && isIdColumn(candidates.map((r) => r[c]))) idCol = c;
    else if (nameCol < 0 && share(candidates, c, nameOf) >= 0.9) nameCol = c;
  }
  if (ratingCol < 0 || dateCol < 0) return [];
  // The business's reply: a column that, on some rows, holds a name, a prose text and a time.
  let replyCol = -1;
  for (let c = 0; c < width && replyCol < 0; c++) {
    if (c === textCol) continue;
    const some = candidates.filter((r) => replyIn(r[c]) !== undefined).length;
    if (some >= 1 && some >= candidates.length * 0.1) replyCol = c;
  }
  const items: ExtractedItem[] = [];
  for (const row of candidates) {
    const text = row[textCol];
    if (!isProseValue(text)) continue;
    const item: ExtractedItem = { body: htmlToText(text) };
    const rating = row[ratingCol];
    if (typeof rating === 'number') item.rating = { value: rating, best: 5, worst: 1 };
    const epoch = epochOf(row[dateCol]);
    const date = epoch === undefined ? undefined : parseDate(epoch, ctx.dates);
    if (date) item.publishedAt = date;
    const name = nameCol >= 0 ? nameOf(row[nameCol]) : undefined;
    if (name) item.author = name;
    if (idCol >= 0) item.siteId = String(row[idCol]);
    const reply = replyCol >= 0 ? replyIn(row[replyCol]) : undefined;
    if (reply) {
      const at = reply.epoch === undefined ? undefined : parseDate(reply.epoch, ctx.dates);
      item.reply = { body: htmlToText(reply.text), ...(reply.name ? { author: reply.name } : {}), ...(at ? { publishedAt: at } : {}) };
    }
    items.push(item);
  }
  return items;
}
