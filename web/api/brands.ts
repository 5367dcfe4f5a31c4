/** `/api/brands`: the project's brands (own and competitors) and their products. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { BrandSchema } from '../../config/schema.js';
import type { AppContext, AppEnv } from '../app-context.js';
import { BrandInputSchema, ProductInputSchema, removeBrand, removeProduct, saveBrand, saveProduct } from '../catalog.js';
import { changeError, errors, json, validationHook } from './common.js';

const BrandView = BrandSchema.describe('A brand with its products and sources, as in radar.yaml.');
const IdParam = z.object({ id: z.string().describe('Brand id.') });
const ProductParams = z.object({ brand: z.string().describe('Brand id.'), id: z.string().describe('Product id.') });
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

/** Who made a change through the API, as the stored revision records it. */
export const BY_API = 'web app';

/** The brand routes. */
export function brandRoutes(app: AppContext): OpenAPIHono<AppEnv> {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.openapi(
    createRoute({
      method: 'get',
      path: '/brands',
      tags: ['brands'],
      summary: 'List brands',
      responses: { 200: json(z.array(BrandView), 'Brands, own first as configured.') },
    }),
    async (c) => c.json((await app.project.current()).config.brands, 200),
  );
  r.openapi(
    createRoute({
      method: 'get',
      path: '/brands/{id}',
      tags: ['brands'],
      summary: 'One brand',
      request: { params: IdParam },
      responses: { 200: json(BrandView, 'The brand.'), ...errors(404) },
    }),
    async (c) => {
      const brand = (await app.project.current()).config.brands.find((b) => b.id === c.req.valid('param').id);
      return brand ? c.json(brand, 200) : c.json({ error: `no brand "${c.req.valid('param').id}"` }, 404);
    },
  );
  r.openapi(
    createRoute({
      method: 'post',
      path: '/brands',
      tags: ['brands'],
      summary: 'Add a brand',
      request: body(BrandInputSchema),
      responses: { 201: json(BrandView, 'Added.'), ...errors(400, 403, 409) },
    }),
    async (c) => {
      const input = c.req.valid('json');
      try {
        const state = await saveBrand(app.project, input, BY_API);
        return c.json(state.config.brands.find((b) => b.id === input.id)!, 201);
      } catch (err) {
        return changeError(c, err) as never;
      }
    },
  );
  r.openapi(
    createRoute({
      method: 'put',
      path: '/brands/{id}',
      tags: ['brands'],
      summary: 'Change a brand (id, name, own, aliases; products and sources stay)',
      request: { params: IdParam, ...body(BrandInputSchema) },
      responses: { 200: json(BrandView, 'Changed.'), ...errors(400, 403, 404, 409) },
    }),
    async (c) => {
      const input = c.req.valid('json');
      try {
        const state = await saveBrand(app.project, input, BY_API, c.req.valid('param').id);
        return c.json(state.config.brands.find((b) => b.id === input.id)!, 200);
      } catch (err) {
        return changeError(c, err) as never;
      }
    },
  );
  r.openapi(
    createRoute({
      method: 'delete',
      path: '/brands/{id}',
      tags: ['brands'],
      summary: 'Remove a brand with its products and sources (stored documents stay)',
      request: { params: IdParam },
      responses: { 204: { description: 'Removed.' }, ...errors(400, 403, 404, 409) },
    }),
    async (c) => {
      try {
        await removeBrand(app.project, c.req.valid('param').id, BY_API);
        return c.body(null, 204);
      } catch (err) {
        return changeError(c, err) as never;
      }
    },
  );
  r.openapi(
    createRoute({
      method: 'post',
      path: '/brands/{brand}/products',
      tags: ['brands'],
      summary: 'Add a product to a brand',
      request: { params: z.object({ brand: z.string() }), ...body(ProductInputSchema) },
      responses: { 201: json(BrandView, 'The brand, with the product.'), ...errors(400, 403, 404, 409) },
    }),
    async (c) => {
      const { brand } = c.req.valid('param');
      try {
        const state = await saveProduct(app.project, brand, c.req.valid('json'), BY_API);
        return c.json(state.config.brands.find((b) => b.id === brand)!, 201);
      } catch (err) {
        return changeError(c, err) as never;
      }
    },
  );
  r.openapi(
    createRoute({
      method: 'put',
      path: '/brands/{brand}/products/{id}',
      tags: ['brands'],
      summary: 'Change a product',
      request: { params: ProductParams, ...body(ProductInputSchema) },
      responses: { 200: json(BrandView, 'The brand, with the product changed.'), ...errors(400, 403, 404, 409) },
    }),
    async (c) => {
      const { brand, id } = c.req.valid('param');
      try {
        const state = await saveProduct(app.project, brand, c.req.valid('json'), BY_API, id);
        return c.json(state.config.brands.find((b) => b.id === brand)!, 200);
      } catch (err) {
        return changeError(c, err) as never;
      }
    },
  );
  r.openapi(
    createRoute({
      method: 'delete',
      path: '/brands/{brand}/products/{id}',
      tags: ['brands'],
      summary: 'Remove a product and its sources',
      request: { params: ProductParams },
      responses: { 204: { description: 'Removed.' }, ...errors(400, 403, 404, 409) },
    }),
    async (c) => {
      const { brand, id } = c.req.valid('param');
      try {
        await removeProduct(app.project, brand, id, BY_API);
        return c.body(null, 204);
      } catch (err) {
        return changeError(c, err) as never;
      }
    },
  );
  return r;
}
