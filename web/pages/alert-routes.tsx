/** The Alerts pages: rules, channels and history; the editor of the section (checked as it is edited); the test button. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppContext, AppEnv } from '../app-context.js';
import { alertsSectionYaml, HistoryQuerySchema, historyOf, saveAlerts, sectionFingerprint, testRule } from '../alerts.js';
import { NotFoundError } from '../config-edit.js';
import { fieldErrors } from '../project.js';
import { AlertsErrors, AlertsForm } from './alerts-form.js';
import { AlertsPage, type TestedView } from './alerts.js';
import { errorPage } from './error-page.js';
import { BY_FORM, pageInfo, problemsOf, saveFromForm } from './page-kit.js';

/** Splits a failed save's problems: those of the section go beside its field, the rest (a conflict) on top. */
function splitProblems(err: unknown): { problems: string[]; other: string[] } {
  const { errors, problems } = problemsOf(err);
  const all = [...Object.entries(errors).map(([k, v]) => `${k}: ${v}`), ...problems];
  return { problems: all.filter((p) => p.startsWith('alerts')), other: all.filter((p) => !p.startsWith('alerts')) };
}

/** Registers the Alerts pages. */
export function alertRoutes(web: OpenAPIHono<AppEnv>, app: AppContext): void {
  const state = () => app.project.current();
  const log = app.log.child({ stage: 'alerts' });

  web.get('/alerts', async (c) => {
    const s = await state();
    const query = c.req.query();
    const parsed = HistoryQuerySchema.safeParse(query);
    const filters = parsed.success ? parsed.data : HistoryQuerySchema.parse({});
    const filterError = parsed.success
      ? undefined
      : Object.entries(fieldErrors(parsed.error))
          .map(([k, v]) => `${k}: ${v}`)
          .join('; ');
    const { messages, waiting } = await historyOf(app.store, filters);
    let tested: TestedView | undefined;
    if (query.tested && query.batch) {
      const ofRule = await app.store.listAlertMessages({ rule: query.tested, limit: 50 });
      tested = { rule: query.tested, messages: ofRule.filter((m) => m.batch === query.batch) };
    }
    return c.html(
      <AlertsPage
        info={pageInfo(app, c, 'Alerts', s.config.project)}
        viewer={c.get('viewer')}
        config={s.config}
        messages={messages}
        waiting={waiting}
        filters={filters}
        filterError={filterError}
        notice={query.saved ? 'Saved the alerts section: every worker uses it from its next report.' : undefined}
        tested={tested}
        envSet={(name) => !!process.env[name]}
      />,
    );
  });

  const viewerRefused = (c: Context<AppEnv>) =>
    c.html(errorPage(app, c, 403, 'Your role is viewer: you can read the alert rules and their history, but not change them.'), 403);

  web.get('/alerts/edit', async (c) => {
    if (c.get('viewer').role !== 'editor') return viewerRefused(c);
    const s = await state();
    return c.html(
      <AlertsForm
        info={pageInfo(app, c, 'Edit alerts', s.config.project)}
        viewer={c.get('viewer')}
        text={alertsSectionYaml(s.yaml)}
        base={sectionFingerprint(s.yaml)}
        problems={[]}
      />,
    );
  });

  // Checked as it is edited (htmx posts the form on each change): the problems beside the field, nothing saved.
  web.post('/alerts/check', async (c) => {
    const form = await c.req.parseBody();
    let problems: string[] = [];
    try {
      await saveAlerts(app.project, String(form.alerts ?? ''), BY_FORM, { check: true });
    } catch (err) {
      problems = splitProblems(err).problems;
    }
    return c.html(<AlertsErrors problems={problems} oob />);
  });

  web.post('/alerts/edit', async (c) => {
    const form = await c.req.parseBody();
    const text = String(form.alerts ?? '');
    const base = String(form.base ?? '');
    return saveFromForm(
      c,
      () => saveAlerts(app.project, text, BY_FORM, { base: base || undefined }),
      '/alerts?saved=1',
      (err) => (
        <AlertsForm
          info={pageInfo(app, c, 'Edit alerts', app.project.name())}
          viewer={c.get('viewer')}
          text={text}
          base={base}
          {...splitProblems(err)}
        />
      ),
    );
  });

  web.post('/alerts/:rule/test', async (c) => {
    const s = await state();
    try {
      const { rule, batch } = await testRule(s.config, app.store, c.req.param('rule'), log);
      return c.redirect(`/alerts?tested=${encodeURIComponent(rule)}&batch=${encodeURIComponent(batch)}`, 303);
    } catch (err) {
      if (err instanceof NotFoundError) return c.html(errorPage(app, c, 404, `${err.message}.`), 404);
      throw err;
    }
  });
}
