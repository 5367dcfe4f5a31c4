/** `/api/sources`: sources with their URL lists and settings, their schedules, run now, and preview. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { RecipeSchema, SourceSchema } from '../../config/schema.js';
import { listSources } from '../../config/load.js';
import type { PreviewPage } from '../../pipeline/preview.js';
import { fiveStar } from '../../reports/summaries.js';
import type { AppContext, AppEnv } from '../app-context.js';
import {
  removeSource,
  saveSchedule,
  saveSource,
  ScheduleInputSchema,
  setPaused,
  sourceById,
  SourceInputSchema,
  sourceView,
} from '../catalog.js';
import { ValidationError } from '../project.js';
import { BY_API } from './brands.js';
import { changeError, errors, json, validationHook } from './common.js';

const SourceView = SourceInputSchema.describe('A source: its settings as in radar.yaml, with its brand and product.');
const IdParam = z.object({ id: z.string().describe('Source id.') });
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

const ProgressSchema = z
  .object({
    key: z.string(),
    sourceId: z.string(),
    phase: z.enum(['queued', 'crawling', 'analysing', 'reporting', 'done', 'failed']),
    runId: z.string().optional(),
    jobId: z.string().optional(),
    pagesStored: z.number(),
    maxPages: z.number(),
    documentsFound: z.number(),
    documentsNew: z.number(),
    error: z.string().optional(),
  })
  .describe('A run asked for through the app, as it stands.');

/** What a preview asks for: the URLs and how to read them (the source form's fields). */
export const PreviewInputSchema = z
  .strictObject({
    urls: z.array(z.string()).min(1).max(5).describe('One to five URLs to extract from.'),
    kind: SourceSchema.shape.kind,
    render: SourceSchema.shape.render,
    maxPages: z.coerce.number().int().min(1).max(5).default(1).describe('Pages to follow from each URL (at most 5 in a preview).'),
    brand: z.string().optional().describe('Brand the pages are about (mentions are linked to the brands they name).'),
    recipe: RecipeSchema.optional(),
  })
  .describe('A preview: extract from pages without storing anything.');

/** A previewed item as the app shows it. */
export function previewItems(page: PreviewPage) {
  return page.documents.map((d) => ({
    title: d.title,
    body: d.body.length > 600 ? `${d.body.slice(0, 600)}…` : d.body,
    rating: fiveStar(d.rating),
    ratingAsGiven: d.rating ? `${d.rating.value} of ${d.rating.best}` : undefined,
    publishedAt: d.publishedAt,
    lang: d.lang,
    url: d.url,
    kind: d.kind,
    hasAuthor: !!d.authorKey,
  }));
}

/** Runs a preview with the app's project settings (crawler, privacy) and the given source settings. */
export async function runPreview(app: AppContext, input: z.infer<typeof PreviewInputSchema>) {
  const config = (await app.project.current()).config;
  const source = SourceSchema.safeParse({
    id: 'preview',
    urls: input.urls,
    kind: input.kind,
    render: input.render,
    maxPages: input.maxPages,
    recipe: input.recipe,
  });
  if (!source.success) {
    const { fieldErrors } = await import('../project.js');
    throw new ValidationError(fieldErrors(source.error, ['urls']));
  }
  const { refusePrivateTargets } = await import('../catalog.js');
  await refusePrivateTargets(source.data.urls, config.crawl.allowPrivateNetworks);
  // The crawler takes seconds to load: only when a preview is asked for.
  const { previewSource } = await import('../../pipeline/preview.js');
  const outcome = await previewSource(
    config,
    { source: source.data, brand: input.brand || undefined },
    { signal: AbortSignal.timeout(120_000) },
  );
  return {
    pages: outcome.pages.map((p) => ({
      url: p.url,
      loadedUrl: p.loadedUrl,
      render: p.render,
      role: p.role,
      strategies: p.strategies,
      listedCount: p.listedCount,
      blocked: p.blocked,
      items: previewItems(p),
    })),
    pagesFetched: outcome.pagesFetched,
    pagesFailed: outcome.pagesFailed,
    pagesBlocked: outcome.pagesBlocked,
    pagesSkipped: outcome.pagesSkipped,
    errors: outcome.errors,
  };
}

