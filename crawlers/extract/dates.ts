/**
 * Date parsing for review pages: ISO 8601, RFC 2822, numeric day/month orders, month names in
 * English, German, Russian, French and Spanish, CJK dates, epoch numbers and relative dates
 * ("3 hours ago", "vor 2 Tagen", "3 дня назад", "3小时前"). Dates are found inside longer text
 * ("Reviewed in the United Kingdom on 8 April 2016").
 */
import { parsePersianDate } from './persian-dates.js';

/** Options for {@link parseDate}. */
export interface DateOptions {
  /** Expected format, e.g. "DD.MM.YYYY" or "MMMM D, YYYY"; common formats are tried anyway. */
  format?: string;
  /** Locale (BCP 47) of the text: decides day/month order of "03/04/2025" and month names tried first. */
  locale?: string;
  /** Reference time for relative dates; defaults to now. */
  referenceDate?: Date;
}

const MONTHS: Record<string, number> = {};
function addMonths(names: string[][]): void {
  names.forEach((variants, i) => {
    for (const v of variants) MONTHS[v] = i + 1;
  });
}
addMonths([
  [
    'january',
    'jan',
    'januar',
    'jänner',
    'janvier',
    'janv',
    'enero',
    'ene',
    'января',
    'январь',
    'янв',
    'gennaio',
    'gen',
    'januari',
    'janeiro',
  ],
  [
    'february',
    'feb',
    'februar',
    'feber',
    'février',
    'févr',
    'fevr',
    'febrero',
    'февраля',
    'февраль',
    'фев',
    'февр',
    'febbraio',
    'februari',
    'fevereiro',
    'fev',
  ],
  ['march', 'mar', 'märz', 'maerz', 'mär', 'mars', 'marzo', 'марта', 'март', 'мар', 'maart', 'março', 'marco'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'апреля', 'апрель', 'апр', 'aprile'],
  ['may', 'mai', 'mayo', 'мая', 'май', 'maggio', 'mei', 'maio'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'июня', 'июнь', 'июн', 'giugno', 'junho'],
  ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'июля', 'июль', 'июл', 'luglio', 'lug', 'julho'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'августа', 'август', 'авг', 'augustus'],
  [
    'september',
    'sep',
    'sept',
    'septembre',
    'septiembre',
    'setiembre',
    'сентября',
    'сентябрь',
    'сен',
    'сент',
    'settembre',
    'set',
    'setembro',
  ],
  ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'октября', 'октябрь', 'окт', 'ottobre', 'ott', 'outubro', 'out'],
  ['november', 'nov', 'novembre', 'noviembre', 'ноября', 'ноябрь', 'ноя', 'нояб', 'novembro'],
  ['december', 'dec', 'dezember', 'dez', 'décembre', 'déc', 'diciembre', 'dic', 'декабря', 'декабрь', 'дек', 'dicembre', 'dezembro'],
]);

/** Month number (1–12) of a month name or abbreviation in a supported language. */
export function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTHS[w] ?? (w.length >= 3 ? MONTHS[w.slice(0, 3)] : undefined);
}

const MONTH_WORD = '([a-zà-ÿäöüéèûôçñ]{3,10}|[а-яё]{3,9})\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th|er|º)?';
const TIME = '(?:[T\\s,]+(?:at\\s+|um\\s+|в\\s+)?(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([ap]\\.?m\\.?)?)?';

const ISO = /(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/;
const RFC2822 = /\b(?:[a-z]{3},?\s+)?\d{1,2}\s+[a-z]{3}\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?\s*(?:[+-]\d{4}|GMT|UTC|UT|[ECMP][SD]T|Z)\b/i;
// C library / Ruby style, used by several APIs: "Wed Nov 15 08:00:00 +0000 2017".
const CTIME = /\b([a-z]{3})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})\s+([+-]\d{4}|UTC|GMT)\s+(\d{4})\b/i;
const YMD = /\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/;
const CJK_DATE = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?/;
const DMY_DOT = /\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})\b/;
const NUMERIC = /\b(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})\b/;
// A time of day right after a date ("24-02-2015 11:35", "2015/02/24 9:05 pm", "2015年2月24日 14:30").
const TIME_AFTER = /^(?:\s+|T|,\s*)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?m\.?)?(?![\d:])/i;

