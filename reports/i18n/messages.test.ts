import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../config/schema.js';
import { formatterFor } from './format.js';
import { type Messages, messagesFor, REPORT_LANGUAGES } from './messages.js';

/** Every leaf of a catalogue: strings as they are, functions called with recognisable arguments. */
function leaves(value: unknown, path = ''): { path: string; text: string; args: string[] }[] {
  if (typeof value === 'string') return [{ path, text: value, args: [] }];
  if (typeof value === 'function') {
    const args = Array.from({ length: value.length }, (_, i) => `ARG${i}`);
    const first = value.length === 1 && /^(?:love|dislike|join)$/.test(path.split('.').pop()!) ? [['ARG0']] : args;
    // A summary part, "love" or "join", takes a list; generated() and themesPeriods() take an object.
    const objectArg = /generated|themesPeriods|personas$/.test(path);
    const call = objectArg
      ? (value as (a: Record<string, string>) => string)(new Proxy({}, { get: (_, k) => `ARG_${String(k)}` }) as Record<string, string>)
      : (value as (...a: unknown[]) => string)(...first);
    return [{ path, text: String(call), args: objectArg ? [] : args }];
  }
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [];
}

describe('the report message catalogues', () => {
  const en = leaves(messagesFor('en'));

  it.each(REPORT_LANGUAGES.filter((l) => l !== 'en'))('%s says everything English says, and uses every figure it is given', (lang) => {
    const m = messagesFor(lang);
    const mine = new Map(leaves(m).map((l) => [l.path, l]));
    for (const e of en) {
      // Dictionaries (aspects, attribute values, label words) may know more or fewer keys than English.
      if (/^(?:aspects|attributeTypes|attributeValues|label\.(?:aspects|attributes|groups))\./.test(e.path)) continue;
      const l = mine.get(e.path);
      expect(l, e.path).toBeDefined();
      expect(l!.text.trim(), e.path).not.toBe('');
      // caveat.leftOut is given a key ("aspects"), which each language words itself.
      const keys = e.path === 'caveat.leftOut' ? ['ARG0'] : [];
      for (const a of e.args) if (e.text.includes(a) && !keys.includes(a)) expect(l!.text, `${lang} ${e.path} drops ${a}`).toContain(a);
    }
    // Persian is written right to left, the others left to right.
    expect(m.dir).toBe(lang === 'fa' ? 'rtl' : 'ltr');
  });

  it('offers the languages the configuration accepts, English by default', () => {
    const parsed = ConfigSchema.parse({ brands: [{ id: 'b', name: 'B' }] });
    expect(parsed.report.language).toBe('en');
    for (const lang of REPORT_LANGUAGES)
      expect(ConfigSchema.safeParse({ brands: [{ id: 'b', name: 'B' }], report: { language: lang } }).success).toBe(true);
    expect(ConfigSchema.safeParse({ brands: [{ id: 'b', name: 'B' }], report: { language: 'de' } }).success).toBe(false);
    expect(messagesFor('de')).toBe(messagesFor('en'));
  });

  it('formats figures as each reader writes them', () => {
    const f = (lang: string) => formatterFor((messagesFor(lang) as Messages).locale);
    expect(f('en').pct(0.456)).toBe('46%');
    expect(f('en').signed(0.25)).toBe('+0.25');
    expect(f('en').signed(0)).toBe('0.00');
    expect(f('ru').num(1234)).toMatch(/^1\s234$/u);
    expect(f('ru').signed(-0.5)).toMatch(/^[-−]0,50$/u);
    expect(f('fa').pct(0.45)).toMatch(/۴۵/);
    expect(f('fa').num(12)).toBe('۱۲');
    expect(f('zh').month('2025-07')).toContain('2025');
    expect(f('en').weekdays[0]).toBe('Sun');
  });
});
