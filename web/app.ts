/**
 * The web app: security checks and headers first, then sign-in, then the JSON API under /api (with
 * its OpenAPI document at /api/openapi.json) and the pages. Every write needs the editor role and,
 * when it rides on a session cookie, the session's CSRF token.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import type { AppContext, AppEnv } from './app-context.js';
import { checkEncoding, checkHost, safeLocalPath, securityHeaders } from './security.js';
import { brandRoutes } from './api/brands.js';
import { sourceRoutes } from './api/sources.js';
import { documentRoutes } from './api/documents.js';
import { insightRoutes } from './api/insights.js';
import { runRoutes } from './api/runs.js';
import { projectRoutes } from './api/project.js';
import { alertRoutes } from './api/alerts.js';
import { validationHook } from './api/common.js';
import { pageRoutes } from './pages/routes.js';
import { signInRoutes } from './pages/signin.js';
import { errorPage } from './pages/error-page.js';
import { ServiceDownError } from './service-timeout.js';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

/** The static assets: the app's own, and the front-end libraries from their packages (no CDN). */
const ASSETS: Record<string, { file: () => string; type: string }> = {
  'app.css': { file: () => join(assetsDir(), 'app.css'), type: 'text/css; charset=utf-8' },
  'favicon.svg': { file: () => join(assetsDir(), 'favicon.svg'), type: 'image/svg+xml' },
  'app.js': { file: () => join(assetsDir(), 'app.js'), type: 'text/javascript; charset=utf-8' },
  'htmx.min.js': { file: () => join(dirname(require.resolve('htmx.org')), 'htmx.min.js'), type: 'text/javascript; charset=utf-8' },
  'chart.umd.min.js': {
    file: () => join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'),
    type: 'text/javascript; charset=utf-8',
  },
};

/** web/assets in the source tree (the build in dist/ reads them from there too). */
function assetsDir(): string {
  const fromDist = join(here, '..', '..', 'web', 'assets');
  return here.includes(`${join('dist', 'web')}`) ? fromDist : join(here, 'assets');
}

/** Whether a request wants JSON back (the API, or a script asking for it). */
export function wantsJson(c: Context): boolean {
  return c.req.path.startsWith('/api/') || (c.req.header('accept') ?? '').startsWith('application/json');
}

