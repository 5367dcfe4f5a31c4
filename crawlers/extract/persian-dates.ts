/**
 * Dates as Persian pages write them: Persian or Arabic-Indic digits, the Solar Hijri (Jalali)
 * calendar ("۱۲ مرداد ۱۴۰۲", "1402/05/12") and relative times ("۲ هفته پیش", "دیروز"). The
 * calendar conversion uses the Persian calendar of the runtime's ICU, so no table is kept here.
 */

const DIGITS = /[\u06F0-\u06F9\u0660-\u0669]/g;

/** Text with Persian and Arabic-Indic digits written as ASCII digits. */
export function asciiDigits(text: string): string {
  return text.replace(DIGITS, (d) => String((d.charCodeAt(0) - (d >= '\u06F0' ? 0x06f0 : 0x0660)) % 10));
}

const MONTHS = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];
const persian = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' });

function partsOf(date: Date): [number, number, number] {
  const parts = persian.formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return [get('year'), get('month'), get('day')];
}

/** The Gregorian day (YYYY-MM-DD) of a Solar Hijri date; undefined when there is none. */
export function fromJalali(year: number, month: number, day: number): string | undefined {
  if (year < 1300 || year > 1500 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const dayOfYear = month <= 6 ? (month - 1) * 31 + day - 1 : 186 + (month - 7) * 30 + day - 1;
  // The year starts on or near 21 March: guess, then step to the day the calendar agrees on.
  const guess = Date.UTC(year + 621, 2, 21) + dayOfYear * 86_400_000;
  for (const k of [0, -1, 1, -2, 2]) {
    const date = new Date(guess + k * 86_400_000);
    const [y, m, d] = partsOf(date);
    if (y === year && m === month && d === day) return date.toISOString().slice(0, 10);
  }
  return undefined;
}

const UNITS: [RegExp, number][] = [
  [/^ثانیه/, 1000],
  [/^دقیقه/, 60_000],
  [/^ساعت/, 3_600_000],
  [/^روز/, 86_400_000],
  [/^هفته/, 604_800_000],
  [/^ماه/, 2_592_000_000],
  [/^سال/, 31_536_000_000],
];

/** Parses a date written the Persian way; undefined when the text holds none. */
export function parsePersianDate(input: string, referenceDate: Date): string | undefined {
  const text = asciiDigits(input).trim();
  const named = new RegExp(`(\\d{1,2})\\s*(${MONTHS.join('|')})\\s*(\\d{4})`).exec(text);
  if (named) return fromJalali(Number(named[3]), MONTHS.indexOf(named[2] as string) + 1, Number(named[1]));
  const numeric = /(1[34]\d\d)[/.-](\d{1,2})[/.-](\d{1,2})/.exec(text);
  if (numeric) return fromJalali(Number(numeric[1]), Number(numeric[2]), Number(numeric[3]));
  const ago = /(\d+|یک)?\s*(ثانیه|دقیقه|ساعت|روز|هفته|ماه|سال)\s*(?:پیش|قبل)/.exec(text);
  if (ago) {
    const count = ago[1] && ago[1] !== 'یک' ? Number(ago[1]) : 1;
    const unit = UNITS.find(([re]) => re.test(ago[2] as string))?.[1] ?? 0;
    const date = new Date(referenceDate.getTime() - count * unit);
    // "99999999999999 روز پیش" is no date (and would not print as one).
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  }
  if (text.length <= 30 && /(?:^|\s)دیروز(?:$|\s|،)/.test(text))
    return new Date(referenceDate.getTime() - 86_400_000).toISOString().slice(0, 10);
  if (text.length <= 30 && /(?:^|\s)امروز(?:$|\s|،)/.test(text)) return referenceDate.toISOString().slice(0, 10);
  return undefined;
}
