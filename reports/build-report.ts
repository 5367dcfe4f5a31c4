/**
 * Building the report: from analysed documents, the project's brands and sources, the latest
 * crawl runs and the previous persona set, to ReportData and the persona set to store. Pure.
 */
import type { CrawlRun, PersonaSet } from '../domain/types.js';
import { brandViews } from './brand-view.js';
import { formatterFor } from './i18n/format.js';
import { messagesFor, type ReportLanguage } from './i18n/messages.js';
import type { BrandSummary, ReportData, ReportRow, SourceCoverage } from './model.js';
import { activity, aspectStandings, aspectTrend, nameFilter, round, summarize } from './summaries.js';
import { buildThemes } from './themes.js';
import { buildPersonas, comparePersonas, exclusivePersonas, PERSONA_BUILDER_VERSION } from './personas/build-personas.js';

/** What the report needs to know about the project. */
export interface ReportProject {
  /** Project name. */
  project: string;
  /** Brands with their products. */
  brands: { id: string; name: string; own: boolean; aliases?: string[]; products: { id: string; name: string; aliases?: string[] }[] }[];
  /** Sources with their brand, product and flags. */
  sources: { id: string; brand?: string; product?: string; topReviewsOnly: boolean }[];
  /** Persona settings. */
  personas: { maxPersonas: number; minSize: number; minShare: number; showNames: boolean };
  /** The report's language (headings, labels, rules; quotes stay as written); English by default. */
  language?: ReportLanguage;
}

/** Everything the builder reads. */
export interface ReportInput {
  /** The project. */
  project: ReportProject;
  /** Analysed documents of the project's brands. */
  rows: ReportRow[];
  /** Latest run per source. */
  runs: CrawlRun[];
  /** The previous persona set, if any. */
  previous?: PersonaSet;
  /** Generation time (ISO 8601). */
  now: string;
  /** Id of the new persona set. */
  personaSetId: string;
}

/** Below this many analysed documents, a figure carries a small-sample warning. */
export const SMALL_SAMPLE = 30;

