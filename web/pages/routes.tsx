/** The pages' routes: each reads what its page shows, and the forms post back here (then redirect). */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppContext, AppEnv } from '../app-context.js';
import {
  removeBrand,
  removeProduct,
  removeSource,
  saveBrand,
  saveProduct,
  saveSource,
  setPaused,
  sourceById,
  cronOf,
  ScheduleInputSchema,
} from '../catalog.js';
import { NotFoundError } from '../config-edit.js';
import { ConfigConflictError } from '../../pipeline/project-config.js';
import { fieldErrors, ValidationError } from '../project.js';
import { overviewOf, personasOf, themesOf } from '../insights.js';
import { reportFiles } from '../report-files.js';
import type { ReportFormat } from '../../pipeline/report.js';

const REPORT_FORMATS: ReportFormat[] = ['html', 'md', 'json', 'csv', 'pdf'];
import { runsWithWarnings } from '../api/runs.js';
import { PreviewInputSchema, runPreview } from '../api/sources.js';
import { viewRuns } from '../runs-view.js';
import type { PageInfo } from './layout.js';
import { ExplorerPage, readFilters } from './explorer.js';
import { OverviewPage } from './overview.js';
import { BrandForm, ProductForm, SourceForm, SourcesPage, sourceFormValues, type PreviewView, type SourceFormValues } from './sources.js';
import { LiveRuns, RunsPage } from './runs.js';
import { SchedulesPage } from './schedules.js';
import { PersonaPage, PersonasPage } from './personas.js';
import { ThemesPage } from './themes.js';
import { ReportsPage } from './reports.js';
import { QueuesPage } from './queues.js';
import { errorPage } from './error-page.js';
import { FieldErrors } from './forms.js';
import { ForgetPage } from './forget.js';
import { rememberForgotten, withForgetLock } from '../../storage/forget.js';
import { answered } from '../service-timeout.js';

/** The fields of the source form that can carry an error. */
const SOURCE_FORM_FIELDS = [
  'owner',
  'id',
  'urls',
  'kind',
  'render',
  'maxPages',
  'profiles',
  'topReviewsOnly',
  'robots',
  'preset',
  'time',
  'weekday',
  'cron',
  'timezone',
];

/** Who a change made in a form is recorded as. */
const BY_FORM = 'web app';

const list = (s: unknown) =>
  String(s ?? '')
    .split(/[,\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** A source form's fields as the API's source input. */
function sourceInput(
  form: SourceFormValues,
  paused: boolean | undefined,
): { input: Record<string, unknown>; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const owner = form.owner ?? '';
  let brand: string | undefined;
  let product: string | undefined;
  if (owner.startsWith('brand:')) brand = owner.slice(6);
  else if (owner.startsWith('product:')) [brand, product] = owner.slice(8).split('/') as [string, string];
  const maxPages = form.maxPages?.trim() ? Number(form.maxPages) : undefined;
  const schedule = ScheduleInputSchema.safeParse({
    preset: form.preset || 'none',
    time: form.time || '06:00',
    weekday: form.weekday || '1',
    cron: form.cron || undefined,
    timezone: form.timezone || undefined,
  });
  let cron: string | undefined;
  if (!schedule.success) Object.assign(errors, fieldErrors(schedule.error));
  else {
    cron = cronOf(schedule.data);
    if (schedule.data.preset === 'cron' && !cron) errors.cron = 'write a cron expression, e.g. "0 6 * * 1-5"';
  }
  const input: Record<string, unknown> = {
    id: form.id?.trim() ?? '',
    kind: form.kind || 'reviews',
    urls: list(form.urls?.replace(/,/g, '\n')).filter(Boolean),
    render: form.render || 'auto',
    maxPages: maxPages === undefined || Number.isNaN(maxPages) ? form.maxPages : maxPages,
    profiles: form.profiles === 'on',
    robots: form.robots || 'respect',
    topReviewsOnly: form.topReviewsOnly === 'on',
    schedule: cron,
    timezone: cron ? form.timezone || undefined : undefined,
    paused: paused || undefined,
    ...(brand ? { brand } : {}),
    ...(product ? { product } : {}),
  };
  if (input.maxPages === undefined) delete input.maxPages;
  return { input, errors };
}

function formValues(body: Record<string, unknown>): SourceFormValues {
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]));
}