/** The time of day written right after a date match, if any: hour, minute, second, am/pm. */
function timeAfter(text: string, m: RegExpExecArray): [string, string, string | undefined, string | undefined] | [] {
  const t = TIME_AFTER.exec(text.slice(m.index + m[0].length));
  return t ? [t[1]!, t[2]!, t[3], t[4]] : [];
}
const MONTH_FIRST = new RegExp(`(?:^|[^\\p{L}])${MONTH_WORD}\\s+${DAY},?\\s+(\\d{4})${TIME}`, 'giu');
const DAY_FIRST = new RegExp(
  `(?:^|[^\\p{L}\\d])${DAY}(?:\\.?\\s*|-)(?:de\\s+)?${MONTH_WORD}(?:,?\\s+|-)(?:de\\s+)?(\\d{4})(?:\\s*г\\.?)?${TIME}`,
  'giu',
);

const UNIT_MS: Record<string, number> = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 604_800_000,
};

type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

const UNIT_WORDS: [RegExp, Unit][] = [
  [/^(?:s|secs?|seconds?|sekunden?|сек\S*|秒)$/i, 'second'],
  [/^(?:m|mins?|minutes?|minuten?|мин\S*|分钟?|分鐘)$/i, 'minute'],
  [/^(?:h|hrs?|hours?|stunden?|час\S*|小时|小時|時間)$/i, 'hour'],
  [/^(?:d|days?|tage?n?|tag|дн\S*|день|天|日)$/i, 'day'],
  [/^(?:w|wks?|weeks?|wochen?|недел\S*|周|週|週間|星期)$/i, 'week'],
  [/^(?:mo|mos|months?|monate?n?|monat|месяц\S*|个月|個月|月|ヶ月|か月)$/i, 'month'],
  [/^(?:y|yrs?|years?|jahren?|jahr|год\S*|лет|年)$/i, 'year'],
];

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  einem: 1,
  einer: 1,
  ein: 1,
  eine: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
  zehn: 10,
  один: 1,
  одну: 1,
  одна: 1,
  два: 2,
  две: 2,
  три: 3,
  четыре: 4,
  пять: 5,
};

const RELATIVE: RegExp[] = [
  /\b(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|wks?|weeks?|months?|yrs?|years?)\s+ago\b/i,
  /\bvor\s+(\d+|einem|einer|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn)\s+(sekunden?|minuten?|stunden?|tage?n?|wochen?|monate?n?|jahre?n?)\b/i,
  /(?:^|\s)(\d+|одну|один|два|две|три|четыре|пять)?\s*(сек\S*|минут\S*|час\S*|дн\S*|день|недел\S*|месяц\S*|год\S*|лет)\s+назад/i,
  /(\d+)\s*(秒|分钟|分鐘|小时|小時|天|日|周|週|星期|个月|個月|月|年)前/,
  /(\d+)\s*(秒|分|時間|日|週間|ヶ月|か月|年)前/,
  /\b(\d+)\s*([smhdwy]|mo)\s+ago\b/i,
];

