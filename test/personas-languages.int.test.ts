/**
 * Personas from non-English and mixed-language data as an analyst gets them: the Russian restaurant
 * reviews (SentiRuEval-2015) and the Chinese hotel reviews (ChnSentiCorp) in ../shared/data, read in
 * place, loaded with `radar import`, analysed and reported by the CLI; and one brand with English
 * and Russian reviews.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPipeline } from '../analyzers/pipeline.js';
import type { PersonaView, ReportData } from '../reports/model.js';
import { radar, tempDir } from './cli.js';

const DATA = resolve('..', 'shared', 'data');
const RU = join(DATA, 'ru-sentirueval2015-absa', 'SentiRuEval_rest_markup_train.xml');
const ZH = join(DATA, 'zh-reviews', 'hotel_reviews.csv');
const EN = join(DATA, 'en-semeval2014-absa', 'Restaurants_Train_v2.xml');
const pipeline = createPipeline();

/** The Russian restaurant reviews as JSONL an analyst would export them to: id, text, author. */
function russianJsonl(): string {
  const xml = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(RU, 'utf8')) as {
    reviews: { review: { '@_id': string; text: string; meta?: { user?: string } }[] };
  };
  return xml.reviews.review
    .map((r) => JSON.stringify({ id: `ru-${r['@_id']}`, text: String(r.text), author: r.meta?.user, lang: 'ru' }))
    .join('\n');
}

/** Runs import → analyze → report in a fresh project and reads report.json and documents.csv. */
async function project(imports: string[][]): Promise<{ report: ReportData; docs: Record<string, string>[] }> {
  const cwd = tempDir('radar-personas-lang-');
  writeFileSync(join(cwd, 'radar.yaml'), 'project: languages\nbrands:\n  - id: venue\n    name: The Venue\n    own: true\n');
  for (const args of imports) {
    const run = await radar(['import', ...args.map((a) => a.replace('$CWD', cwd)), '--brand', 'venue'], { cwd, timeoutMs: 300_000 });
    expect(run.code, run.stderr).toBe(0);
  }
  const analysed = await radar(['analyze'], { cwd, timeoutMs: 300_000 });
  expect(analysed.code, analysed.stderr).toBe(0);
  const reported = await radar(['report', '--format', 'json,csv'], { cwd, timeoutMs: 300_000 });
  expect(reported.code, reported.stderr).toBe(0);
  return {
    report: JSON.parse(readFileSync(join(cwd, 'radar-report', 'report.json'), 'utf8')) as ReportData,
    docs: parse(readFileSync(join(cwd, 'radar-report', 'documents.csv')), { columns: true }) as Record<string, string>[],
  };
}

/**
 * Whether a quote shows what it says it shows, read again from the quote alone: the attribute,
 * intent or aspect (with its side) is found in the quoted sentence, and it is one of the persona's
 * defining traits.
 */
function supports(p: PersonaView, q: PersonaView['quotes'][number], lang: string): boolean {
  const a = pipeline.analyze(q.text, { lang });
  const traits = new Set(p.traits.map((t) => t.trait));
  const attr = /^([\w-]+): ([\w-]+)$/.exec(q.shows);
  if (attr) return traits.has(`attr:${attr[1]}=${attr[2]}`) && a.attributes.some((x) => x.type === attr[1] && x.value === attr[2]);
  const aspect = /^(likes|dislikes|raises) (.+)$/.exec(q.shows);
  if (aspect) {
    const category = aspect[2]!.replace(/ /g, '-');
    const side = aspect[1] === 'likes' ? 'positive' : aspect[1] === 'dislikes' ? 'negative' : undefined;
    return (
      [...traits].some((t) => t.endsWith(`:${category}`)) &&
      a.aspects.some((x) => x.category === category && (!side || x.polarity === side))
    );
  }
  return traits.has(`intent:${q.shows}`) && a.intents.some((i) => i.type === q.shows);
}

/** What every report from reviews in one language must hold. */
function checkPersonas(report: ReportData, lang: string): void {
  expect(report.personas.length).toBeGreaterThanOrEqual(3);
  expect(new Set(report.personas.map((p) => p.label)).size).toBe(report.personas.length);
  expect(new Set(report.personas.map((p) => p.traits[0]!.trait)).size).toBe(report.personas.length);
  for (const p of report.personas) {
    // Three quotes or more, from the persona's own documents, each showing one of its traits.
    const showing = p.quotes.filter((q) => supports(p, q, lang));
    expect(showing.length, `${p.label}: ${p.quotes.map((q) => `${q.shows} | ${q.text}`).join('\n')}`).toBeGreaterThanOrEqual(3);
    for (const q of p.quotes) expect(p.evidence).toContain(q.docId);
    // Loved and hated aspects rest on the members' own mentions, on the side they are listed.
    for (const l of p.loves) expect(l.net, `${p.label} loves ${l.aspect}`).toBeGreaterThan(0);
    for (const h of p.hates) expect(h.net, `${p.label} hates ${h.aspect}`).toBeLessThan(0);
    // The label names the strongest trait: its word comes from the trait the persona is defined by.
    expect(p.traits[0]!.value).toBeGreaterThan(p.traits[0]!.overall);
  }
}