/** Builds the app over its context. */
export function createApp(app: AppContext, options: { allowedHost: (host: string) => boolean }): OpenAPIHono<AppEnv> {
  const web = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  // A response that brings its own policy (a report file, shown sandboxed) keeps it: this runs after
  // the security headers are set.
  web.use('*', async (c, next) => {
    await next();
    const own = c.get('ownCsp');
    if (own) c.res.headers.set('content-security-policy', own);
  });
  web.use('*', securityHeaders());
  web.use('*', checkHost(options.allowedHost));
  web.use('*', checkEncoding());
  // No form or API call of the app sends more than a project's YAML: refuse bodies past 2 MB before reading them.
  web.use('*', bodyLimit({ maxSize: 2 * 1024 * 1024, onError: (c) => c.json({ error: 'the request body is larger than 2 MB' }, 413) }));
  web.get('/healthz', (c) => c.text('ok\n'));
  const cache = new Map<string, Buffer>();
  web.get('/assets/:name', async (c) => {
    const asset = ASSETS[c.req.param('name')];
    if (!asset) return c.json({ error: 'no such asset' }, 404);
    let bytes = cache.get(c.req.param('name'));
    if (!bytes) cache.set(c.req.param('name'), (bytes = await readFile(asset.file())));
    c.header('content-type', asset.type);
    c.header('cache-control', 'no-cache');
    return c.body(new Uint8Array(bytes));
  });
  signInRoutes(web, app);

  // Who is asking: a session, a bearer token, or (no tokens configured, loopback only) anyone.
  web.use('*', async (c, next) => {
    const token = c.req.query('token');
    if (token !== undefined && c.req.method === 'GET' && !app.access.open) {
      // A link with ?token= signs in once; the token leaves the address bar at once, and the
      // redirect stays on this site whatever the link says.
      const outcome = await app.access.signIn(c, token);
      if ('error' in outcome) return c.json({ error: outcome.error }, outcome.status);
      app.access.startSession(c, outcome.role);
      const url = new URL(c.req.url);
      url.searchParams.delete('token');
      return c.redirect(safeLocalPath(`${url.pathname}${url.search}`), 303);
    }
    const viewer = app.access.viewerOf(c);
    if (!viewer) {
      if (wantsJson(c)) {
        c.header('www-authenticate', 'Bearer realm="radar"');
        return c.json(
          { error: 'sign in first: open /signin in a browser, or send Authorization: Bearer <RADAR_TOKEN or RADAR_VIEWER_TOKEN>' },
          401,
        );
      }
      const back = safeLocalPath(`${c.req.path}${new URL(c.req.url).search}`);
      return c.redirect(`/signin${back === '/' ? '' : `?next=${encodeURIComponent(back)}`}`, 303);
    }
    c.set('viewer', viewer);
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      if (viewer.role !== 'editor')
        return wantsJson(c)
          ? c.json({ error: 'your role is viewer: you can read and export, not change anything (sign in with the editor token)' }, 403)
          : c.html(errorPage(app, c, 403, 'Your role is viewer: you can read and export, but not change anything.'), 403);
      // A form's token rides in its body; scripts send the header.
      let sent = c.req.header('x-csrf-token');
      if (!sent && (c.req.header('content-type') ?? '').includes('form')) sent = String((await c.req.parseBody())._csrf ?? '');
      const origin = c.req.header('origin');
      const crossSite = origin && origin !== 'null' && new URL(origin).host !== c.req.header('host');
      // Without tokens (loopback only) a request no browser sent — no Origin, no Sec-Fetch-Site: curl, a
      // script — carries no ambient credential to forge, and needs no token.
      const script = viewer.via === 'open' && !origin && !c.req.header('sec-fetch-site');
      if (crossSite || (!script && !app.access.csrfOk(viewer, sent)))
        return wantsJson(c)
          ? c.json(
              { error: 'missing or wrong CSRF token: reload the page and try again (scripts: send X-CSRF-Token, or use a bearer token)' },
              403,
            )
          : c.html(errorPage(app, c, 403, 'This form has expired or did not come from this app: reload the page and try again.'), 403);
    }
    await next();
  });

  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).basePath('/api');
  for (const routes of [brandRoutes, sourceRoutes, runRoutes, documentRoutes, insightRoutes, projectRoutes, alertRoutes])
    api.route('/', routes(app));
  api.openAPIRegistry.registerComponent('securitySchemes', 'token', {
    type: 'http',
    scheme: 'bearer',
    description: 'RADAR_TOKEN (editor) or RADAR_VIEWER_TOKEN (viewer)',
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'radar_session',
    description: 'The session cookie of a browser sign-in (writes also need the X-CSRF-Token header)',
  });
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    security: [{ token: [] }, { session: [] }],
    info: {
      title: 'Review Radar API',
      version: '1',
      description:
        'The JSON API the web app itself uses. Sign in with a session cookie (browser) or send Authorization: Bearer <token>. Writes need the editor role; with a session cookie they also need the X-CSRF-Token header (the value of the page’s csrf-token meta tag). Errors are JSON: { error, fields?, problems? }.',
    },
  });
  web.route('/', api);
  pageRoutes(web, app);

  web.notFound((c) =>
    wantsJson(c)
      ? c.json({ error: `no such address: ${c.req.method} ${c.req.path}` }, 404)
      : c.html(errorPage(app, c, 404, 'There is no page here.'), 404),
  );
  web.onError((err, c) => {
    if (err instanceof HTTPException) return err.getResponse();
    if (err instanceof ServiceDownError) {
      app.log.warn({ err: err.message, path: c.req.path }, 'a service is down');
      return wantsJson(c) ? c.json({ error: err.message }, 503) : c.html(errorPage(app, c, 503, err.message), 503);
    }
    app.log.error({ err: err.message, path: c.req.path }, 'request failed');
    const message = `something went wrong: ${err.message}`;
    return wantsJson(c) ? c.json({ error: message }, 500) : c.html(errorPage(app, c, 500, message), 500);
  });
  return web;
}
