/** The analysts' pages: overview, reviews explorer, personas, themes, reports, forgetting a reviewer. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext, AppEnv } from '../app-context.js';
import { pageInfo } from './page-kit.js';
import { overviewOf, personasOf, themesOf } from '../insights.js';
import { reportFiles } from '../report-files.js';
import type { ReportFormat } from '../../pipeline/report.js';
import { rememberForgotten, withForgetLock } from '../../storage/forget.js';
import { ExplorerPage, readFilters } from './explorer.js';
import { OverviewPage } from './overview.js';
import { PersonaPage, PersonasPage } from './personas.js';
import { ThemesPage } from './themes.js';
import { ReportsPage } from './reports.js';
import { ForgetPage } from './forget.js';
import { errorPage } from './error-page.js';

const REPORT_FORMATS: ReportFormat[] = ['html', 'md', 'json', 'csv', 'pdf'];

/** Registers the analysts' pages. */
export function analystRoutes(web: OpenAPIHono<AppEnv>, app: AppContext): void {
  const state = () => app.project.current();
  const personaLabels = async (project: string) => {
    const [set] = await app.store.latestPersonaSets(project, 1);
    return new Map((set?.personas ?? []).map((p) => [p.id, p.label]));
  };

  web.get('/', async (c) => {
    const [s, snapshot] = await Promise.all([state(), app.index.current()]);
    return c.html(
      <OverviewPage
        info={pageInfo(app, c, 'Overview', s.config.project)}
        overview={overviewOf(s.config, snapshot)}
        builtAt={snapshot.builtAt}
      />,
    );
  });

  web.get('/explorer', async (c) => {
    const [s, snapshot] = await Promise.all([state(), app.index.current()]);
    const { params, errors } = readFilters(c.req.query());
    return c.html(
      <ExplorerPage
        info={pageInfo(app, c, 'Reviews', s.config.project)}
        config={s.config}
        snapshot={snapshot}
        params={params}
        errors={errors}
        personaLabels={await personaLabels(s.config.project)}
        editor={c.get('viewer').role === 'editor'}
      />,
    );
  });

  web.get('/personas', async (c) => {
    const s = await state();
    return c.html(
      <PersonasPage
        info={pageInfo(app, c, 'Personas', s.config.project)}
        config={s.config}
        data={await personasOf(app.store, s.config.project)}
      />,
    );
  });
  web.get('/personas/:id', async (c) => {
    const s = await state();
    const persona = (await personasOf(app.store, s.config.project)).personas.find((p) => p.id === c.req.param('id'));
    if (!persona) return c.html(errorPage(app, c, 404, 'No such persona in the latest report.'), 404);
    return c.html(<PersonaPage info={pageInfo(app, c, persona.label, s.config.project)} config={s.config} persona={persona} />);
  });

  web.get('/themes', async (c) => {
    const [s, snapshot] = await Promise.all([state(), app.index.current()]);
    return c.html(
      <ThemesPage info={pageInfo(app, c, 'Themes', s.config.project)} config={s.config} themes={themesOf(s.config, snapshot)} />,
    );
  });

  web.get('/reports', async (c) => {
    const s = await state();
    return c.html(
      <ReportsPage
        info={pageInfo(app, c, 'Reports', s.config.project)}
        viewer={c.get('viewer')}
        folder={s.config.report.outDir}
        formats={s.config.report.formats}
        serviceMode={!!app.queues}
        files={await reportFiles(s.config.report.outDir)}
        notice={c.req.query('built') !== undefined ? 'The report is being rebuilt: reload in a moment.' : undefined}
      />,
    );
  });
  web.post('/reports/build', async (c) => {
    const s = await state();
    const chosen = (await c.req.parseBody({ all: true })).formats;
    const formats = (Array.isArray(chosen) ? chosen : chosen ? [chosen] : [])
      .map(String)
      .filter((f): f is ReportFormat => REPORT_FORMATS.includes(f as ReportFormat));
    app.runner
      .report(s.config, formats.length ? formats : undefined)
      .catch((err: unknown) => app.log.warn({ err: (err as Error).message }, 'report failed'));
    return c.redirect('/reports?built', 303);
  });

  web.get('/authors/:key/forget', async (c) => {
    const s = await state();
    const key = c.req.param('key');
    const documents = await app.store.countDocuments({ authorKey: key, includeDuplicates: true });
    return c.html(
      <ForgetPage
        info={pageInfo(app, c, 'Forget a reviewer', s.config.project)}
        viewer={c.get('viewer')}
        authorKey={key}
        documents={documents}
      />,
    );
  });
  web.post('/authors/:key/forget', async (c) => {
    const s = await state();
    const key = c.req.param('key');
    const done = await withForgetLock(app.store, async () => {
      await rememberForgotten(app.store, key);
      return app.store.forgetAuthor(key);
    });
    // Once answered, no page shows the person's words any more.
    await app.index.caughtUp();
    return c.html(
      <ForgetPage
        info={pageInfo(app, c, 'Forget a reviewer', s.config.project)}
        viewer={c.get('viewer')}
        authorKey={key}
        documents={0}
        done={done}
      />,
    );
  });
}
