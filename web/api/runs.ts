/** `/api/runs`, `/api/schedules`, `/api/queues`: what crawls did and do, and when they come. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../app-context.js';
import { viewRuns } from '../runs-view.js';
import { errors, json, validationHook } from './common.js';
import { answered } from '../service-timeout.js';

/** Runs with their warnings (newest first). */
export async function runsWithWarnings(app: AppContext, sourceId?: string, limit = 50) {
  // Each run is judged against the runs of its source before it: read enough history for that.
  const runs = await app.store.listRuns({ sourceId, limit: limit + 200 });
  return viewRuns(runs).slice(0, limit);
}

/** The runs and schedules routes. */
export function runRoutes(app: AppContext): OpenAPIHono<AppEnv> {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.openapi(
    createRoute({
      method: 'get',
      path: '/runs',
      tags: ['runs'],
      summary: 'Crawl runs, newest first: pages fetched/failed/blocked, items found/new/updated, errors with reasons, duration, warnings',
      request: {
        query: z.object({
          source: z.string().optional().describe('Only runs of this source.'),
          limit: z.coerce.number().int().min(1).max(500).default(50).describe('How many runs.'),
        }),
      },
      responses: { 200: json(z.array(z.any()), 'Runs.'), ...errors(400) },
    }),
    async (c) => {
      const { source, limit } = c.req.valid('query');
      return c.json(await runsWithWarnings(app, source, limit), 200);
    },
  );
  r.openapi(
    createRoute({
      method: 'get',
      path: '/runs/live',
      tags: ['runs'],
      summary: 'Runs in progress: runs asked for here (queued, crawling, analysing, reporting) and running crawl records',
      responses: { 200: json(z.any(), 'Progress: { requested: runs asked for here, running: running crawl records }.') },
    }),
    async (c) => {
      const running = (await app.store.listRuns({ limit: 50 })).filter((run) => run.status === 'running');
      return c.json({ requested: app.runner.recent().slice(0, 20), running: viewRuns(running) }, 200);
    },
  );
  r.openapi(
    createRoute({
      method: 'get',
      path: '/runs/{id}',
      tags: ['runs'],
      summary: 'One run',
      request: { params: z.object({ id: z.string() }) },
      responses: { 200: json(z.any(), 'The run.'), ...errors(404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const run = (await runsWithWarnings(app, undefined, 1000)).find((x) => x._id === id);
      return run ? c.json(run, 200) : c.json({ error: `no run "${id}" among the latest 1,000` }, 404);
    },
  );
  r.openapi(
    createRoute({
      method: 'get',
      path: '/schedules',
      tags: ['schedules'],
      summary: 'Every source with its schedule (cron, time zone, paused) and next run',
      responses: {
        200: json(z.object({ mode: z.enum(['in-process', 'bullmq']), schedules: z.array(z.any()) }), 'Schedules.'),
        ...errors(503),
      },
    }),
    async (c) => {
      const state = await app.project.current();
      return c.json({ mode: app.scheduler.mode, schedules: await app.scheduler.list(state.config) }, 200);
    },
  );
  r.openapi(
    createRoute({
      method: 'get',
      path: '/queues',
      tags: ['service mode'],
      summary: 'Service mode: queue counts, recent and failed jobs with reasons (404 without Redis)',
      responses: { 200: json(z.any(), 'Queues.'), ...errors(404, 503) },
    }),
    async (c) => {
      if (!app.queues)
        return c.json({ error: 'not in service mode: no Redis (RADAR_REDIS_URL) configured; runs happen in radar serve itself' }, 404);
      const { queueCounts, recentJobs } = await import('../../jobs/job-list.js');
      const [counts, jobs, failed] = await answered(
        Promise.all([
          queueCounts(app.queues),
          recentJobs(app.queues, { limit: 30 }),
          recentJobs(app.queues, { states: ['failed'], limit: 30 }),
        ]),
      );
      return c.json({ counts, jobs, failed }, 200);
    },
  );
  return r;
}
