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

/** The link to a view of the evidence. */
export function evidenceLink(view: EvidenceView, target: LinkTarget): string {
  if (target.linkBase) {
    const url = new URL(`${target.linkBase.replace(/\/+$/, '')}/${view.page}`);
    for (const [k, v] of Object.entries(view.filters)) url.searchParams.set(k, v);
    return url.toString();
  }
  const file = pathToFileURL(target.reportFile);
  if (view.reportAnchor) file.hash = view.reportAnchor;
  return file.toString();
}

/** The link to a whole message: the web app's alert history of its batch, or the report. */
export function batchLink(rule: string, batch: string, target: LinkTarget): string {
  if (target.linkBase) {
    const url = new URL(`${target.linkBase.replace(/\/+$/, '')}/alerts`);
    url.searchParams.set('rule', rule);
    url.searchParams.set('batch', batch);
    return url.toString();
  }
  return pathToFileURL(target.reportFile).toString();
}
