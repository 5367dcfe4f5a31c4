/**
 * Persona building at scale: `node dist/bench/personas-bench.js [--members=100000]`. Builds a
 * synthetic population of analysed reviews (demo reviewers and clothing reviews as templates,
 * each member 1–3 reviews, analyses deep-copied), then times `buildPersonas` and reads the peak
 * RSS, beside a baseline measured on the same rows: grouping the rows into members, the pass every
 * persona builder needs. Writes bench/personas-results.json. The report budget is 20 s and 2 GB.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ReportRow } from '../reports/model.js';
import { buildPersonas } from '../reports/personas/build-personas.js';
import { groupMembers } from '../reports/personas/features.js';
import { clothingRows, demoRows, syntheticRows } from '../reports/personas/fixture-rows.js';

process.env.RADAR_LOG_LEVEL ??= 'warn';
const ROOT = resolve(import.meta.dirname, '..', '..');
const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const MEMBERS = Number(args.get('members') ?? 100_000);
const CLOTHING = resolve(ROOT, '..', 'shared', 'data', 'en-clothing-reviews', 'clothing_reviews.csv');

const templates: ReportRow[][] = [];
const demo = demoRows().rows;
const byAuthor = new Map<string, ReportRow[]>();
for (const r of demo) byAuthor.set(r.doc.authorKey!, [...(byAuthor.get(r.doc.authorKey!) ?? []), r]);
templates.push(...byAuthor.values());
if (existsSync(CLOTHING))
  for (const r of clothingRows(CLOTHING)) templates.push([{ doc: { ...r.doc, authorKey: 'x' }, analysis: r.analysis! }]);

const rows = syntheticRows(templates, MEMBERS);
const rssRows = process.memoryUsage().rss;

let t0 = performance.now();
const grouped = groupMembers(rows);
const baselineMs = performance.now() - t0;

t0 = performance.now();
const result = buildPersonas(rows, { maxPersonas: 8, minSize: 5, minShare: 0.03, showNames: false });
const ms = performance.now() - t0;
const peakRss = process.resourceUsage().maxRSS * 1024;

const out = {
  measuredAt: new Date().toISOString(),
  node: process.version,
  members: grouped.members.length,
  documents: rows.length,
  buildPersonasMs: Math.round(ms),
  baseline: { name: 'grouping rows into members', ms: Math.round(baselineMs) },
  rssAfterRowsMB: Math.round(rssRows / 2 ** 20),
  peakRssMB: Math.round(peakRss / 2 ** 20),
  personas: result.personas.map((p) => ({ label: p.label, size: p.size, stability: p.stability })),
  clustered: result.clustered,
  unassigned: result.unassigned,
  k: result.k,
};
writeFileSync(resolve(import.meta.dirname, '..', '..', 'bench', 'personas-results.json'), `${JSON.stringify(out, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
