/**
 * Generalising what describes a person before a report shows it, so that a persona's attribute
 * table cannot single anyone out: a stated age is shown by decade, a profile location by its last
 * part (the region or country, never the street or town first), and a value that fewer than
 * MIN_GROUP members share is pooled into "other". The stored analyses keep what was stated; only
 * the report generalises.
 */

/** Fewest members behind a value of a describing attribute that a report shows (k-anonymity). */
export const MIN_GROUP = 3;

/** Attribute types that describe who someone is (quasi-identifiers): generalised and pooled in reports. */
export const IDENTIFYING_ATTRIBUTES = new Set(['age', 'location', 'role', 'life-stage', 'gender']);

/** The pooled value of rare identifying values. */
export const OTHER = 'other';

/** A stated age by decade ("34" → "30s", "17" → "under 20"); "30s" and "50+" stay as they are. */
export function ageBand(value: string): string {
  if (!/^\d+$/.test(value)) return value;
  const n = Number(value);
  return n < 20 ? 'under 20' : `${Math.floor(n / 10) * 10}s`;
}

/**
 * The region of a profile location: its last comma-separated part ("Austin, TX" → "TX", "Lyon,
 * France" → "France"). Undefined when nothing usable is left: redacted, numeric or overlong values.
 */
export function regionOf(location: string | undefined): string | undefined {
  if (!location) return undefined;
  const parts = location
    .split(/[,;·|]/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const last = parts.at(-1);
  if (!last || last.length < 2 || last.length > 40) return undefined;
  if (/[[\]\d@<>{}]/.test(last) || !/\p{L}/u.test(last)) return undefined;
  return last;
}
