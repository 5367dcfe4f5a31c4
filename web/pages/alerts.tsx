/** The Alerts page: the rules and channels in force, a test per rule, and the delivery history with the reason of each failure. */
import type { HistoryEntry } from '../../alerts/history.js';
import type { RadarConfig } from '../../config/schema.js';
import type { AlertMessage, AlertMessageStatus, AlertRecord } from '../../domain/alerts.js';
import type { Viewer } from '../auth.js';
import type { HistoryFilters } from '../alerts.js';
import { channelWhere, digestText, ruleWhat, scopeText } from './alert-text.js';
import type { PageInfo } from './layout.js';
import { Csrf, Layout, Notice, when } from './layout.js';

const STATUS_TEXT: Record<AlertMessageStatus, string> = {
  pending: '… pending',
  sending: '▶ sending',
  retry: '↻ retrying',
  sent: '✓ sent',
  failed: '✗ failed',
};

/** The status filter's choices (values as `radar alerts list --status` takes them). */
const STATUS_CHOICES = [
  { value: '', label: 'Any' },
  { value: 'failed,retry', label: 'Failed or retrying' },
  { value: 'failed', label: 'Failed' },
  { value: 'retry', label: 'Retrying' },
  { value: 'sent', label: 'Sent' },
  { value: 'pending,sending', label: 'Waiting to be sent' },
];

/** A test's outcome, per channel, as the page shows it after the button. */
export interface TestedView {
  /** Rule id. */
  rule: string;
  /** Its messages as they ended. */
  messages: AlertMessage[];
}

function historyHref(filters: { rule?: string; status?: string; limit?: number }): string {
  const q = new URLSearchParams();
  if (filters.rule) q.set('rule', filters.rule);
  if (filters.status) q.set('status', filters.status);
  if (filters.limit && filters.limit !== 50) q.set('limit', String(filters.limit));
  const s = q.toString();
  return `/alerts${s ? `?${s}` : ''}#history`;
}

function TestNotice(props: { tested: TestedView }) {
  const { rule, messages } = props.tested;
  const ok = messages.length > 0 && messages.every((m) => m.status === 'sent');
  return (
    <Notice kind={ok ? 'ok' : 'error'}>
      <p>
        Test of rule <strong>{rule}</strong>:{' '}
        {messages.length ? (ok ? 'delivered to every channel.' : 'not delivered everywhere.') : 'no outcome found.'}
      </p>
      <ul class="outcomes">
        {messages.map((m) => (
          <li>
            <strong>{m.channel}</strong>: {m.status === 'sent' ? '✓ sent' : `✗ not sent — ${m.lastError ?? m.status}`}
          </li>
        ))}
      </ul>
    </Notice>
  );
}