/** The field errors of a failed change, and the problems that belong to no field. */
function problemsOf(err: unknown): { errors: Record<string, string>; problems: string[] } {
  if (err instanceof ValidationError) {
    const errors = { ...err.fields };
    // The schedule's cron and time zone are checked as the source's `schedule` and `timezone`.
    if (errors.schedule) errors.cron = errors.schedule;
    return { errors, problems: err.problems };
  }
  if (err instanceof ConfigConflictError || err instanceof NotFoundError) return { errors: {}, problems: [err.message] };
  throw err;
}

/** Registers every page. */
export function pageRoutes(web: OpenAPIHono<AppEnv>, app: AppContext): void {
  const info = (c: Context<AppEnv>, title: string, project: string, extra: Partial<PageInfo> = {}): PageInfo => ({
    title,
    project,
    path: c.req.path,
    viewer: c.get('viewer'),
    serviceMode: !!app.queues,
    ...extra,
  });
  const state = () => app.project.current();
  const personaLabels = async (project: string) => {
    const [set] = await app.store.latestPersonaSets(project, 1);
    return new Map((set?.personas ?? []).map((p) => [p.id, p.label]));
  };

  web.get('/', async (c) => {
    const [s, snapshot] = await Promise.all([state(), app.index.current()]);
    return c.html(
      <OverviewPage info={info(c, 'Overview', s.config.project)} overview={overviewOf(s.config, snapshot)} builtAt={snapshot.builtAt} />,
    );
  });

  web.get('/explorer', async (c) => {
    const [s, snapshot] = await Promise.all([state(), app.index.current()]);
    const { params, errors } = readFilters(c.req.query());
    return c.html(
      <ExplorerPage
        info={info(c, 'Reviews', s.config.project)}
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
      <PersonasPage info={info(c, 'Personas', s.config.project)} config={s.config} data={await personasOf(app.store, s.config.project)} />,
    );
  });
  web.get('/personas/:id', async (c) => {
    const s = await state();
    const persona = (await personasOf(app.store, s.config.project)).personas.find((p) => p.id === c.req.param('id'));
    if (!persona) return c.html(errorPage(app, c, 404, 'No such persona in the latest report.'), 404);
    return c.html(<PersonaPage info={info(c, persona.label, s.config.project)} config={s.config} persona={persona} />);
  });

  web.get('/themes', async (c) => {
    const [s, snapshot] = await Promise.all([state(), app.index.current()]);
    return c.html(<ThemesPage info={info(c, 'Themes', s.config.project)} config={s.config} themes={themesOf(s.config, snapshot)} />);
  });

  web.get('/reports', async (c) => {
    const s = await state();
    return c.html(
      <ReportsPage
        info={info(c, 'Reports', s.config.project)}
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

  // Marketers: brands, products, sources.
  web.get('/sources', async (c) => {
    const s = await state();
    const runs = await app.store.listRuns({ limit: 500 });
    const last = new Map<string, (typeof runs)[number]>();
    for (const r of runs) if (!last.has(r.sourceId)) last.set(r.sourceId, r);
    const saved = c.req.query('saved');
    const deleted = c.req.query('deleted');
    const notice = saved ? `Saved ${saved}: every worker uses it from its next job.` : deleted ? `Deleted ${deleted}.` : undefined;
    return c.html(
      <SourcesPage
        info={info(c, 'Sources', s.config.project)}
        config={s.config}
        lastRuns={last}
        notice={notice}
        viewer={c.get('viewer')}
        revision={{ revision: s.revision, origin: s.origin, savedAt: s.savedAt, savedBy: s.savedBy }}
      />,
    );
  });

  web.get('/brands/new', async (c) => {
    const s = await state();
    return c.html(
      <BrandForm info={info(c, 'Add a brand', s.config.project)} viewer={c.get('viewer')} values={{ own: false }} errors={{}} />,
    );
  });
  web.get('/brands/:id/edit', async (c) => {
    const s = await state();
    const b = s.config.brands.find((x) => x.id === c.req.param('id'));
    if (!b) return c.html(errorPage(app, c, 404, `No brand "${c.req.param('id')}".`), 404);
    return c.html(
      <BrandForm
        info={info(c, `Edit ${b.name}`, s.config.project)}
        viewer={c.get('viewer')}
        values={{ id: b.id, name: b.name, own: b.own, aliases: b.aliases.join(', ') }}
        original={b.id}
        errors={{}}
      />,
    );
  });
  const postBrand = async (c: Context<AppEnv>, original?: string) => {
    const form = await c.req.parseBody();
    const values = {
      id: String(form.id ?? '').trim(),
      name: String(form.name ?? '').trim(),
      own: form.own === 'on',
      aliases: String(form.aliases ?? ''),
    };
    try {
      await saveBrand(app.project, { ...values, aliases: list(values.aliases) }, BY_FORM, original);
      return c.redirect(`/sources?saved=${encodeURIComponent(values.id)}`, 303);
    } catch (err) {
      const { errors, problems } = problemsOf(err);
      return c.html(
        <BrandForm
          info={info(c, 'Brand', app.project.name())}
          viewer={c.get('viewer')}
          values={values}
          original={original}
          errors={errors}
          problems={problems}
        />,
        // The form comes back with its errors beside the fields: a page, not a failed load (the API answers 400).
        200,
      );
    }
  };
  // Forms are checked as they are filled in (htmx posts them on each change): the errors beside the fields, nothing saved.
  web.post('/brands/check', async (c) => {
    const form = await c.req.parseBody();
    const values = {
      id: String(form.id ?? '').trim(),
      name: String(form.name ?? '').trim(),
      own: form.own === 'on',
      aliases: list(form.aliases),
    };
    let errors: Record<string, string> = {};
    try {
      await saveBrand(app.project, values, BY_FORM, String(form.original ?? '') || undefined, true);
    } catch (err) {
      errors = problemsOf(err).errors;
    }
    return c.html(<FieldErrors fields={['name', 'id', 'aliases']} errors={errors} />);
  });
  web.post('/sources/check', async (c) => {
    const s = await state();
    const form = formValues(await c.req.parseBody());
    const original = form.original || undefined;
    const { input, errors } = sourceInput(form, original ? sourceById(s.config, original)?.source.paused : undefined);
    let found: Record<string, string> = { ...errors };
    if (!Object.keys(errors).length) {
      try {
        await saveSource(app.project, input, BY_FORM, original, true);
      } catch (err) {
        found = problemsOf(err).errors;
      }
    }
    return c.html(<FieldErrors fields={SOURCE_FORM_FIELDS} errors={found} />);
  });
  web.post('/brands/new', (c) => postBrand(c));
  web.post('/brands/:id/edit', (c) => postBrand(c, c.req.param('id')));
  web.post('/brands/:id/delete', async (c) => {
    await removeBrand(app.project, c.req.param('id'), BY_FORM);
    return c.redirect(`/sources?deleted=${encodeURIComponent(c.req.param('id'))}`, 303);
  });

  web.get('/brands/:brand/products/new', async (c) => {
    const s = await state();
    return c.html(
      <ProductForm
        info={info(c, 'Add a product', s.config.project)}
        viewer={c.get('viewer')}
        brand={c.req.param('brand')}
        values={{}}
        errors={{}}
      />,
    );
  });
  web.get('/brands/:brand/products/:id/edit', async (c) => {
    const s = await state();
    const p = s.config.brands.find((b) => b.id === c.req.param('brand'))?.products.find((x) => x.id === c.req.param('id'));
    if (!p) return c.html(errorPage(app, c, 404, `No product "${c.req.param('id')}".`), 404);
    return c.html(
      <ProductForm
        info={info(c, `Edit ${p.name}`, s.config.project)}
        viewer={c.get('viewer')}
        brand={c.req.param('brand')}
        values={{ id: p.id, name: p.name, aliases: p.aliases.join(', ') }}
        original={p.id}
        errors={{}}
      />,
    );
  });
  const postProduct = async (c: Context<AppEnv>, original?: string) => {
    const form = await c.req.parseBody();
    const brand = c.req.param('brand')!;
    const values = { id: String(form.id ?? '').trim(), name: String(form.name ?? '').trim(), aliases: String(form.aliases ?? '') };
    try {
      await saveProduct(app.project, brand, { ...values, aliases: list(values.aliases) }, BY_FORM, original);
      return c.redirect(`/sources?saved=${encodeURIComponent(values.id)}`, 303);
    } catch (err) {
      const { errors, problems } = problemsOf(err);
      return c.html(
        <ProductForm
          info={info(c, 'Product', app.project.name())}
          viewer={c.get('viewer')}
          brand={brand}
          values={values}
          original={original}
          errors={errors}
          problems={problems}
        />,
        // The form comes back with its errors beside the fields: a page, not a failed load (the API answers 400).
        200,
      );
    }
  };
  web.post('/brands/:brand/products/new', (c) => postProduct(c));
  web.post('/brands/:brand/products/:id/edit', (c) => postProduct(c, c.req.param('id')));
  web.post('/brands/:brand/products/:id/delete', async (c) => {
    await removeProduct(app.project, c.req.param('brand'), c.req.param('id'), BY_FORM);
    return c.redirect(`/sources?deleted=${encodeURIComponent(c.req.param('id'))}`, 303);
  });

  web.get('/sources/new', async (c) => {
    const s = await state();
    return c.html(
      <SourceForm
        info={info(c, 'Add a source', s.config.project)}
        viewer={c.get('viewer')}
        config={s.config}
        values={{
          owner: c.req.query('owner') ?? '',
          kind: 'reviews',
          render: 'auto',
          maxPages: '50',
          robots: 'respect',
          preset: 'none',
          timezone: 'UTC',
        }}
        errors={{}}
      />,
    );
  });
  web.get('/sources/:id/edit', async (c) => {
    const s = await state();
    const values = sourceFormValues(s.config, c.req.param('id'));
    if (!values) return c.html(errorPage(app, c, 404, `No source "${c.req.param('id')}".`), 404);
    return c.html(
      <SourceForm
        info={info(c, `Edit ${c.req.param('id')}`, s.config.project)}
        viewer={c.get('viewer')}
        config={s.config}
        values={values}
        original={c.req.param('id')}
        errors={{}}
      />,
    );
  });
  const postSource = async (c: Context<AppEnv>, original?: string) => {
    const s = await state();
    const form = formValues(await c.req.parseBody());
    const paused = original ? sourceById(s.config, original)?.source.paused : undefined;
    const { input, errors } = sourceInput(form, paused);
    try {
      if (Object.keys(errors).length) throw new ValidationError(errors);
      await saveSource(app.project, input, BY_FORM, original);
      return c.redirect(`/sources?saved=${encodeURIComponent(String(input.id))}`, 303);
    } catch (err) {
      const p = problemsOf(err);
      return c.html(
        <SourceForm
          info={info(c, 'Source', s.config.project)}
          viewer={c.get('viewer')}
          config={s.config}
          values={form}
          original={original}
          errors={{ ...errors, ...p.errors }}
          problems={p.problems}
        />,
        // The form comes back with its errors beside the fields: a page, not a failed load (the API answers 400).
        200,
      );
    }
  };
  web.post('/sources/new', (c) => postSource(c));
  web.post('/sources/:id/edit', (c) => postSource(c, c.req.param('id')));
  web.post('/sources/preview', async (c) => {
    const s = await state();
    const form = formValues(await c.req.parseBody());
    const { input } = sourceInput(form, undefined);
    const original = form.original || undefined;
    let preview: PreviewView | undefined;
    let errors: Record<string, string> = {};
    const parsed = PreviewInputSchema.safeParse({
      urls: input.urls,
      kind: input.kind,
      render: input.render,
      maxPages: Math.min(Number(input.maxPages) || 1, 2),
      brand: input.brand,
      recipe: original ? sourceById(s.config, original)?.source.recipe : undefined,
    });
    if (!parsed.success) errors = fieldErrors(parsed.error, ['urls']);
    else {
      try {
        preview = await runPreview(app, parsed.data);
      } catch (err) {
        errors = problemsOf(err).errors;
      }
    }
    return c.html(
      <SourceForm
        info={info(c, 'Preview', s.config.project)}
        viewer={c.get('viewer')}
        config={s.config}
        values={form}
        original={original}
        errors={errors}
        preview={preview}
      />,
      200,
    );
  });
  web.post('/sources/:id/delete', async (c) => {
    await removeSource(app.project, c.req.param('id'), BY_FORM);
    return c.redirect(`/sources?deleted=${encodeURIComponent(c.req.param('id'))}`, 303);
  });
  web.post('/sources/:id/run', async (c) => {
    const s = await state();
    const id = c.req.param('id');
    if (!sourceById(s.config, id)) return c.html(errorPage(app, c, 404, `No source "${id}".`), 404);
    await app.runner.start(s.config, id, 'run-now');
    return c.redirect(`/runs?started=${encodeURIComponent(id)}`, 303);
  });
  for (const action of ['pause', 'resume'] as const) {
    web.post(`/sources/:id/${action}`, async (c) => {
      await setPaused(app.project, c.req.param('id'), action === 'pause', BY_FORM);
      return c.redirect(`/schedules?${action}d=${encodeURIComponent(c.req.param('id'))}`, 303);
    });
  }

  web.get('/schedules', async (c) => {
    const s = await state();
    const paused = c.req.query('paused');
    const resumed = c.req.query('resumed');
    return c.html(
      <SchedulesPage
        info={info(c, 'Schedules', s.config.project)}
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
        info={info(c, 'Runs', s.config.project)}
        viewer={c.get('viewer')}
        runs={await runsWithWarnings(app, source, 100)}
        source={source}
        live={await live()}
        notice={started ? `Started a crawl of ${started}: follow it below.` : undefined}
      />,
    );
  });
  web.get('/runs/live', async (c) => c.html(<LiveRuns {...(await live())} />));

  web.get('/authors/:key/forget', async (c) => {
    const s = await state();
    const key = c.req.param('key');
    const documents = await app.store.countDocuments({ authorKey: key, includeDuplicates: true });
    return c.html(
      <ForgetPage info={info(c, 'Forget a reviewer', s.config.project)} viewer={c.get('viewer')} authorKey={key} documents={documents} />,
    );
  });
  web.post('/authors/:key/forget', async (c) => {
    const s = await state();
    const key = c.req.param('key');
    const done = await withForgetLock(app.store, async () => {
      await rememberForgotten(app.store, key);
      return app.store.forgetAuthor(key);
    });
    return c.html(
      <ForgetPage
        info={info(c, 'Forget a reviewer', s.config.project)}
        viewer={c.get('viewer')}
        authorKey={key}
        documents={0}
        done={done}
      />,
    );
  });

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
    return c.html(<QueuesPage info={info(c, 'Queues', s.config.project)} counts={counts} jobs={jobs} failed={failed} />);
  });
}
