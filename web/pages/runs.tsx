/** The runs page: per run its counts, duration, errors with reasons, warnings; and the live view of runs in progress. */
import type { Viewer } from '../auth.js';
import type { RunProgress } from '../runner.js';
import type { RunView } from '../runs-view.js';
import type { PageInfo } from './layout.js';
import { Layout, Notice, when } from './layout.js';

const PHASES: RunProgress['phase'][] = ['queued', 'crawling', 'analysing', 'reporting', 'done'];

/** The live part, polled every two seconds while anything runs. */
export function LiveRuns(props: { requested: RunProgress[]; running: RunView[] }) {
  const active = props.requested.filter((r) => r.phase !== 'done' && r.phase !== 'failed');
  const recent = props.requested.filter((r) => r.phase === 'done' || r.phase === 'failed').slice(0, 5);
  const elsewhere = props.running.filter((r) => !props.requested.some((q) => q.runId === r._id && q.phase !== 'done'));
  return (
    <div>
      {!active.length && !elsewhere.length ? <p class="muted">No crawl is running.</p> : null}
      {active.map((r) => {
        const step = PHASES.indexOf(r.phase);
        return (
          <div class="live-run">
            <p>
              <strong>{r.sourceId}</strong> — {r.phase}
              {r.trigger === 'schedule' ? ' (scheduled)' : ''}
            </p>
            <label>
              Pages stored: {r.pagesStored} of at most {r.maxPages}
              <progress max={r.maxPages} value={Math.min(r.pagesStored, r.maxPages)}>
                {r.pagesStored} of {r.maxPages}
              </progress>
            </label>
            <p>
              Step {step + 1} of {PHASES.length - 1}:{' '}
              {PHASES.slice(0, -1)
                .map((p, i) => (i < step ? `✓ ${p}` : i === step ? `▶ ${p}` : p))
                .join(' · ')}
            </p>
            <p>
              {r.documentsFound} items found, {r.documentsNew} new
            </p>
          </div>
        );
      })}
      {elsewhere.map((r) => (
        <div class="live-run">
          <p>
            <strong>{r.sourceId}</strong> — crawling (on a worker) for {r.durationSecs} s
          </p>
          <p>
            {r.stats.documentsFound} items found, {r.stats.documentsNew} new so far
          </p>
        </div>
      ))}
      {recent.length ? (
        <ul class="recent">
          {recent.map((r) => (
            <li>
              {r.sourceId}:{' '}
              {r.phase === 'failed'
                ? `failed — ${r.error ?? 'see the run below'}`
                : `done — ${r.documentsFound} items, ${r.documentsNew} new`}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The runs page. */
export function RunsPage(props: {
  info: PageInfo;
  viewer: Viewer;
  runs: RunView[];
  source?: string;
  notice?: string;
  live: { requested: RunProgress[]; running: RunView[] };
}) {
  return (
    <Layout {...props.info}>
      <h1>Runs{props.source ? ` of ${props.source}` : ''}</h1>
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      <section aria-labelledby="live-h">
        <h2 id="live-h">In progress</h2>
        <div id="live" hx-get="/runs/live" hx-trigger="every 2s" hx-swap="innerHTML">
          <LiveRuns {...props.live} />
        </div>
      </section>
      <h2>Latest runs</h2>
      {props.source ? (
        <p>
          <a href="/runs">All sources</a>
        </p>
      ) : null}
      <div class="scroll">
        <table class="runs stack">
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">Source</th>
              <th scope="col">Status</th>
              <th scope="col">Pages fetched</th>
              <th scope="col">Failed</th>
              <th scope="col">Blocked (bot check)</th>
              <th scope="col">Blocked by robots.txt</th>
              <th scope="col">Past the page cap</th>
              <th scope="col">Items found</th>
              <th scope="col">New</th>
              <th scope="col">Updated</th>
              <th scope="col">Duration</th>
            </tr>
          </thead>
          <tbody>
            {props.runs.map((r) => (
              <>
                <tr class={r.warning ? 'warn' : ''}>
                  <td data-label="Started">{when(r.startedAt)}</td>
                  <td data-label="Source">
                    <a href={`/runs?source=${encodeURIComponent(r.sourceId)}`}>{r.sourceId}</a>
                  </td>
                  <td data-label="Status">
                    {r.status === 'ok' ? '✓ ok' : r.status === 'failed' ? '✗ failed' : r.status === 'partial' ? '◐ partial' : '▶ running'}
                  </td>
                  <td data-label="Pages fetched">{r.stats.pagesFetched}</td>
                  <td data-label="Failed">{r.stats.pagesFailed}</td>
                  <td data-label="Blocked (bot check)">{r.stats.pagesBlocked}</td>
                  <td data-label="Blocked by robots.txt">{r.robotsBlocked}</td>
                  <td data-label="Past the page cap">{r.stats.pagesSkipped - r.robotsBlocked}</td>
                  <td data-label="Items found">{r.stats.documentsFound}</td>
                  <td data-label="New">
                    {r.stats.documentsNew ? <a href={`/explorer?source=${encodeURIComponent(r.sourceId)}`}>{r.stats.documentsNew}</a> : 0}
                  </td>
                  <td data-label="Updated">{r.stats.documentsUpdated}</td>
                  <td data-label="Duration">{r.durationSecs} s</td>
                </tr>
                {r.warning || r.errors.length ? (
                  <tr class="details">
                    <td colspan={12}>
                      {r.warning ? <p class="warning">⚠ {r.warning}</p> : null}
                      {r.errors.length ? (
                        <details>
                          <summary>
                            {r.errors.length} error{r.errors.length === 1 ? '' : 's'}
                          </summary>
                          <ul>
                            {r.errors.slice(0, 50).map((e) => (
                              <li>
                                <code>{e.url}</code>: {e.message}
                              </li>
                            ))}
                          </ul>
                        </details>
                      ) : null}
                    </td>
                  </tr>
                ) : null}
              </>
            ))}
          </tbody>
        </table>
      </div>
      {!props.runs.length ? <p class="muted">No runs yet.</p> : null}
    </Layout>
  );
}
