/** `/api/overview`, `/api/themes`, `/api/personas`, `/api/messages`: the analysts' views and the report's words. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../app-context.js';
import { overviewOf, personasOf, themesOf } from '../insights.js';
import { json, validationHook } from './common.js';
import { messagesFor } from '../../reports/i18n/messages.js';

/** The analysts' routes. */
export function insightRoutes(app: AppContext): OpenAPIHono<AppEnv> {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.openapi(
    createRoute({
      method: 'get',
      path: '/overview',
      tags: ['analysis'],
      summary: 'Each brand against its competitors: volume, rating and sentiment by month, share of voice, key drivers',
      responses: { 200: json(z.any(), 'The overview.') },
    }),
    async (c) => {
      const [snapshot, state] = await Promise.all([app.index.current(), app.project.current()]);
      return c.json(overviewOf(state.config, snapshot), 200);
    },
  );
  r.openapi(
    createRoute({
      method: 'get',
      path: '/themes',
      tags: ['analysis'],
      summary: 'Themes by volume with net sentiment, per brand, emerging and fading ones flagged',
      responses: { 200: json(z.any(), 'The themes and the two periods compared.') },
    }),
    async (c) => {
      const [snapshot, state] = await Promise.all([app.index.current(), app.project.current()]);
      return c.json(themesOf(state.config, snapshot), 200);
    },
  );
  r.openapi(
    createRoute({
      method: 'get',
      path: '/personas',
      tags: ['analysis'],
      summary: 'Personas of the latest report: cards, traits, quotes, brand shares, change since the previous report',
      responses: { 200: json(z.any(), 'The personas.') },
    }),
    async (c) => {
      const state = await app.project.current();
      return c.json(await personasOf(app.store, state.config.project), 200);
    },
  );
  r.openapi(
    createRoute({
      method: 'get',
      path: '/messages',
      tags: ['analysis'],
      summary: "The report's message catalogue in the configured language (report.language), so a page can follow the setting",
      responses: { 200: json(z.any(), 'language, locale, text direction and the words (sentence builders left out).') },
    }),
    async (c) => {
      const state = await app.project.current();
      const m = messagesFor(state.config.report.language);
      // JSON keeps the words; the functions that build sentences from figures drop out.
      return c.json(JSON.parse(JSON.stringify({ language: m.lang, locale: m.locale, dir: m.dir, messages: m })), 200);
    },
  );
  return r;
}
