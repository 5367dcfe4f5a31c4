/**
 * The full analyzer pipeline on reviews in Russian, Chinese and Persian, each beside the English
 * figure measured in the same run (the labelled sets in ../shared/data, read in place): documents per
 * second of CPU time in this process, so that other processes on a shared machine do not count. The
 * goal is 1,000 reviews/s or more on one core for every language.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';

/** One language's figure: docs/s of CPU time and the mean length of its documents. */
export interface LanguageFigure {
  /** Language. */
  lang: string;
  /** Where the texts come from. */
  set: string;
  /** Documents per second of CPU time. */
  docsPerSecond: number;
  /** Mean characters per document. */
  chars: number;
  /** Documents analysed (each once per pass, three timed passes after a warm-up). */
  documents: number;
}

/** The texts of each language's set, or none when ../shared/data is not there. */
function sets(shared: string, n: number): { lang: string; set: string; texts: string[] }[] {
  const out: { lang: string; set: string; texts: string[] }[] = [];
  const data = join(shared, 'data');
  const clothing = join(data, 'en-clothing-reviews', 'clothing_reviews.csv');
  if (existsSync(clothing)) {
    const rows = parse(readFileSync(clothing), { columns: true }) as Record<string, string>[];
    out.push({
      lang: 'en',
      set: 'clothing reviews',
      texts: rows.map((r) => [r.Title, r['Review Text']].filter(Boolean).join('\n')).slice(0, n),
    });
  }
  const ru = ['rest', 'car'].map((f) => join(data, 'ru-sentirueval2015-absa', `SentiRuEval_${f}_markup_train.xml`)).filter(existsSync);
  if (ru.length) {
    const texts = ru.flatMap((f) =>
      (new XMLParser().parse(readFileSync(f, 'utf8')) as { reviews: { review: { text: unknown }[] } }).reviews.review.map((r) =>
        String(r.text),
      ),
    );
    out.push({ lang: 'ru', set: 'SentiRuEval restaurant and car reviews', texts });
  }
  const zh = join(data, 'zh-reviews', 'hotel_reviews.csv');
  if (existsSync(zh))
    out.push({
      lang: 'zh',
      set: 'ChnSentiCorp hotel reviews',
      texts: (parse(readFileSync(zh), { columns: true }) as Record<string, string>[]).map((r) => r.review!).slice(0, n),
    });
  const fa = join(data, 'fa-product-sentences', 'train.csv');
  if (existsSync(fa))
    out.push({
      lang: 'fa',
      set: 'SentiPers product-review sentences',
      texts: (parse(readFileSync(fa), { columns: true }) as Record<string, string>[]).map((r) => r.text!).slice(0, n),
    });
  return out;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Measures the full pipeline on each language's set. */
export async function benchLanguages(shared: string, n = 2000): Promise<LanguageFigure[]> {
  const { createPipeline } = await import('../analyzers/pipeline.js');
  const pipeline = createPipeline();
  const figures: LanguageFigure[] = [];
  for (const { lang, set, texts } of sets(shared, n)) {
    for (const t of texts.slice(0, 300)) pipeline.analyze(t, { lang }); // warm-up
    let ms = 0;
    for (let pass = 0; pass < 3; pass++) {
      const start = cpuMs();
      for (const t of texts) pipeline.analyze(t, { lang });
      ms += cpuMs() - start;
    }
    const chars = texts.reduce((s, t) => s + t.length, 0) / Math.max(1, texts.length);
    figures.push({ lang, set, docsPerSecond: (3 * texts.length * 1000) / ms, chars: Math.round(chars), documents: texts.length });
  }
  return figures;
}
