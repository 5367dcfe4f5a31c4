/** The pages' routes: each reads what its page shows; forms post back to them (then redirect). */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext, AppEnv } from '../app-context.js';
import { alertRoutes } from './alert-routes.js';
import { analystRoutes } from './analyst-routes.js';
import { catalogRoutes } from './catalog-routes.js';
import { operationRoutes } from './operation-routes.js';

/** Registers every page. */
export function pageRoutes(web: OpenAPIHono<AppEnv>, app: AppContext): void {
  analystRoutes(web, app);
  catalogRoutes(web, app);
  operationRoutes(web, app);
  alertRoutes(web, app);
}
