/**
 * Source health, from each source's crawl runs (newest first):
 *
 * - blocked: the latest run met a block — a captcha or block page, HTTP 403 or 429, or robots.txt
 *   disallowing or unreadable — and did not come through whole;
 * - empty: the latest run fetched no page, or (for review sources) found no review at all;
 * - drop: the latest run found far fewer items per fetched page than the runs before (below
 *   `dropRatio` of their median over the last `lookback` runs). Per page, because an incremental
 *   crawl stops at the first page it already knows: fewer items in all is normal, fewer per page is not;
 * - failing: the last `failures` runs all failed.
 *
 * One of blocked, empty and drop per source (in that order); failing on top. All are conditions:
 * a broken source is reported once, and again only after it recovered and broke again.
 */
import type { AlertRuleConfig } from '../../config/alerts-schema.js';
import type { CrawlRun } from '../../domain/types.js';
import type { Candidate, RuleInput } from './rule-input.js';
import { resolveScope, sourcesOf } from './scope.js';

type HealthRule = Extract<AlertRuleConfig, { type: 'source-health' }>;

/** Why a run was blocked, when it was: the first reason its pages and errors show. */
export function blockReason(run: CrawlRun): string | undefined {
  // Runs carry each problem's kind; runs stored before kinds existed are read from their messages.
  const kindOf = (e: CrawlRun['errors'][number]) =>
    e.kind ??
    (/captcha|block page/i.test(e.message)
      ? 'blocked'
      : /robots\.txt/i.test(e.message)
        ? 'robots'
        : /\bHTTP \d{3}\b/.test(e.message)
          ? 'http-4xx'
          : 'unknown');
  if (run.stats.pagesBlocked > 0 || run.errors.some((e) => kindOf(e) === 'blocked')) return 'a captcha or block page';
  const http = run.errors
    .filter((e) => kindOf(e) === 'http-4xx' || kindOf(e) === 'http-retry')
    .map((e) => /\bHTTP (403|429)\b/.exec(e.message)?.[1])
    .find(Boolean);
  if (http) return `HTTP ${http} (${http === '403' ? 'forbidden' : 'too many requests'})`;
  if (run.errors.some((e) => kindOf(e) === 'robots')) return 'robots.txt (disallowed or unreadable)';
  return undefined;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The rule's findings: from the configuration and the crawl runs alone, so they can be evaluated right after a crawl. */
export function sourceHealthFindings(rule: HealthRule, input: Pick<RuleInput, 'config' | 'runs'>): Candidate[] {
  const scope = resolveScope(rule, input.config, 'all');
  const out: Candidate[] = [];
  const bySource = new Map<string, CrawlRun[]>();
  for (const r of input.runs) {
    if (r.status === 'running') continue;
    let list = bySource.get(r.sourceId);
    if (!list) bySource.set(r.sourceId, (list = []));
    list.push(r);
  }
  for (const source of sourcesOf(input.config)) {
    if (!scope.hasSource(source)) continue;
    const runs = (bySource.get(source.id) ?? []).sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
    const latest = runs[0];
    if (!latest) continue;
    const base = {
      brand: source.brand,
      product: source.product,
      sourceId: source.id,
      docIds: [],
      view: { page: 'sources' as const, filters: { source: source.id }, reportAnchor: 'coverage' },
    };
    const at = `run ${latest._id} (${latest.startedAt.slice(0, 16).replace('T', ' ')} UTC)`;
    const s = latest.stats;
    const blocked = latest.status !== 'ok' || s.documentsFound === 0 ? blockReason(latest) : undefined;
    const earlier = runs
      .slice(1, 1 + rule.lookback)
      .filter((r) => r.status !== 'failed' && r.stats.pagesFetched > 0)
      .map((r) => r.stats.documentsFound / r.stats.pagesFetched);
    const typical = earlier.length >= 2 ? median(earlier) : 0;
    const perPage = s.pagesFetched ? s.documentsFound / s.pagesFetched : 0;
    if (blocked) {
      out.push({
        ...base,
        key: `blocked:${source.id}`,
        condition: 'state',
        kind: 'source-blocked',
        title: `Source ${source.id} is blocked: ${blocked}`,
        detail: `The ${at} fetched ${s.pagesFetched} pages and found ${s.documentsFound} items; ${s.pagesBlocked} pages looked like block pages, ${s.pagesFailed} failed. ${firstError(latest)}`,
        severity: 'critical',
        data: { pagesFetched: s.pagesFetched, pagesBlocked: s.pagesBlocked, pagesFailed: s.pagesFailed, found: s.documentsFound },
      });
    } else if (s.pagesFetched === 0 || (source.kind === 'reviews' && s.documentsFound === 0)) {
      out.push({
        ...base,
        key: `empty:${source.id}`,
        condition: 'state',
        kind: 'source-empty',
        title: `Source ${source.id} returned nothing`,
        detail: `The ${at} ${s.pagesFetched === 0 ? 'fetched no page' : `fetched ${s.pagesFetched} pages but found no items on them`}${typical ? `; runs before found about ${typical.toFixed(1)} per page` : ''}. The site may have changed its pages. ${firstError(latest)}`,
        severity: 'critical',
        data: { pagesFetched: s.pagesFetched, found: s.documentsFound, typicalPerPage: typical },
      });
    } else if (typical >= 1 && perPage < rule.dropRatio * typical) {
      out.push({
        ...base,
        key: `drop:${source.id}`,
        condition: 'state',
        kind: 'source-drop',
        title: `Source ${source.id} found far fewer items`,
        detail: `The ${at} found ${perPage.toFixed(1)} items per page (${s.documentsFound} on ${s.pagesFetched} pages); the ${earlier.length} runs before found ${typical.toFixed(1)}.`,
        severity: 'warning',
        data: { perPage, typicalPerPage: typical, found: s.documentsFound, pagesFetched: s.pagesFetched },
      });
    }
    const lastFew = runs.slice(0, rule.failures);
    if (lastFew.length === rule.failures && lastFew.every((r) => r.status === 'failed')) {
      out.push({
        ...base,
        key: `failing:${source.id}`,
        condition: 'state',
        kind: 'source-failing',
        title: `Source ${source.id} failed ${rule.failures} times in a row`,
        detail: `Runs since ${lastFew.at(-1)!.startedAt.slice(0, 10)} all failed. ${firstError(latest)}`,
        severity: 'critical',
        data: { failures: rule.failures },
      });
    }
  }
  return out;
}

function firstError(run: CrawlRun): string {
  const e = run.errors[0];
  return e ? `First problem: ${e.message.slice(0, 200)}` : '';
}
