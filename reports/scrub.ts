/**
 * Removing one person from an already-written report: quotes, counter-evidence, evidence lists and
 * members that point at their documents or author key. Used by `radar forget` so rendered report
 * files stop showing them too.
 */
import type { ReportData } from './model.js';

function refersTo(value: unknown, authorKey: string, docIds: Set<string>): boolean {
  if (typeof value === 'string') return value === authorKey || docIds.has(value);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const rec = value as { docId?: unknown };
    return typeof rec.docId === 'string' && docIds.has(rec.docId);
  }
  return false;
}

function scrub(value: unknown, authorKey: string, docIds: Set<string>): unknown {
  if (Array.isArray(value)) return value.filter((v) => !refersTo(v, authorKey, docIds)).map((v) => scrub(v, authorKey, docIds));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, authorKey, docIds)]));
  return value;
}

/** The report without anything that refers to the author or their documents. */
export function scrubReport(report: ReportData, authorKey: string, docIds: Set<string>): ReportData {
  const out = scrub(report, authorKey, docIds) as ReportData;
  for (const p of out.personas) p.size = p.members.length;
  return out;
}