const DAY_WORDS: [RegExp, number][] = [
  [/(?:^|[^\p{L}])(?:just now|moments? ago|gerade eben|soeben|только что|刚刚|剛剛)(?:$|[^\p{L}])/iu, 0],
  [/(?:^|[^\p{L}])(?:today|heute|сегодня|aujourd'hui|hoy|今天|今日)(?:$|[^\p{L}])/iu, 0],
  [/(?:^|[^\p{L}])(?:yesterday|gestern|вчера|ayer|昨天|昨日)(?:$|[^\p{L}])/iu, -1],
];

// What a text needs for any pattern of parseDate to match it (kept beside the patterns it summarises).
const MAY_BE_DATE = /[\s\-/.:年년前\u0600-\u06FF]/;
const DAY_WORD =
  /just now|moments? ago|gerade eben|soeben|только что|刚刚|剛剛|today|heute|сегодня|aujourd'hui|hoy|今天|今日|yesterday|gestern|вчера|ayer|昨天|昨日/iu;

/**
 * Whether a trimmed text can be a date at all (without a format): false for a bare number that is
 * no epoch (a count, an id: pages show thousands of them), and for one word such as "user123" or a
 * code, since every pattern needs a space, a separator (- / . :), a CJK date character, Persian
 * script or a day word. Readers that see many short texts ask this before parsing or caching.
 */
export function mayBeDate(text: string): boolean {
  if (/^\d+$/.test(text)) return /^\d{10}(?:\d{3})?$/.test(text);
  return MAY_BE_DATE.test(text) || DAY_WORD.test(text);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function validDay(y: number, m: number, d: number): boolean {
  if (y < 1970 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

function formatDate(y: number, m: number, d: number, h?: string, min?: string, s?: string, ampm?: string): string | undefined {
  if (!validDay(y, m, d)) return undefined;
  const day = `${y}-${pad(m)}-${pad(d)}`;
  if (h === undefined || min === undefined) return day;
  let hour = Number(h);
  if (ampm) {
    const pm = /^p/i.test(ampm);
    if (pm && hour < 12) hour += 12;
    if (!pm && hour === 12) hour = 0;
  }
  if (hour > 23 || Number(min) > 59) return day;
  // No zone is stated: keep local wall time rather than invent a UTC offset.
  return `${day}T${pad(hour)}:${min}:${s ?? '00'}`;
}

function dayFirstLocale(locale: string | undefined): boolean {
  if (!locale) return false;
  const l = locale.toLowerCase();
  // The US (and a few others) write month first; nearly everyone else writes day first.
  return !/^en(?:-(?:us|ph|ca))?$/.test(l) && !/^(?:fil|tl)/.test(l);
}

function fromEpoch(n: number): string | undefined {
  let ms: number;
  if (n > 9.4e11 && n < 4.2e12) ms = n;
  else if (n > 9.4e8 && n < 4.2e9) ms = n * 1000;
  else return undefined;
  return new Date(ms).toISOString();
}

function relative(text: string, ref: Date): string | undefined {
  for (const re of RELATIVE) {
    const m = re.exec(text);
    if (!m) continue;
    const rawCount = (m[1] ?? '1').toLowerCase();
    const count = /^\d+$/.test(rawCount) ? Number(rawCount) : (NUMBER_WORDS[rawCount] ?? 1);
    const word = m[2] ?? '';
    const short: Record<string, Unit> = { s: 'second', m: 'minute', h: 'hour', d: 'day', w: 'week', y: 'year', mo: 'month' };
    const unit = short[word.toLowerCase()] ?? UNIT_WORDS.find(([w]) => w.test(word))?.[1];
    if (!unit) continue;
    const date = new Date(ref.getTime());
    if (unit === 'month') date.setUTCMonth(date.getUTCMonth() - count);
    else if (unit === 'year') date.setUTCFullYear(date.getUTCFullYear() - count);
    else date.setTime(date.getTime() - count * (UNIT_MS[unit] ?? 0));
    // "99999999999 years ago" is no date (and would not print as one).
    if (Number.isNaN(date.getTime())) continue;
    return date.toISOString();
  }
  // Day words only count in short labels: "I bought it today" in prose is not a date.
  if (text.length > 40) return undefined;
  for (const [re, offset] of DAY_WORDS) {
    if (!re.test(text)) continue;
    const date = new Date(ref.getTime() + offset * 86_400_000);
    if (offset === 0 && /just|moment|gerade|soeben|только|刚|剛/i.test(text)) return date.toISOString();
    const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
    // "Today, 10:15 PM", "Вчера, 22:40": the day word with its time.
    const time = /(\d{1,2}):(\d{2})(?:\s*([ap])\.?m\.?)?/i.exec(text);
    if (!time) return day;
    let hour = Number(time[1]);
    if (time[3]?.toLowerCase() === 'p' && hour < 12) hour += 12;
    if (time[3]?.toLowerCase() === 'a' && hour === 12) hour = 0;
    return hour < 24 && Number(time[2]) < 60 ? `${day}T${pad(hour)}:${time[2]}:00` : day;
  }
  return undefined;
}

function withFormat(text: string, format: string): string | undefined {
  const groups: string[] = [];
  const tokenRe = /YYYY|YY|MMMM|MMM|MM|M|DD|D|HH|H|hh|h|mm|ss|A|a/g;
  let source = '';
  let last = 0;
  for (let m = tokenRe.exec(format); m; m = tokenRe.exec(format)) {
    source += format
      .slice(last, m.index)
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\s+/g, '\\s+');
    last = m.index + m[0].length;
    const t = m[0];
    groups.push(t);
    if (t === 'YYYY') source += '(\\d{4})';
    else if (t === 'MMMM' || t === 'MMM') source += '(\\p{L}+)\\.?';
    else if (t === 'A' || t === 'a') source += '([ap]\\.?m\\.?)';
    else source += t.length === 2 ? '(\\d{2})' : '(\\d{1,2})';
  }
  source += format.slice(last).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(source, 'iu').exec(text);
  if (!m) return undefined;
  const get = (...names: string[]): string | undefined => {
    const i = groups.findIndex((g) => names.includes(g));
    return i >= 0 ? m[i + 1] : undefined;
  };
  const y = get('YYYY', 'YY');
  const monthText = get('MMMM', 'MMM');
  const month = monthText ? monthNumber(monthText) : Number(get('MM', 'M'));
  const day = Number(get('DD', 'D'));
  if (!y || !month) return undefined;
  return formatDate(fullYear(y), month, day, get('HH', 'H', 'hh', 'h'), get('mm'), get('ss'), get('A', 'a'));
}

/**
 * Parses a date found in text (or an epoch number) into ISO 8601: a full timestamp when the time
 * is known, "YYYY-MM-DD" when only the day is. Returns undefined when no date is recognised.
 */
export function parseDate(input: unknown, opts: DateOptions = {}): string | undefined {
  if (typeof input === 'number') return fromEpoch(input);
  if (typeof input !== 'string') return undefined;
  const text = input.trim();
  if (!text || text.length > 300) return undefined;
  if (/^\d{10}(?:\d{3})?(?:\.\d+)?$/.test(text)) return fromEpoch(Number(text));

  if (opts.format) {
    const formatted = withFormat(text, opts.format);
    if (formatted) return formatted;
  }
  if (!mayBeDate(text)) return undefined;

  const iso = ISO.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, zone] = iso;
    if (zone && h !== undefined) {
      const date = new Date(
        `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${frac ?? ''}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`,
      );
      if (!Number.isNaN(date.getTime())) return date.toISOString();
    }
    const out = formatDate(Number(y), Number(mo), Number(d), h, mi, s);
    if (out) return out;
  }

  const rfc = RFC2822.exec(text);
  if (rfc) {
    const date = new Date(rfc[0]);
    if (!Number.isNaN(date.getTime())) return date.toISOString();
  }

  const ctime = CTIME.exec(text);
  if (ctime) {
    const [, mon, d, h, mi, sec, zone, y] = ctime;
    const month = monthNumber(mon ?? '');
    const offset = zone && /^[+-]/.test(zone) ? `${zone.slice(0, 3)}:${zone.slice(3)}` : 'Z';
    const date = month ? new Date(`${y}-${String(month).padStart(2, '0')}-${d?.padStart(2, '0')}T${h}:${mi}:${sec}${offset}`) : undefined;
    if (date && !Number.isNaN(date.getTime())) return date.toISOString();
  }

  const cjk = CJK_DATE.exec(text);
  if (cjk) {
    const out = formatDate(Number(cjk[1]), Number(cjk[2]), Number(cjk[3]), ...timeAfter(text, cjk));
    if (out) return out;
  }

  const ymd = YMD.exec(text);
  if (ymd) {
    const out = formatDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]), ...timeAfter(text, ymd));
    if (out) return out;
  }

  for (const named of text.matchAll(MONTH_FIRST)) {
    const month = monthNumber(named[1] ?? '');
    if (!month) continue;
    const out = formatDate(Number(named[3]), month, Number(named[2]), named[4], named[5], named[6], named[7]);
    if (out) return out;
  }
  for (const dayFirst of text.matchAll(DAY_FIRST)) {
    const month = monthNumber(dayFirst[2] ?? '');
    if (!month) continue;
    const out = formatDate(Number(dayFirst[3]), month, Number(dayFirst[1]), dayFirst[4], dayFirst[5], dayFirst[6], dayFirst[7]);
    if (out) return out;
  }

  const dot = DMY_DOT.exec(text);
  if (dot) {
    const out = formatDate(fullYear(dot[3] ?? ''), Number(dot[2]), Number(dot[1]), ...timeAfter(text, dot));
    if (out) return out;
  }

  const num = NUMERIC.exec(text);
  if (num) {
    const a = Number(num[1]);
    const b = Number(num[3]);
    const y = fullYear(num[4] ?? '');
    const dashDayFirst = num[2] === '-';
    let dayFirstOrder = dayFirstLocale(opts.locale) || dashDayFirst;
    if (a > 12) dayFirstOrder = true;
    else if (b > 12) dayFirstOrder = false;
    const time = timeAfter(text, num);
    const out = dayFirstOrder ? formatDate(y, b, a, ...time) : formatDate(y, a, b, ...time);
    if (out) return out;
  }

  // "01/02 10:00" (boards that show the year only for older posts): the latest such day not after the reference.
  const md = /(?:^|\s)(\d{1,2})\/(\d{1,2})\s+(\d{1,2}):(\d{2})$/.exec(text);
  if (md) {
    const ref = opts.referenceDate ?? new Date();
    const year = ref.getFullYear();
    const month = Number(md[1]);
    const day = Number(md[2]);
    const within = month < ref.getMonth() + 1 || (month === ref.getMonth() + 1 && day <= ref.getDate());
    const out = formatDate(within ? year : year - 1, month, day, md[3], md[4]);
    if (out) return out;
  }

  // Persian pages: their digits, the Solar Hijri calendar, "… پیش".
  if (/[\u0600-\u06FF]|\b1[34]\d\d[/.-]\d{1,2}[/.-]\d{1,2}\b/.test(text)) {
    const persian = parsePersianDate(text, opts.referenceDate ?? new Date());
    if (persian) return persian;
  }

  return relative(text, opts.referenceDate ?? new Date());
}
