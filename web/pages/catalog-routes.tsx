/** The marketers' pages: brands, products and sources — forms, checks as they are filled in, preview, delete, run now, pause. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext, AppEnv } from '../app-context.js';
import type { Context } from 'hono';
import { removeBrand, removeProduct, removeSource, saveBrand, saveProduct, saveSource, setPaused, sourceById } from '../catalog.js';
import { fieldErrors, ValidationError } from '../project.js';
import { PreviewInputSchema, runPreview } from '../api/sources.js';
import { BrandForm, ProductForm } from './brand-forms.js';
import { SourceForm, sourceFormValues, type PreviewView } from './source-form.js';
import { SourcesPage } from './sources.js';
import { FieldErrors } from './forms.js';
import { errorPage } from './error-page.js';
import { formValues, SOURCE_FORM_FIELDS, sourceInput } from './form-input.js';
import { BY_FORM, list, pageInfo, problemsOf, saveFromForm } from './page-kit.js';

/** Registers the marketers' pages. */
export function catalogRoutes(web: OpenAPIHono<AppEnv>, app: AppContext): void {
  const state = () => app.project.current();

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
        info={pageInfo(app, c, 'Sources', s.config.project)}
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
      <BrandForm info={pageInfo(app, c, 'Add a brand', s.config.project)} viewer={c.get('viewer')} values={{ own: false }} errors={{}} />,
    );
  });
  web.get('/brands/:id/edit', async (c) => {
    const s = await state();
    const b = s.config.brands.find((x) => x.id === c.req.param('id'));
    if (!b) return c.html(errorPage(app, c, 404, `No brand "${c.req.param('id')}".`), 404);
    return c.html(
      <BrandForm
        info={pageInfo(app, c, `Edit ${b.name}`, s.config.project)}
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
    return saveFromForm(
      c,
      () => saveBrand(app.project, { ...values, aliases: list(values.aliases) }, BY_FORM, original),
      `/sources?saved=${encodeURIComponent(values.id)}`,
      (err) => (
        <BrandForm
          info={pageInfo(app, c, 'Brand', app.project.name())}
          viewer={c.get('viewer')}
          values={values}
          original={original}
          {...problemsOf(err)}
        />
      ),
    );
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
  web.post('/brands/:brand/products/check', async (c) => {
    const form = await c.req.parseBody();
    const values = { id: String(form.id ?? '').trim(), name: String(form.name ?? '').trim(), aliases: list(form.aliases) };
    let errors: Record<string, string> = {};
    try {
      await saveProduct(app.project, c.req.param('brand'), values, BY_FORM, String(form.original ?? '') || undefined, true);
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
        info={pageInfo(app, c, 'Add a product', s.config.project)}
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
        info={pageInfo(app, c, `Edit ${p.name}`, s.config.project)}
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
    return saveFromForm(
      c,
      () => saveProduct(app.project, brand, { ...values, aliases: list(values.aliases) }, BY_FORM, original),
      `/sources?saved=${encodeURIComponent(values.id)}`,
      (err) => (
        <ProductForm
          info={pageInfo(app, c, 'Product', app.project.name())}
          viewer={c.get('viewer')}
          brand={brand}
          values={values}
          original={original}
          {...problemsOf(err)}
        />
      ),
    );
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
        info={pageInfo(app, c, 'Add a source', s.config.project)}
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
        info={pageInfo(app, c, `Edit ${c.req.param('id')}`, s.config.project)}
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
    return saveFromForm(
      c,
      async () => {
        if (Object.keys(errors).length) throw new ValidationError(errors);
        await saveSource(app.project, input, BY_FORM, original);
      },
      `/sources?saved=${encodeURIComponent(String(input.id))}`,
      (err) => {
        const p = problemsOf(err);
        return (
          <SourceForm
            info={pageInfo(app, c, 'Source', s.config.project)}
            viewer={c.get('viewer')}
            config={s.config}
            values={form}
            original={original}
            errors={{ ...errors, ...p.errors }}
            problems={p.problems}
          />
        );
      },
    );
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
        info={pageInfo(app, c, 'Preview', s.config.project)}
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
}
