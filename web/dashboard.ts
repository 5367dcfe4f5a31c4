/**
 * The operators' web view of service mode (`radar serve`): queue counts, schedules with their next
 * run, recent and failed jobs with reasons, and the latest report files — read-only, plain
 * node:http, one self-contained page that refreshes itself.
 *
 * Access: with a token (`RADAR_TOKEN`) every request but /healthz must carry it — an
 * `Authorization: Bearer` header, or `?token=` once in a browser, which sets an HttpOnly cookie.
 * Without a token the server binds to loopback only, so it is never open to the network.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Logger } from 'pino';
import type { RadarConfig } from '../config/schema.js';
import { stageLogger } from '../log/logger.js';
import { UsageError } from '../domain/errors.js';
import { queueCounts, recentJobs, type JobSummary, type QueueCounts } from '../jobs/job-list.js';
import { listSchedules, type ScheduleEntry } from '../jobs/schedules.js';
import type { RadarQueues } from '../jobs/queues.js';
import { messagesFor } from '../reports/i18n/messages.js';

/** How long a page waits for Redis before answering 503. */
const QUEUE_TIMEOUT_MS = 5_000;

/** Options of the dashboard. */
export interface DashboardOptions {
  /** The project's queues (on a service connection). */
  queues: RadarQueues;
  /** The project config (report folder, schedules). */
  config: RadarConfig;
  /** Access token; unset means loopback only. */
  token?: string;
  /** Address to bind (default 0.0.0.0 with a token, 127.0.0.1 without; anything but loopback needs a token). */
  host?: string;
  /** Port (0 picks a free one). */
  port: number;
  /** Logger. */
  log?: Logger;
}

