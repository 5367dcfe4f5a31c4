/** `/api/documents`: the reviews explorer — every filter, full text, paging — and exports of the filtered set. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { stream } from 'hono/streaming';
import { documentsCsv } from '../../reports/render/csv.js';
import type { AppContext, AppEnv } from '../app-context.js';
import type { IndexedRow } from '../explorer/document-index.js';
import { DocumentFilterSchema, filterRows, pageOf, PagingSchema } from '../explorer/query.js';
import { errors, json, validationHook } from './common.js';

/** A document as the explorer's API gives it. */
export function documentView(r: IndexedRow, showNames: boolean) {
  const a = r.analysis;
  return {
    id: r.doc._id,
    kind: r.doc.kind,
    brand: r.doc.brand,
    brands: r.brands,
    product: r.doc.product,
    products: r.products,
    source: r.doc.sourceId,
    url: r.doc.url,
    title: r.doc.title,
    body: r.doc.body,
    text: r.text,
    publishedAt: r.doc.publishedAt,
    rating: r.stars,
    ...(showNames && r.doc.authorName ? { author: r.doc.authorName } : {}),
    authorKey: r.doc.authorKey,
    lang: r.lang,
    sentiment: a ? { label: a.sentiment.label, score: a.sentiment.score } : undefined,
    aspects: (a?.aspects ?? []).map((m) => ({ term: m.term, category: m.category, polarity: m.polarity, start: m.start, end: m.end })),
    themes: r.themes,
    persona: r.persona,
  };
}

/** The explorer routes. */
export function documentRoutes(app: AppContext): OpenAPIHono<AppEnv> {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.openapi(
    createRoute({
      method: 'get',
      path: '/documents',
      tags: ['documents'],
      summary: 'Reviews and mentions, filtered, searched and paged (newest first)',
      request: { query: DocumentFilterSchema.extend(PagingSchema.shape) },
      responses: {
        200: json(
          z.object({
            total: z.number(),
            page: z.number(),
            pages: z.number(),
            limit: z.number(),
            documents: z.array(
              z
                .any()
                .describe(
                  'A document: id, kind, brand(s), product(s), source, url, title, body, text, publishedAt, rating (1–5), lang, sentiment, aspects with offsets into text, themes, persona.',
                ),
            ),
          }),
          'One page of the matching documents, and how many match.',
        ),
        ...errors(400),
      },
    }),
    async (c) => {
      const params = c.req.valid('query');
      const [snapshot, state] = await Promise.all([app.index.current(), app.project.current()]);
      const { total, rows, pages } = pageOf(snapshot.rows, params);
      const names = state.config.privacy.storeAuthorNames;
      return c.json({ total, page: params.page, pages, limit: params.limit, documents: rows.map((d) => documentView(d, names)) }, 200);
    },
  );
  r.openapi(
    createRoute({
      method: 'get',
      path: '/documents/export',
      tags: ['documents'],
      summary: 'Every document matching the filters, as CSV or JSONL (with its analysis)',
      request: { query: DocumentFilterSchema.extend({ format: z.enum(['csv', 'jsonl']).default('csv').describe('File format.') }) },
      responses: {
        200: { description: 'The file.', content: { 'text/csv': { schema: z.string() }, 'application/x-ndjson': { schema: z.string() } } },
        ...errors(400),
      },
    }),
    async (c) => {
      const { format, ...filter } = c.req.valid('query');
      const [snapshot, state] = await Promise.all([app.index.current(), app.project.current()]);
      const rows = filterRows(snapshot.rows, filter);
      const names = state.config.privacy.storeAuthorNames;
      const stamp = new Date().toISOString().slice(0, 10);
      c.header('content-disposition', `attachment; filename="radar-documents-${stamp}.${format}"`);
      c.header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
      return stream(c, async (out) => {
        for (let i = 0; i < rows.length; i += 1000) {
          const batch = rows.slice(i, i + 1000);
          if (format === 'csv') {
            const text = documentsCsv(
              batch.map((row) => ({ doc: names ? row.doc : { ...row.doc, authorName: undefined }, analysis: row.analysis })),
              new Map(batch.filter((row) => row.persona).map((row) => [row.doc._id, row.persona!])),
            );
            await out.write(i === 0 ? text : text.slice(text.indexOf('\n') + 1));
          } else {
            let chunk = '';
            for (const row of batch) {
              const { authorName, ...doc } = row.doc;
              chunk += `${JSON.stringify({ ...doc, ...(names && authorName ? { authorName } : {}), analysis: row.analysis ?? null, persona: row.persona ?? null })}\n`;
            }
            await out.write(chunk);
          }
        }
        if (!rows.length && format === 'csv') await out.write(documentsCsv([]));
      }) as never;
    },
  );
  return r;
}