describe.skipIf(!existsSync(RU) && !process.env.CI)('personas from Russian restaurant reviews (radar import → analyze → report)', () => {
  let report: ReportData;
  beforeAll(async () => {
    const dir = tempDir('radar-ru-jsonl-');
    writeFileSync(join(dir, 'ru-restaurants.jsonl'), russianJsonl());
    ({ report } = await project([[join(dir, 'ru-restaurants.jsonl')]]));
  }, 300_000);

  it('finds at least three distinct personas, each with three quotes that show its traits', () => {
    checkPersonas(report, 'ru');
    // Defined by what the reviewers say of themselves and what they do, not by language.
    expect(report.totals.languages.ru).toBeGreaterThanOrEqual(190);
  });
});

describe.skipIf(!existsSync(ZH) && !process.env.CI)('personas from Chinese hotel reviews (radar import → analyze → report)', () => {
  let report: ReportData;
  beforeAll(async () => {
    ({ report } = await project([[ZH, '--map', 'review=body', '--map', 'orig_row=id']]));
  }, 300_000);

  it('finds at least three distinct personas, each with three quotes that show its traits', () => {
    checkPersonas(report, 'zh');
    expect(report.totals.clustered).toBeGreaterThanOrEqual(500);
  });
});

describe.skipIf((!existsSync(RU) || !existsSync(EN)) && !process.env.CI)('personas of a brand reviewed in English and in Russian', () => {
  let report: ReportData;
  let docs: Record<string, string>[];
  beforeAll(async () => {
    const dir = tempDir('radar-mixed-');
    writeFileSync(join(dir, 'ru-restaurants.jsonl'), russianJsonl());
    // English restaurant reviews of the same kind (SemEval-2014 sentences, each imported as a short
    // review): three English reviewers for each Russian one, writing about the same things.
    const xml = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(EN, 'utf8')) as {
      sentences: { sentence: { '@_id': string; text: string }[] };
    };
    const csv = [
      'id,text',
      ...xml.sentences.sentence
        .slice(0, 600)
        .map((r) => [`en-${r['@_id']}`, String(r.text)].map((v) => `"${v.replace(/"/g, '""')}"`).join(',')),
    ];
    writeFileSync(join(dir, 'en-reviews.csv'), csv.join('\n'));
    ({ report, docs } = await project([[join(dir, 'ru-restaurants.jsonl')], [join(dir, 'en-reviews.csv')]]));
  }, 300_000);

  it('finds personas that cross the two languages rather than one persona set per language', () => {
    expect(report.personas.length).toBeGreaterThanOrEqual(3);
    const langOf = new Map(docs.map((d) => [d.id!, d.lang!]));
    const mixes = report.personas.map((p) => {
      const counts = new Map<string, number>();
      for (const id of p.evidence) counts.set(langOf.get(id)!, (counts.get(langOf.get(id)!) ?? 0) + 1);
      return { label: p.label, en: counts.get('en') ?? 0, ru: counts.get('ru') ?? 0 };
    });
    const crossing = mixes.filter((m) => Math.min(m.en, m.ru) >= 0.15 * (m.en + m.ru));
    expect(crossing.length, JSON.stringify(mixes)).toBeGreaterThanOrEqual(2);
    // Most personas have members in both languages.
    expect(mixes.filter((m) => m.en > 0 && m.ru > 0).length * 2, JSON.stringify(mixes)).toBeGreaterThanOrEqual(mixes.length);
    // While Russian reviews show no aspect categories, aspects are left out of segmenting and the
    // report says so; once they do, aspects segment both languages alike and no caveat is needed.
    const ru = docs.filter((d) => d.lang === 'ru');
    const withAspects = ru.filter((d) => d.aspects).length;
    const caveat = /not segmented on aspects: reviews in ru show none yet/;
    if (withAspects < 0.02 * ru.length) expect(report.caveats.join('\n')).toMatch(caveat);
    else expect(report.caveats.join('\n')).not.toMatch(caveat);
  });
});
