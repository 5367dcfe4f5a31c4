/**
 * A report section as one unit: the part of the report data it shows (computed by the builder named
 * in its file), and how it renders in each format. The renderers walk REPORT_SECTIONS in order.
 */
import type { Messages } from '../i18n/messages.js';
import type { ReportData } from '../model.js';
import type { RenderContext } from './context.js';

/** A CSV table a section contributes to the `csv` format. */
export interface SectionCsv {
  /** File name in the report folder. */
  file: string;
  /** Renders the table from the report data alone. */
  render(r: ReportData): string;
}

/** One section of the report. */
export interface ReportSection {
  /** Anchor id in the HTML page. */
  id: string;
  /** Its entry in the page's navigation. */
  nav(m: Messages): string;
  /** The fields of ReportData it shows. */
  data: (keyof ReportData)[];
  /** The section as HTML ('' when the report holds nothing for it). */
  html(r: ReportData, c: RenderContext): string;
  /** The section as Markdown ('' when the report holds nothing for it). */
  markdown(r: ReportData, c: RenderContext): string;
  /** CSV tables rendered from the report data alone. */
  csv: SectionCsv[];
}
