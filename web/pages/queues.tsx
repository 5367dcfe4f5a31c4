/** Service mode: the operators' view of the queues — counts, recent and failed jobs with reasons. */
import type { JobSummary, QueueCounts } from '../../jobs/job-list.js';
import type { PageInfo } from './layout.js';
import { Layout, when } from './layout.js';

function Jobs(props: { jobs: JobSummary[]; caption: string }) {
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Queue</th>
          <th scope="col">Job</th>
          <th scope="col">State</th>
          <th scope="col">Source</th>
          <th scope="col">Attempts</th>
          <th scope="col">Reason</th>
        </tr>
      </thead>
      <tbody>
        {props.jobs.map((j) => (
          <tr>
            <td>{when(j.finishedAt ?? j.addedAt)}</td>
            <td>{j.queue}</td>
            <td>{j.id}</td>
            <td>{j.state === 'failed' ? '✗ failed' : j.state}</td>
            <td>{j.sourceId ?? '–'}</td>
            <td>
              {j.attempts.made}/{j.attempts.allowed}
            </td>
            <td>{j.reason ?? ''}</td>
          </tr>
        ))}
        {!props.jobs.length ? (
          <tr>
            <td colspan={7}>none</td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}

/** The queues page. */
export function QueuesPage(props: { info: PageInfo; counts: QueueCounts; jobs: JobSummary[]; failed: JobSummary[] }) {
  return (
    <Layout {...props.info}>
      <h1>Queues</h1>
      <div hx-get="/queues" hx-trigger="every 10s" hx-select="#queues" hx-target="#queues" hx-swap="outerHTML"></div>
      <div id="queues" class="scroll">
        <table>
          <caption>Jobs by queue</caption>
          <thead>
            <tr>
              <th scope="col">Queue</th>
              <th scope="col">Active</th>
              <th scope="col">Waiting</th>
              <th scope="col">Delayed</th>
              <th scope="col">Completed</th>
              <th scope="col">Failed</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(props.counts).map(([q, c]) => (
              <tr>
                <th scope="row">{q}</th>
                <td>{c.active}</td>
                <td>{c.waiting + c.prioritized}</td>
                <td>{c.delayed}</td>
                <td>{c.completed}</td>
                <td>{c.failed}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Jobs jobs={props.failed} caption="Failed jobs" />
        <Jobs jobs={props.jobs} caption="Recent jobs" />
      </div>
    </Layout>
  );
}
