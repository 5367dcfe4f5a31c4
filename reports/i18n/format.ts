/**
 * Numbers, shares and dates in the reader's language, through Intl: "1,234" or "1 234" or "۱٬۲۳۴",
 * "45%" or "45 %" or "٪۴۵", dates in the reader's calendar and digits (Persian readers get the
 * Solar Hijri calendar their locale defaults to). Report times are UTC, as the report says.
 */

/** Formats a report's figures for one locale. */
export interface Formatter {
  /** A count: 1234 → "1,234". */
  num(n: number): string;
  /** A share in [0, 1] as a whole percentage: 0.456 → "46%". */
  pct(share: number): string;
  /** A signed figure with two decimals, the sign shown unless zero: 0.25 → "+0.25". */
  signed(n: number): string;
  /** A figure with a fixed number of decimals: (4.5, 2) → "4.50". */
  fixed(n: number, digits: number): string;
  /** An ISO 8601 date-time as a date: "2025-07-01T10:00:00Z" → "Jul 1, 2025". */
  date(iso: string): string;
  /** An ISO 8601 date-time as date and time of day, in UTC. */
  dateTime(iso: string): string;
  /** A "YYYY-MM" month as the reader writes it: "2025-07" → "Jul 2025". */
  month(yyyyMm: string): string;
  /** Short weekday names from Sunday. */
  weekdays: string[];
}

const cache = new Map<string, Formatter>();

/** The formatter of a locale (cached: Intl formatters are costly to build). */
export function formatterFor(locale: string): Formatter {
  let f = cache.get(locale);
  if (f) return f;
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const share = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const sign = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });
  const decimals = new Map<number, Intl.NumberFormat>();
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dayTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const monthYear = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  // 2023-01-01 was a Sunday.
  const weekdays = Array.from({ length: 7 }, (_, i) => weekday.format(Date.UTC(2023, 0, 1 + i)));
  const valid = (iso: string) => !Number.isNaN(Date.parse(iso));
  f = {
    num: (n) => count.format(n),
    // -0 would read "-0%".
    pct: (x) => share.format(Math.round(x * 100) / 100 || 0),
    signed: (n) => sign.format(n),
    fixed: (n, digits) => {
      let d = decimals.get(digits);
      if (!d) decimals.set(digits, (d = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
      return d.format(n);
    },
    date: (iso) => (valid(iso) ? day.format(Date.parse(iso)) : iso),
    dateTime: (iso) => (valid(iso) ? dayTime.format(Date.parse(iso)) : iso),
    month: (m) => (/^\d{4}-\d{2}$/.test(m) ? monthYear.format(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 1)) : m),
    weekdays,
  };
  cache.set(locale, f);
  return f;
}
