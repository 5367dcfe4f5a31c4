/**
 * Runs as the runs page shows them: per run its counts, duration and errors, and a warning when it
 * found far fewer items per page than the runs of the same source before it — the usual sign that
 * a site changed its pages (items per fetched page, so an incremental crawl that stops early at
 * known reviews is not taken for one).
 */
import type { CrawlRun } from '../domain/types.js';

/** A run with what the page says about it. */
export interface RunView extends CrawlRun {
  /** Seconds it took (so far, while running). */
  durationSecs: number;
  /** Pages not fetched because the site's robots.txt disallows them (named among the run's errors). */
  robotsBlocked: number;
  /** Why it looks wrong, when it does. */
  warning?: string;
}

/** Finished runs of a source needed before a drop is told apart from noise. */
const MIN_HISTORY = 2;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Items found per fetched page, or undefined for a run that fetched nothing. */
function yieldOf(run: CrawlRun): number | undefined {
  return run.stats.pagesFetched > 0 ? run.stats.documentsFound / run.stats.pagesFetched : undefined;
}

/**
 * The runs (newest first), each with its duration and, when it found less than half the items per
 * page of the median of the up to ten finished runs of its source before it, a warning.
 */
export function viewRuns(runs: CrawlRun[], now = Date.now()): RunView[] {
  const bySource = new Map<string, CrawlRun[]>();
  for (const r of runs) bySource.set(r.sourceId, [...(bySource.get(r.sourceId) ?? []), r]);
  return runs.map((run) => {
    const end = run.finishedAt ? Date.parse(run.finishedAt) : now;
    // The crawler names each page robots.txt kept it from; the rest of the pages not fetched were past the page cap.
    const robotsBlocked = Math.min(run.stats.pagesSkipped, run.errors.filter((e) => /robots\.txt disallows/.test(e.message)).length);
    const view: RunView = { ...run, durationSecs: Math.max(0, Math.round((end - Date.parse(run.startedAt)) / 1000)), robotsBlocked };
    if (run.status === 'running') return view;
    const before = (bySource.get(run.sourceId) ?? [])
      .filter((r) => r.startedAt < run.startedAt && r.status !== 'running')
      .slice(0, 10)
      .map(yieldOf)
      .filter((y): y is number => y !== undefined && y > 0);
    const current = yieldOf(run);
    if (before.length >= MIN_HISTORY && current !== undefined) {
      const usual = median(before);
      if (current < usual / 2)
        view.warning = `found ${run.stats.documentsFound} items on ${run.stats.pagesFetched} pages — ${current.toFixed(1)} a page against ${usual.toFixed(1)} in the runs before: the site may have changed its pages (preview one, and add a recipe if it needs one)`;
    } else if (current === 0 && before.length === 0 && run.stats.pagesFetched > 0) {
      view.warning = 'no items found on the pages fetched: preview a page to see why, and add a recipe if the site needs one';
    }
    return view;
  });
}
