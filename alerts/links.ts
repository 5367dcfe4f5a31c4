/**
 * Links to the evidence behind a finding: the web app's filtered view when `alerts.linkBase` is
 * set (`<linkBase>/<page>?<filters>`, e.g. `/reviews?product=kettle&maxRating=2`), otherwise the
 * report file at the section that shows the same thing.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RadarConfig } from '../config/schema.js';
import type { EvidenceView } from '../domain/alerts.js';

/** Where links point. */
export interface LinkTarget {
  /** The web app's base URL, when configured. */
  linkBase?: string;
  /** The report's HTML file. */
  reportFile: string;
}

/** The link target of a project. */
export function linkTargetOf(config: RadarConfig): LinkTarget {
  return { linkBase: config.alerts.linkBase, reportFile: resolve(config.report.outDir, 'index.html') };
}

// The web app's filter names where a finding's differ (the explorer's DocumentFilterSchema).
const EXPLORER_PARAMS: Record<string, string> = {
  brand: 'brand',
  product: 'product',
  source: 'source',
  sentiment: 'sentiment',
  aspect: 'aspect',
  theme: 'theme',
  persona: 'persona',
  maxRating: 'ratingMax',
  minRating: 'ratingMin',
  since: 'from',
};

/** The web app's page and query for a view of the evidence (see web/pages/). */
function appView(view: EvidenceView): { path: string; params: [string, string][] } {
  const f = view.filters;
  const explorer = () => ({
    path: 'explorer',
    params: Object.entries(f)
      .filter(([k]) => EXPLORER_PARAMS[k])
      .map(([k, v]): [string, string] => [EXPLORER_PARAMS[k]!, v]),
  });
  switch (view.page) {
    case 'personas':
      return f.persona ? { path: `personas/${encodeURIComponent(f.persona)}`, params: [] } : { path: 'personas', params: [] };
    case 'sources':
      return { path: 'runs', params: f.source ? [['source', f.source]] : [] };
    case 'competitors':
      // The overview sets every brand against the others; with an aspect, its reviews are the evidence.
      return f.aspect ? explorer() : { path: '', params: [] };
    default:
      // Reviews and themes: the explorer filtered down to the documents behind the finding.
      return explorer();
  }
}

/** The link to a view of the evidence. */
export function evidenceLink(view: EvidenceView, target: LinkTarget): string {
  if (target.linkBase) {
    const { path, params } = appView(view);
    const url = new URL(`${target.linkBase.replace(/\/+$/, '')}/${path}`);
    for (const [k, v] of params) url.searchParams.set(k, v);
    return url.toString();
  }
  const file = pathToFileURL(target.reportFile);
  if (view.reportAnchor) file.hash = view.reportAnchor;
  return file.toString();
}

/** The link to a whole message: the web app's overview, or the report. */
export function batchLink(_rule: string, _batch: string, target: LinkTarget): string {
  if (target.linkBase) return new URL(`${target.linkBase.replace(/\/+$/, '')}/`).toString();
  return pathToFileURL(target.reportFile).toString();
}
