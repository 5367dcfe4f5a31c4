/** `/api/project`, `/api/config`, `/api/report`, `/api/authors`: the project, its configuration, its report files, removals. */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { saveStoredConfig } from '../../pipeline/project-config.js';
import type { ReportFormat } from '../../pipeline/report.js';
import { rememberForgotten, withForgetLock } from '../../storage/forget.js';
import { ConfigError } from '../../domain/errors.js';
import type { AppContext, AppEnv } from '../app-context.js';
import { REPORT_TYPES, reportFilePath, reportFiles } from '../report-files.js';
import { BY_API } from './brands.js';
import { changeError, errors, json, validationHook } from './common.js';

/** The project routes. */
export function projectRoutes(app: AppContext): OpenAPIHono<AppEnv> {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.openapi(
    createRoute({
      method: 'get',
      path: '/project',
      tags: ['project'],
      summary: 'The project: name, configuration revision, store, mode, and who is asking',
      responses: { 200: json(z.any(), 'The project.') },
    }),
    async (c) => {
      const s = await app.project.current();
      const snapshot = app.index.peek();
      return c.json(
        {
          project: s.config.project,
          revision: s.revision,
          origin: s.origin,
          savedAt: s.savedAt,
          savedBy: s.savedBy,
          store: app.store.kind,
          mode: app.runner.mode === 'local' ? 'one process (no Redis)' : 'service (BullMQ on Redis)',
          documents: snapshot.rows.length,
          indexBuiltAt: snapshot.builtAt,
          role: c.get('viewer').role,
        },
        200,
      );
    },
  );
  r.openapi(
    createRoute({
      method: 'get',
      path: '/config',
      tags: ['project'],
      summary: 'The project configuration as YAML (what `radar config export` prints)',
      responses: { 200: { description: 'YAML.', content: { 'application/yaml': { schema: z.string() } } } },
    }),
    async (c) => {
      const s = await app.project.current();
      c.header('content-type', 'application/yaml; charset=utf-8');
      c.header('x-radar-revision', String(s.revision));
      return c.body(s.yaml, 200) as never;
    },
  );
  r.openapi(
    createRoute({
      method: 'put',
      path: '/config',
      tags: ['project'],
      summary:
        'Replace the project configuration with this YAML (what `radar config apply` does); send If-Match: <revision> to refuse lost updates',
      request: { body: { content: { 'application/yaml': { schema: z.string() } }, required: true } },
      responses: { 200: json(z.object({ revision: z.number() }), 'Saved.'), ...errors(400, 403, 409) },
    }),
    async (c) => {
      const yaml = await c.req.text();
      const match = c.req.header('if-match');
      try {
        const { stored } = await saveStoredConfig(app.store, yaml, {
          savedBy: BY_API,
          expectedRevision: match ? Number(match.replace(/"/g, '')) : undefined,
        });
        await app.project.current();
        return c.json({ revision: stored.revision }, 200);
      } catch (err) {
        if (err instanceof ConfigError)
          return c.json({ error: 'not saved: the configuration does not validate', problems: err.problems }, 400);
        return changeError(c, err) as never;
      }
    },
  );
  r.openapi(
    createRoute({
      method: 'get',
      path: '/report',
      tags: ['report'],
      summary: 'The latest report files (HTML, Markdown, JSON, CSV, PDF) with their download addresses',
      responses: { 200: json(z.any(), 'Files.') },
    }),
    async (c) => {
      const s = await app.project.current();
      const files = await reportFiles(s.config.report.outDir);
      return c.json(
        { folder: s.config.report.outDir, files: files.map((f) => ({ ...f, href: `/api/report/files/${encodeURIComponent(f.name)}` })) },
        200,
      );
    },
  );
  r.openapi(
    createRoute({
      method: 'get',
      path: '/report/files/{name}',
      tags: ['report'],
      summary: 'Download one report file',
      request: { params: z.object({ name: z.string() }) },
      responses: { 200: { description: 'The file.' }, ...errors(404) },
    }),
    async (c) => {
      const s = await app.project.current();
      const { name } = c.req.valid('param');
      const path = reportFilePath(s.config.report.outDir, name);
      const bytes = path ? await readFile(path).catch(() => undefined) : undefined;
      if (!bytes) return c.json({ error: `no report file "${name}" (build the report first)` }, 404);
      c.header('content-type', REPORT_TYPES[extname(name)]!);
      // A report page carries its own styles: it is shown sandboxed (no script, no form, its own origin), never framed.
      if (name.endsWith('.html'))
        c.set('ownCsp', "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'");
      if (c.req.query('download') !== undefined) c.header('content-disposition', `attachment; filename="${name}"`);
      return c.body(bytes, 200) as never;
    },
  );
  r.openapi(
    createRoute({
      method: 'post',
      path: '/report',
      tags: ['report'],
      summary: 'Analyse what is new and rebuild the report now (in these formats; default: report.formats)',
      request: {
        body: {
          content: {
            'application/json': {
              schema: z.object({
                formats: z
                  .array(z.enum(['html', 'md', 'json', 'csv', 'pdf']))
                  .min(1)
                  .optional(),
              }),
            },
          },
          required: false,
        },
      },
      responses: { 202: json(z.object({ started: z.boolean() }), 'Started.'), ...errors(400, 403) },
    }),
    async (c) => {
      const s = await app.project.current();
      const body = (await c.req.json().catch(() => ({}))) as { formats?: ReportFormat[] };
      app.runner.report(s.config, body.formats).catch((err: unknown) => app.log.warn({ err: (err as Error).message }, 'report failed'));
      return c.json({ started: true }, 202);
    },
  );
  r.openapi(
    createRoute({
      method: 'delete',
      path: '/authors/{key}',
      tags: ['privacy'],
      summary: 'Forget an author: remove their documents, analyses, profile and persona quotes (as radar forget --author)',
      request: { params: z.object({ key: z.string().min(8).describe('Pseudonymous author key.') }) },
      responses: { 200: json(z.any(), 'What was removed.'), ...errors(403) },
    }),
    async (c) => {
      const { key } = c.req.valid('param');
      const result = await withForgetLock(app.store, async () => {
        await rememberForgotten(app.store, key);
        return app.store.forgetAuthor(key);
      });
      // Once answered, no page shows the person's words any more.
      await app.index.caughtUp();
      return c.json(result, 200);
    },
  );
  return r;
}
