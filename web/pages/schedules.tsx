/** The schedules page: every source with its schedule, next run, pause/resume and run now. */
import type { Viewer } from '../auth.js';
import type { ScheduleView } from '../scheduler.js';
import { describeCron } from './schedule-text.js';
import type { PageInfo } from './layout.js';
import { Csrf, Layout, Notice, when } from './layout.js';

/** The schedules page. */
export function SchedulesPage(props: {
  info: PageInfo;
  viewer: Viewer;
  schedules: ScheduleView[];
  mode: string;
  notice?: string;
  /** Formats a time in a zone (jobs/schedules.ts localTime). */
  localTime: (iso: string, tz: string) => string;
}) {
  const { localTime } = props;
  const editor = props.viewer.role === 'editor';
  return (
    <Layout {...props.info}>
      <h1>Schedules</h1>
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      <p class="muted">
        {props.mode === 'bullmq'
          ? 'Service mode: schedules are BullMQ job schedulers on Redis; any radar worker takes the crawls.'
          : 'Schedules fire inside this radar serve process (no Redis): keep it running.'}{' '}
        Set a schedule in the source’s form.
      </p>
      <div class="scroll">
        <table class="stack">
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Schedule</th>
              <th scope="col">Next run</th>
              <th scope="col">State</th>
              <th scope="col">
                <span class="sr">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.schedules.map((s) => (
              <tr>
                <th scope="row">
                  {editor ? <a href={`/sources/${encodeURIComponent(s.sourceId)}/edit#f-preset`}>{s.sourceId}</a> : s.sourceId}
                </th>
                <td data-label="Schedule">{describeCron(s.cron, s.timezone)}</td>
                <td data-label="Next run">
                  {s.next ? `${localTime(s.next, s.timezone)}${s.timezone === 'UTC' ? '' : ` (${when(s.next)})`}` : '–'}
                </td>
                <td data-label="State">{!s.cron ? 'by hand only' : s.paused ? '⏸ paused' : '▶ active'}</td>
                <td class="buttons">
                  {editor && s.cron ? (
                    <form
                      method="post"
                      action={`/sources/${encodeURIComponent(s.sourceId)}/${s.paused ? 'resume' : 'pause'}`}
                      class="inline"
                    >
                      <Csrf viewer={props.viewer} />
                      <button type="submit" class="small secondary">
                        {s.paused ? 'Resume' : 'Pause'} <span class="sr">{s.sourceId}</span>
                      </button>
                    </form>
                  ) : null}
                  {editor ? (
                    <form method="post" action={`/sources/${encodeURIComponent(s.sourceId)}/run`} class="inline">
                      <Csrf viewer={props.viewer} />
                      <button type="submit" class="small">
                        Run now <span class="sr">{s.sourceId}</span>
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
