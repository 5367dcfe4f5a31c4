/**
 * Which files each report format writes, and how each is rendered: the one mapping that
 * `radar report` writes with and `radar forget` renders again with (from the cleaned report.json).
 */
import type { ReportData, ReportRow } from '../model.js';
import { REPORT_SECTIONS } from '../sections/index.js';
import { renderDocumentsCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';

/** A report format of `report.formats`. */
export type ReportFormat = 'html' | 'md' | 'json' | 'csv' | 'pdf';

/** One file of the report folder. */
export interface ReportFile {
  /** File name in the report folder. */
  name: string;
  /** The formats that write it (the PDF is printed from index.html, so `pdf` writes it too). */
  formats: ReportFormat[];
  /** Whether it is rendered from the report data alone (so `radar forget` can render it again). */
  fromReport: boolean;
  /** Renders it; `rows` are the analysed documents (only documents.csv needs them). */
  render(r: ReportData, rows: ReportRow[]): string;
}

/** Every file a report folder can hold, except report.pdf (printed by Chromium from index.html). */
export const REPORT_FILES: readonly ReportFile[] = [
  { name: 'index.html', formats: ['html', 'pdf'], fromReport: true, render: (r) => renderHtml(r) },
  { name: 'report.md', formats: ['md'], fromReport: true, render: (r) => renderMarkdown(r) },
  { name: 'report.json', formats: ['json'], fromReport: false, render: (r) => `${JSON.stringify(r, null, 2)}\n` },
  ...REPORT_SECTIONS.flatMap((s) =>
    s.csv.map((t): ReportFile => ({ name: t.file, formats: ['csv'], fromReport: true, render: (r) => t.render(r) })),
  ),
  { name: 'documents.csv', formats: ['csv'], fromReport: false, render: renderDocumentsCsv },
];

/** The files the formats ask for, in writing order (index.html first when written). */
export function reportFilesFor(formats: readonly ReportFormat[]): ReportFile[] {
  return REPORT_FILES.filter((f) => f.formats.some((x) => formats.includes(x)));
}

/** The CSV files rendered from the report data alone (documents.csv also needs the rows), by file name. */
export const REPORT_CSVS: Readonly<Record<string, (r: ReportData) => string>> = Object.fromEntries(
  REPORT_SECTIONS.flatMap((s) => s.csv.map((t) => [t.file, t.render] as const)),
);