/** A running dashboard. */
export interface Dashboard {
  /** Base URL. */
  url: string;
  /** Bound address. */
  host: string;
  /** Bound port. */
  port: number;
  /** Stops the server. */
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.pdf': 'application/pdf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

function cookieToken(req: IncomingMessage): string | undefined {
  const m = /(?:^|;\s*)radar_token=([^;]+)/.exec(req.headers.cookie ?? '');
  return m ? decodeURIComponent(m[1]!) : undefined;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function page(
  project: string,
  counts: QueueCounts,
  schedules: ScheduleEntry[],
  jobs: JobSummary[],
  failed: JobSummary[],
  files: string[],
): string {
  const countRows = Object.entries(counts)
    .map(
      ([q, c]) =>
        `<tr><td>${q}</td><td>${c.active}</td><td>${c.waiting + c.prioritized}</td><td>${c.delayed}</td><td>${c.completed}</td><td class="${c.failed ? 'bad' : ''}">${c.failed}</td></tr>`,
    )
    .join('');
  const scheduleRows = schedules
    .map(
      (s) =>
        `<tr><td>${escapeHtml(s.sourceId ?? s.id)}</td><td><code>${escapeHtml(s.pattern ?? '')}</code></td><td>${escapeHtml(s.tz ?? 'UTC')}</td><td>${s.next ?? '–'}</td><td>${s.status}</td></tr>`,
    )
    .join('');
  const jobRow = (j: JobSummary) =>
    `<tr><td>${(j.finishedAt ?? j.addedAt).replace('T', ' ').slice(0, 19)}</td><td>${j.queue}</td><td>${escapeHtml(j.id)}</td><td class="${j.state === 'failed' ? 'bad' : ''}">${j.state}</td><td>${escapeHtml(j.sourceId ?? '–')}</td><td>${j.attempts.made}/${j.attempts.allowed}</td><td>${escapeHtml(j.reason ?? '')}</td></tr>`;
  const head = '<tr><th>when (UTC)</th><th>queue</th><th>job</th><th>state</th><th>source</th><th>attempts</th><th>reason</th></tr>';
  const fileLinks = files.length
    ? files.map((f) => `<li><a href="/report/${encodeURIComponent(f)}">${escapeHtml(f)}</a></li>`).join('')
    : '<li>no report yet</li>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="10">
<title>Review Radar — ${escapeHtml(project)} queues</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border-bottom:1px solid #ddd;padding:.25rem .6rem;text-align:left;vertical-align:top}th{background:#f4f4f4}.bad{color:#b00020;font-weight:600}code{background:#f4f4f4;padding:0 .2rem}</style></head>
<body><h1>Review Radar — ${escapeHtml(project)}</h1>
<h2>Queues</h2><table><tr><th>queue</th><th>active</th><th>waiting</th><th>delayed</th><th>completed</th><th>failed</th></tr>${countRows}</table>
<h2>Schedules</h2><table><tr><th>source</th><th>cron</th><th>timezone</th><th>next run (UTC)</th><th>status</th></tr>${scheduleRows || '<tr><td colspan="5">none (radar schedule sync)</td></tr>'}</table>
<h2>Failed jobs</h2><table>${head}${failed.map(jobRow).join('') || '<tr><td colspan="7">none</td></tr>'}</table>
<h2>Recent jobs</h2><table>${head}${jobs.map(jobRow).join('') || '<tr><td colspan="7">none</td></tr>'}</table>
<h2>Latest report</h2><ul>${fileLinks}</ul>
<p>JSON: <a href="/api/queues">/api/queues</a> · <a href="/api/jobs">/api/jobs</a> · <a href="/api/jobs?state=failed">/api/jobs?state=failed</a> · <a href="/api/messages">/api/messages</a></p>
</body></html>`;
}

/** Starts the dashboard; refuses a non-loopback address without a token. */
export async function startDashboard(options: DashboardOptions): Promise<Dashboard> {
  const log = options.log ?? stageLogger('serve');
  const token = options.token || undefined;
  const host = options.host ?? (token ? '0.0.0.0' : '127.0.0.1');
  if (!token && !LOOPBACK.has(host)) {
    throw new UsageError(
      `--host ${host}: set RADAR_TOKEN to serve beyond this machine; without a token the dashboard binds to 127.0.0.1 only`,
    );
  }
  const reportDir = resolve(options.config.report.outDir);
  const { queues, config } = options;
  const tokenDigest = token ? digest(token) : undefined;

  const authorized = (req: IncomingMessage, url: URL): 'ok' | 'query' | 'no' => {
    if (!tokenDigest) return 'ok';
    const header = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const candidates: [string | undefined | null, 'ok' | 'query'][] = [
      [header, 'ok'],
      [cookieToken(req), 'ok'],
      [url.searchParams.get('token'), 'query'],
    ];
    for (const [given, how] of candidates) {
      // Compare digests: equal length, constant time, whatever was sent.
      if (given && timingSafeEqual(digest(given), tokenDigest)) return how;
    }
    return 'no';
  };

  const reportFiles = async (): Promise<string[]> => {
    try {
      const names = await readdir(reportDir);
      return names.filter((n) => TYPES[extname(n)]).sort((a, b) => (a === 'index.html' ? -1 : b === 'index.html' ? 1 : a.localeCompare(b)));
    } catch {
      return [];
    }
  };

  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }).end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz') return send(res, 200, 'text/plain; charset=utf-8', 'ok\n');
    const auth = authorized(req, url);
    if (auth === 'no') {
      res.setHeader('www-authenticate', 'Bearer realm="radar"');
      return send(
        res,
        401,
        'text/plain; charset=utf-8',
        'unauthorized: send Authorization: Bearer <RADAR_TOKEN> (or open /?token=<RADAR_TOKEN> once in a browser)\n',
      );
    }
    if (auth === 'query') {
      // Keep the token out of the address bar and history: a cookie carries it from here on.
      url.searchParams.delete('token');
      res
        .writeHead(303, {
          location: `${url.pathname}${url.search}`,
          'set-cookie': `radar_token=${encodeURIComponent(token!)}; HttpOnly; SameSite=Strict; Path=/`,
        })
        .end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'read-only\n');
    if (url.pathname === '/') {
      const [counts, schedules, jobs, failed, files] = await answered(
        Promise.all([
          queueCounts(queues),
          listSchedules(queues, config),
          recentJobs(queues, { limit: 30 }),
          recentJobs(queues, { states: ['failed'], limit: 30 }),
          reportFiles(),
        ]),
      );
      return send(res, 200, 'text/html; charset=utf-8', page(config.project, counts, schedules, jobs, failed, files));
    }
    if (url.pathname === '/api/queues') {
      const [counts, schedules] = await answered(Promise.all([queueCounts(queues), listSchedules(queues, config)]));
      return send(res, 200, 'application/json; charset=utf-8', `${JSON.stringify({ project: config.project, counts, schedules })}\n`);
    }
    if (url.pathname === '/api/messages') {
      // The report's message catalogue in the configured language (report.language): the words
      // (functions that build sentences from figures are left out), so a page can follow the setting.
      const m = messagesFor(config.report.language);
      const body = { language: m.lang, locale: m.locale, dir: m.dir, messages: m };
      return send(res, 200, 'application/json; charset=utf-8', `${JSON.stringify(body)}\n`);
    }
    if (url.pathname === '/api/jobs') {
      const state = url.searchParams.get('state');
      const jobs = await answered(
        recentJobs(queues, {
          states: state === 'failed' ? ['failed'] : undefined,
          limit: Number(url.searchParams.get('limit') ?? 50) || 50,
        }),
      );
      return send(res, 200, 'application/json; charset=utf-8', `${JSON.stringify(jobs)}\n`);
    }
    if (url.pathname === '/report' || url.pathname.startsWith('/report/')) {
      const name = decodeURIComponent(url.pathname.slice('/report/'.length)) || 'index.html';
      const file = resolve(reportDir, name);
      if (!file.startsWith(reportDir + sep) || !TYPES[extname(file)]) return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
      try {
        if (!(await stat(file)).isFile()) throw new Error('not a file');
        return send(res, 200, TYPES[extname(file)]!, await readFile(file));
      } catch {
        return send(res, 404, 'text/plain; charset=utf-8', `no report file ${name} yet in ${join(config.report.outDir)}\n`);
      }
    }
    return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
  };

  // Commands wait for Redis to come back (the worker's connection never gives up): a page must not.
  const answered = <T>(work: Promise<T>): Promise<T> => {
    work.catch(() => undefined);
    return Promise.race([
      work,
      new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new Error(`Redis did not answer within ${QUEUE_TIMEOUT_MS / 1000} s (is it running?)`)),
          QUEUE_TIMEOUT_MS,
        ).unref(),
      ),
    ]);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: Error) => {
      log.warn({ err: err.message, path: req.url?.split('?')[0] }, 'request failed');
      if (!res.headersSent) send(res, 503, 'text/plain; charset=utf-8', `queues unavailable: ${err.message}\n`);
      else res.end();
    });
  });
  await new Promise<void>((ok, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => ok());
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown === '0.0.0.0' ? '127.0.0.1' : shown}:${address.port}`,
    host: address.address,
    port: address.port,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