function RulesTable(props: { config: RadarConfig; viewer: Viewer }) {
  const { rules } = props.config.alerts;
  const editor = props.viewer.role === 'editor';
  if (!rules.length) return <p class="muted">No rules yet{editor ? ': add them under Edit rules and channels.' : '.'}</p>;
  return (
    <div class="scroll">
      <table class="stack alert-rules">
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Type</th>
            <th scope="col">Alerts on</th>
            <th scope="col">Watches</th>
            <th scope="col">Sends</th>
            <th scope="col">Channels</th>
            <th scope="col">
              <span class="sr">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => (
            <tr>
              <th scope="row">{r.id}</th>
              <td data-label="Type">{r.type}</td>
              <td data-label="Alerts on">{ruleWhat(r)}</td>
              <td data-label="Watches">{scopeText(r)}</td>
              <td data-label="Sends">
                {digestText(r)}; at most {r.maxItems} per message
              </td>
              <td data-label="Channels">{r.channels.join(', ')}</td>
              <td class="buttons">
                {editor ? (
                  <form method="post" action={`/alerts/${encodeURIComponent(r.id)}/test`} class="inline">
                    <Csrf viewer={props.viewer} />
                    <button type="submit" class="small">
                      Send a test <span class="sr">of {r.id}</span>
                    </button>
                  </form>
                ) : null}{' '}
                <a class="small" href={historyHref({ rule: r.id })}>
                  History <span class="sr">of {r.id}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ChannelsTable(props: { config: RadarConfig; envSet: (name: string) => boolean }) {
  const { channels } = props.config.alerts;
  if (!channels.length) return <p class="muted">No channels yet.</p>;
  return (
    <div class="scroll">
      <table class="stack">
        <thead>
          <tr>
            <th scope="col">Channel</th>
            <th scope="col">Type</th>
            <th scope="col">Sends to</th>
            <th scope="col">Secrets (environment variables)</th>
          </tr>
        </thead>
        <tbody>
          {channels.map((c) => {
            const { where, secrets } = channelWhere(c);
            return (
              <tr>
                <th scope="row">{c.id}</th>
                <td data-label="Type">{c.type}</td>
                <td data-label="Sends to" class="urls">
                  {where}
                </td>
                <td data-label="Secrets">
                  {secrets.length ? (
                    <ul class="plain">
                      {secrets.map((s) => (
                        <li>
                          <code>{s.env}</code> <span class="muted">({s.what})</span>
                          {props.envSet(s.env) ? null : (
                            <>
                              {' '}
                              <span class="tag alt">not set on this server</span>
                            </>
                          )}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span class="muted">none</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function History(props: {
  config: RadarConfig;
  messages: HistoryEntry[];
  waiting: AlertRecord[];
  filters: HistoryFilters;
  filterError?: string;
}) {
  const { filters } = props;
  const status = filters.status?.join(',') ?? '';
  const rules = [...new Set([...props.config.alerts.rules.map((r) => r.id), ...(filters.rule ? [filters.rule] : [])])];
  return (
    <section aria-labelledby="history">
      <h2 id="history">Delivery history</h2>
      <form method="get" action="/alerts#history" class="filters">
        <div class="field">
          <label for="h-rule">Rule</label>
          <select id="h-rule" name="rule">
            <option value="">Any</option>
            {rules.map((r) => (
              <option value={r} selected={r === filters.rule}>
                {r}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="h-status">Status</label>
          <select id="h-status" name="status">
            {STATUS_CHOICES.map((o) => (
              <option value={o.value} selected={o.value === status}>
                {o.label}
              </option>
            ))}
            {status && !STATUS_CHOICES.some((o) => o.value === status) ? (
              <option value={status} selected>
                {status}
              </option>
            ) : null}
          </select>
        </div>
        <div class="actions">
          <button type="submit">Show</button> {filters.rule || status ? <a href="/alerts#history">Clear filters</a> : null}
        </div>
      </form>
      {props.filterError ? <Notice kind="warn">Some filters were not understood and are left out: {props.filterError}</Notice> : null}
      {props.messages.length ? (
        <div class="scroll">
          <table class="stack alert-history">
            <thead>
              <tr>
                <th scope="col">Created</th>
                <th scope="col">Rule</th>
                <th scope="col">Channel</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Next attempt / sent</th>
                <th scope="col">Findings</th>
                <th scope="col">Last error</th>
              </tr>
            </thead>
            <tbody>
              {props.messages.map(({ message: m, findings }) => (
                <tr class={m.status === 'failed' ? 'failed' : m.status === 'retry' ? 'warn' : ''}>
                  <td data-label="Created">{when(m.createdAt)}</td>
                  <td data-label="Rule">
                    {m.rule}
                    {m.test ? (
                      <>
                        {' '}
                        <span class="tag alt">test</span>
                      </>
                    ) : null}
                  </td>
                  <td data-label="Channel">{m.channel}</td>
                  <td data-label="Status">{STATUS_TEXT[m.status] ?? m.status}</td>
                  <td data-label="Attempts">{m.attempts}</td>
                  <td data-label="Next attempt / sent">
                    {m.status === 'sent'
                      ? `sent ${when(m.sentAt)}`
                      : m.status === 'failed'
                        ? 'no more attempts'
                        : `next ${when(m.nextAttemptAt)}`}
                  </td>
                  <td data-label="Findings">
                    {findings.length === 1 ? (
                      findings[0]!.title
                    ) : (
                      <details>
                        <summary>{findings.length} findings</summary>
                        <ul>
                          {findings.slice(0, 50).map((f) => (
                            <li>{f.title}</li>
                          ))}
                        </ul>
                      </details>
                    )}
                  </td>
                  <td data-label="Last error" class="reason">
                    {m.lastError ?? <span class="muted">–</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="muted">{filters.rule || status ? 'No message matches these filters.' : 'Nothing sent yet.'}</p>
      )}
      {props.messages.length === filters.limit && filters.limit < 500 ? (
        <p>
          <a href={historyHref({ rule: filters.rule, status, limit: Math.min(500, filters.limit * 2) })}>Show more</a>
        </p>
      ) : null}
      {props.waiting.length ? (
        <details class="waiting">
          <summary>
            {props.waiting.length} finding{props.waiting.length === 1 ? '' : 's'} waiting for the next digest
          </summary>
          <ul>
            {props.waiting.slice(0, 50).map((w) => (
              <li>
                {when(w.createdAt)} · {w.rule} · {w.title}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

/** The Alerts page. */
export function AlertsPage(props: {
  info: PageInfo;
  viewer: Viewer;
  config: RadarConfig;
  messages: HistoryEntry[];
  waiting: AlertRecord[];
  filters: HistoryFilters;
  filterError?: string;
  notice?: string;
  tested?: TestedView;
  /** Whether an environment variable is set in this process (its value is never read for the page). */
  envSet: (name: string) => boolean;
}) {
  const { config } = props;
  const { delivery } = config.alerts;
  const editor = props.viewer.role === 'editor';
  return (
    <Layout {...props.info}>
      <h1>Alerts</h1>
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      {props.tested ? <TestNotice tested={props.tested} /> : null}
      <p class="muted">
        After every report the rules look at what changed and send what they find through the channels; nothing is sent twice.
        {editor ? ' ' : null}
        {editor ? (
          <a class="button secondary" href="/alerts/edit">
            Edit rules and channels
          </a>
        ) : null}
      </p>
      <section aria-labelledby="rules-h">
        <h2 id="rules-h">Rules</h2>
        <RulesTable config={config} viewer={props.viewer} />
      </section>
      <section aria-labelledby="channels-h">
        <h2 id="channels-h">Channels</h2>
        <ChannelsTable config={config} envSet={props.envSet} />
        <p class="muted">
          Delivery: each try within {delivery.timeoutSecs} s; retried after {delivery.backoffSecs} s, doubling, up to {delivery.maxAttempts}{' '}
          attempts; at most {delivery.budgetSecs} s of delivering per report run. Links in messages open{' '}
          {config.alerts.linkBase ? <code>{config.alerts.linkBase}</code> : 'the HTML report (set linkBase for this app)'}.
        </p>
      </section>
      <History config={config} messages={props.messages} waiting={props.waiting} filters={props.filters} filterError={props.filterError} />
    </Layout>
  );
}