/** The source routes. */
export function sourceRoutes(app: AppContext): OpenAPIHono<AppEnv> {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.openapi(
    createRoute({
      method: 'get',
      path: '/sources',
      tags: ['sources'],
      summary: 'List sources',
      responses: { 200: json(z.array(SourceView), 'Every source.') },
    }),
    async (c) => c.json(listSources((await app.project.current()).config).map(sourceView), 200),
  );
  r.openapi(
    createRoute({
      method: 'get',
      path: '/sources/{id}',
      tags: ['sources'],
      summary: 'One source',
      request: { params: IdParam },
      responses: { 200: json(SourceView, 'The source.'), ...errors(404) },
    }),
    async (c) => {
      const t = sourceById((await app.project.current()).config, c.req.valid('param').id);
      return t ? c.json(sourceView(t), 200) : c.json({ error: `no source "${c.req.valid('param').id}"` }, 404);
    },
  );
  const saved = async (id: string) => sourceView(sourceById((await app.project.current()).config, id)!);
  r.openapi(
    createRoute({
      method: 'post',
      path: '/sources',
      tags: ['sources'],
      summary: 'Add a source',
      request: body(SourceInputSchema),
      responses: { 201: json(SourceView, 'Added.'), ...errors(400, 403, 404, 409) },
    }),
    async (c) => {
      const input = c.req.valid('json');
      try {
        await saveSource(app.project, input, BY_API);
        return c.json(await saved(input.id), 201);
      } catch (err) {
        return changeError(c, err) as never;
      }
    },
  );
  r.openapi(
    createRoute({
      method: 'put',
      path: '/sources/{id}',
      tags: ['sources'],
      summary: 'Change a source (keys left out take their defaults; a recipe left out is kept)',
      request: { params: IdParam, ...body(SourceInputSchema) },
      responses: { 200: json(SourceView, 'Changed.'), ...errors(400, 403, 404, 409) },
    }),
    async (c) => {
      const input = c.req.valid('json');
      try {
        await saveSource(app.project, input, BY_API, c.req.valid('param').id);
        return c.json(await saved(input.id), 200);
      } catch (err) {
        return changeError(c, err) as never;
      }
    },
  );
  r.openapi(
    createRoute({
      method: 'delete',
      path: '/sources/{id}',
      tags: ['sources'],
      summary: 'Remove a source (its stored documents and runs stay)',
      request: { params: IdParam },
      responses: { 204: { description: 'Removed.' }, ...errors(403, 404, 409) },
    }),
    async (c) => {
      try {
        await removeSource(app.project, c.req.valid('param').id, BY_API);
        return c.body(null, 204);
      } catch (err) {
        return changeError(c, err) as never;
      }
    },
  );
  r.openapi(
    createRoute({
      method: 'put',
      path: '/sources/{id}/schedule',
      tags: ['schedules'],
      summary: 'Set when a source is crawled (a preset or cron, in a time zone)',
      request: { params: IdParam, ...body(ScheduleInputSchema) },
      responses: { 200: json(SourceView, 'Scheduled.'), ...errors(400, 403, 404, 409) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      try {
        await saveSchedule(app.project, id, c.req.valid('json'), BY_API);
        return c.json(await saved(id), 200);
      } catch (err) {
        return changeError(c, err) as never;
      }
    },
  );
  for (const action of ['pause', 'resume'] as const) {
    r.openapi(
      createRoute({
        method: 'post',
        path: `/sources/{id}/${action}`,
        tags: ['schedules'],
        summary: action === 'pause' ? 'Pause a schedule (kept, fires nothing)' : 'Resume a paused schedule',
        request: { params: IdParam },
        responses: { 200: json(SourceView, 'Done.'), ...errors(403, 404, 409) },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        try {
          await setPaused(app.project, id, action === 'pause', BY_API);
          return c.json(await saved(id), 200);
        } catch (err) {
          return changeError(c, err) as never;
        }
      },
    );
  }
  r.openapi(
    createRoute({
      method: 'post',
      path: '/sources/{id}/run',
      tags: ['runs'],
      summary: 'Crawl a source now (then analyse and report what it stored)',
      request: {
        params: IdParam,
        body: {
          content: {
            'application/json': {
              schema: z.object({ full: z.boolean().optional().describe('Page through everything, not only to the first known review.') }),
            },
          },
          required: false,
        },
      },
      responses: {
        202: json(ProgressSchema, 'Started (or already waiting); follow it with GET /api/runs/live.'),
        ...errors(403, 404, 503),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const config = (await app.project.current()).config;
      if (!sourceById(config, id)) return c.json({ error: `no source "${id}"` }, 404);
      let full = false;
      try {
        full = !!((await c.req.json()) as { full?: boolean }).full;
      } catch {
        full = false;
      }
      const progress = await app.runner.start(config, id, 'run-now', { full });
      return c.json(progress, 202);
    },
  );
  r.openapi(
    createRoute({
      method: 'post',
      path: '/preview',
      tags: ['sources'],
      summary: 'Preview extraction: what a source would find on these pages, item by item, with the strategy (nothing stored)',
      request: body(PreviewInputSchema),
      responses: { 200: json(z.any(), 'Pages with their items and strategies, failures with reasons.'), ...errors(400, 403) },
    }),
    async (c) => {
      try {
        return c.json(await runPreview(app, c.req.valid('json')), 200);
      } catch (err) {
        return changeError(c, err) as never;
      }
    },
  );
  return r;
}
