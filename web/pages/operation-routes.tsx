/** The pages of what runs: schedules, runs with their live progress, and (service mode) the queues. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext, AppEnv } from '../app-context.js';
import { pageInfo } from './page-kit.js';
import { runsWithWarnings } from '../api/runs.js';
import { viewRuns } from '../runs-view.js';
import { answered } from '../service-timeout.js';
import { LiveRuns, RunsPage } from './runs.js';
import { SchedulesPage } from './schedules.js';
import { QueuesPage } from './queues.js';
import { errorPage } from './error-page.js';

/** Registers the schedules, runs and queues pages. */
export function operationRoutes(web: OpenAPIHono<AppEnv>, app: AppContext): void {
  const state = () => app.project.current();

  web.get('/schedules', async (c) => {
    const s = await state();
    const paused = c.req.query('paused');
    const resumed = c.req.query('resumed');
    return c.html(
      <SchedulesPage
        info={pageInfo(app, c, 'Schedules', s.config.project)}
        viewer={c.get('viewer')}
        schedules={await app.scheduler.list(s.config)}
        mode={app.scheduler.mode}
        localTime={(await import('../../jobs/schedules.js')).localTime}
        notice={paused ? `Paused ${paused}.` : resumed ? `Resumed ${resumed}.` : undefined}
      />,
    );
  });

  const live = async () => ({
    requested: app.runner.recent().slice(0, 20),
    running: viewRuns((await app.store.listRuns({ limit: 50 })).filter((r) => r.status === 'running')),
  });
  web.get('/runs', async (c) => {
    const s = await state();
    const source = c.req.query('source') || undefined;
    const started = c.req.query('started');
    return c.html(
      <RunsPage
        info={pageInfo(app, c, 'Runs', s.config.project)}
        viewer={c.get('viewer')}
        runs={await runsWithWarnings(app, source, 100)}
        source={source}
        live={await live()}
        notice={started ? `Started a crawl of ${started}: follow it below.` : undefined}
      />,
    );
  });
  web.get('/runs/live', async (c) => c.html(<LiveRuns {...(await live())} />));

  web.get('/queues', async (c) => {
    const s = await state();
    if (!app.queues)
      return c.html(errorPage(app, c, 404, 'Not in service mode: there are no queues (runs happen in radar serve itself).'), 404);
    const { queueCounts, recentJobs } = await import('../../jobs/job-list.js');
    const [counts, jobs, failed] = await answered(
      Promise.all([
        queueCounts(app.queues),
        recentJobs(app.queues, { limit: 30 }),
        recentJobs(app.queues, { states: ['failed'], limit: 30 }),
      ]),
    );
    return c.html(<QueuesPage info={pageInfo(app, c, 'Queues', s.config.project)} counts={counts} jobs={jobs} failed={failed} />);
  });
}