/** Builds the report data and the persona set to store. */
export function buildReport(input: ReportInput): { report: ReportData; personaSet: PersonaSet } {
  const { project, rows } = input;
  const brandRows = new Map<string, ReportRow[]>();
  // A document naming several brands counts for each as what it says of that brand (brand-view.ts).
  const brandNames = project.brands.map((b) => ({
    id: b.id,
    names: [b.name, ...(b.aliases ?? []), ...b.products.flatMap((p) => [p.name, ...(p.aliases ?? [])])],
  }));
  const view = brandViews(brandNames);
  for (const r of rows) {
    const ids = new Set([r.doc.brand, ...(r.doc.brands ?? [])].filter((b): b is string => !!b));
    for (const b of ids) {
      const list = brandRows.get(b) ?? [];
      list.push(ids.size > 1 ? view(r, b) : r);
      brandRows.set(b, list);
    }
  }
  const mentionTotal = rows.filter((r) => r.doc.kind === 'mention').length;
  const names = nameFilter(brandNames.flatMap((b) => b.names));
  const brands: BrandSummary[] = project.brands
    .map((b) => {
      const list = brandRows.get(b.id) ?? [];
      const products = b.products.map((p) =>
        summarize(
          p.id,
          p.name,
          list.filter((r) => r.doc.product === p.id || r.doc.products?.includes(p.id)),
          names,
        ),
      );
      const mentions = list.filter((r) => r.doc.kind === 'mention').length;
      return {
        ...summarize(b.id, b.name, list, names),
        own: b.own,
        products,
        shareOfVoice: mentionTotal ? round(mentions / mentionTotal) : 0,
      };
    })
    .sort((a, b) => Number(b.own) - Number(a.own) || b.documents - a.documents);

  const topAspects = aspectStandings(rows, 10).map((a) => a.aspect);
  const matrix = {
    aspects: topAspects,
    rows: brands.map((b) => {
      const standings = aspectStandings(brandRows.get(b.id) ?? [], 1000);
      return { brand: b.id, cells: topAspects.map((a) => standings.find((s) => s.aspect === a) ?? null) };
    }),
  };

  const built = buildPersonas(rows, { ...project.personas, language: project.language ?? 'en' });
  const languages: Record<string, number> = {};
  for (const r of rows) {
    const lang = r.analysis?.lang ?? 'unanalysed';
    languages[lang] = (languages[lang] ?? 0) + 1;
  }

  const latestRun = new Map<string, CrawlRun>();
  for (const run of input.runs) {
    const prev = latestRun.get(run.sourceId);
    if (!prev || prev.startedAt < run.startedAt) latestRun.set(run.sourceId, run);
  }
  const docsBySource = new Map<string, number>();
  for (const r of rows) docsBySource.set(r.doc.sourceId, (docsBySource.get(r.doc.sourceId) ?? 0) + 1);
  const coverage: SourceCoverage[] = project.sources.map((s) => {
    const run = latestRun.get(s.id);
    const c: SourceCoverage = { id: s.id, documents: docsBySource.get(s.id) ?? 0, topReviewsOnly: s.topReviewsOnly };
    if (s.brand) c.brand = s.brand;
    if (s.product) c.product = s.product;
    if (run) {
      c.status = run.status;
      c.lastRun = run.finishedAt ?? run.startedAt;
      c.pages = {
        fetched: run.stats.pagesFetched,
        failed: run.stats.pagesFailed,
        blocked: run.stats.pagesBlocked,
        skipped: run.stats.pagesSkipped,
      };
      if (run.stats.listedCount !== undefined) c.listed = run.stats.listedCount;
    }
    return c;
  });
  // Documents from sources no longer configured (e.g. imports) still count; list them too.
  for (const [id, n] of docsBySource) if (!coverage.some((c) => c.id === id)) coverage.push({ id, documents: n, topReviewsOnly: false });

  // In the report's language (reports/i18n), figures in its number format.
  const cv = messagesFor(project.language).caveat;
  const n = formatterFor(messagesFor(project.language).locale).num;
  const caveats: string[] = [];
  const analysed = rows.filter((r) => r.analysis).length;
  if (analysed < rows.length) caveats.push(cv.notAnalysed(n(rows.length - analysed)));
  for (const b of brands) {
    if (b.documents === 0) caveats.push(cv.noDocuments(b.name));
    if (b.documents > 0 && b.documents < SMALL_SAMPLE) caveats.push(cv.fewDocuments(b.name, n(b.documents)));
  }
  if (rows.length && mentionTotal === 0) caveats.push(cv.noMentions);
  if (rows.length && !rows.some((r) => r.doc.publishedAt)) caveats.push(cv.noDates);
  if (input.previous && input.previous.version !== PERSONA_BUILDER_VERSION) caveats.push(cv.olderBuilder(input.previous.version));
  for (const c of coverage) {
    if (c.topReviewsOnly) caveats.push(cv.topReviewsOnly(c.id));
    if (c.pages && c.pages.blocked > 0) caveats.push(cv.blocked(c.id, n(c.pages.blocked)));
    if (c.pages && c.pages.failed > 0) caveats.push(cv.failed(c.id, n(c.pages.failed)));
    if (c.pages && c.pages.skipped > 0) caveats.push(cv.skipped(c.id, n(c.pages.skipped)));
    if (c.listed !== undefined && c.documents < c.listed * 0.8) caveats.push(cv.partlyStored(c.id, n(c.documents), n(c.listed)));
  }
  const unsupported = built.excluded.unsupportedLanguage;
  if (unsupported > 0) caveats.push(cv.unsupported(n(unsupported)));
  if (built.personas.length === 0) caveats.push(cv.noPersona);
  for (const l of built.leftOut) caveats.push(cv.leftOut(l.source, l.languages.join(', ')));

  const personaSet: PersonaSet = {
    _id: input.personaSetId,
    project: project.project,
    createdAt: input.now,
    version: PERSONA_BUILDER_VERSION,
    personas: built.personas.map((p) => {
      const { id, label, size, share, shareByBrand, members, ...details } = p;
      return { id, label, size, share, shareByBrand, members, details: details as unknown as Record<string, unknown> };
    }),
  };
  const report: ReportData = {
    schemaVersion: 1,
    language: project.language ?? 'en',
    project: project.project,
    generatedAt: input.now,
    analyzerVersions: [...new Set(rows.map((r) => r.analysis?.version).filter((v): v is string => !!v))].sort(),
    personaSetId: input.personaSetId,
    totals: {
      documents: rows.length,
      reviews: rows.filter((r) => r.doc.kind === 'review').length,
      mentions: mentionTotal,
      analysed,
      members: built.members,
      clustered: built.clustered,
      excluded: built.excluded,
      languages,
    },
    brands,
    matrix,
    personas: built.personas,
    exclusivePersonas: exclusivePersonas(built.personas),
    change: comparePersonas(built.personas, input.previous),
    activity: activity(rows),
    themes: buildThemes(rows, { view }),
    aspectTrend: aspectTrend(rows, topAspects.slice(0, 4)),
    coverage,
    caveats,
  };
  return { report, personaSet };
}
