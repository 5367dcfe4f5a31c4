/** The marketers' pages: brands, products and sources — list, add, edit, delete, preview, run now. */
import type { RadarConfig, SourceConfig } from '../../config/schema.js';
import { listSources } from '../../config/load.js';
import type { CrawlRun } from '../../domain/types.js';
import type { Viewer } from '../auth.js';
import { presetOf } from '../catalog.js';
import { Check, Choice, Field, FormErrors, Group, TextArea, type Errors } from './forms.js';
import type { PageInfo } from './layout.js';
import { Csrf, Layout, Notice, when } from './layout.js';

/** htmx attributes that check an editor's form on each change (a viewer's form is never checked: it cannot save). */
function liveCheck(viewer: Viewer, path: string): Record<string, string> {
  return viewer.role === 'editor' ? { 'hx-post': path, 'hx-trigger': 'change', 'hx-swap': 'none' } : {};
}

/** A cron expression in words. */
export function describeCron(cron: string | undefined, tz = 'UTC'): string {
  if (!cron) return 'not scheduled';
  const p = presetOf(cron);
  const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  if (p.preset === 'hourly') return `hourly at :${p.time.slice(3)}`;
  if (p.preset === 'daily') return `daily at ${p.time} ${tz}`;
  if (p.preset === 'weekly') return `${days[p.weekday]}s at ${p.time} ${tz}`;
  // A list of weekdays at one time ("0 7 * * 1,4"): Mondays and Thursdays at 07:00.
  const f = cron.trim().split(/\s+/);
  if (f.length === 5 && /^\d+$/.test(f[0]!) && /^\d+$/.test(f[1]!) && f[2] === '*' && f[3] === '*' && /^[0-6](,[0-6])+$/.test(f[4]!)) {
    const names = f[4]!.split(',').map((d) => `${days[Number(d)]}s`);
    return `${names.slice(0, -1).join(', ')} and ${names.at(-1)} at ${f[1]!.padStart(2, '0')}:${f[0]!.padStart(2, '0')} ${tz}`;
  }
  return `cron "${cron}" ${tz}`;
}

/** The sources page: every brand with its products and sources. */
export function SourcesPage(props: {
  info: PageInfo;
  config: RadarConfig;
  lastRuns: Map<string, CrawlRun>;
  notice?: string;
  viewer: Viewer;
  /** Where the project configuration stands. */
  revision: { revision: number; origin: 'store' | 'file'; savedAt?: string; savedBy?: string };
}) {
  const { config, viewer } = props;
  const editor = viewer.role === 'editor';
  const SourceRows = (p: { sources: SourceConfig[] }) => (
    <>
      {p.sources.map((s) => {
        const run = props.lastRuns.get(s.id);
        return (
          <tr>
            <th scope="row">{editor ? <a href={`/sources/${encodeURIComponent(s.id)}/edit`}>{s.id}</a> : s.id}</th>
            <td data-label="Kind">{s.kind}</td>
            <td class="urls" data-label="URLs">
              {s.urls[0]}
              {s.urls.length > 1 ? <span class="muted"> and {s.urls.length - 1} more</span> : null}
            </td>
            <td data-label="Render">{s.render}</td>
            <td data-label="Max pages">{s.maxPages}</td>
            <td data-label="Schedule">
              {describeCron(s.schedule, s.timezone)}
              {s.paused ? <span class="tag alt"> paused</span> : null}
            </td>
            <td data-label="Last run">
              {run ? (
                <a href={`/runs?source=${encodeURIComponent(s.id)}`}>
                  {run.status} · {when(run.finishedAt ?? run.startedAt)}
                </a>
              ) : (
                <span class="muted">never run</span>
              )}
            </td>
            <td>
              {editor ? (
                <form method="post" action={`/sources/${encodeURIComponent(s.id)}/run`} class="inline">
                  <Csrf viewer={viewer} />
                  <button type="submit" class="small">
                    Run now
                  </button>
                </form>
              ) : null}
            </td>
          </tr>
        );
      })}
    </>
  );
  const SourceTable = (p: { sources: SourceConfig[]; caption: string; add: string }) => (
    <div class="scroll">
      <table class="sources stack">
        <caption>
          {p.caption}{' '}
          {editor ? (
            <a class="button small" href={p.add}>
              Add source
            </a>
          ) : null}
        </caption>
        {p.sources.length ? (
          <>
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Kind</th>
                <th scope="col">URLs</th>
                <th scope="col">Render</th>
                <th scope="col">Max pages</th>
                <th scope="col">Schedule</th>
                <th scope="col">Last run</th>
                <th scope="col">
                  <span class="sr">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <SourceRows sources={p.sources} />
            </tbody>
          </>
        ) : (
          <tbody>
            <tr>
              <td class="muted">No sources yet.</td>
            </tr>
          </tbody>
        )}
      </table>
    </div>
  );
  return (
    <Layout {...props.info}>
      <h1>Brands and sources</h1>
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      {editor ? (
        <p>
          <a class="button" href="/brands/new">
            Add brand
          </a>
        </p>
      ) : (
        <Notice kind="warn">You are signed in as a viewer: you can look, not change.</Notice>
      )}
      {config.brands.map((b) => (
        <section class="brand-card">
          <h2>
            {b.name} {b.own ? <span class="tag">own brand</span> : <span class="tag alt">competitor</span>}{' '}
            {editor ? (
              <a class="small" href={`/brands/${encodeURIComponent(b.id)}/edit`}>
                Edit brand
              </a>
            ) : null}
          </h2>
          {b.aliases.length ? <p class="muted">Also called: {b.aliases.join(', ')}</p> : null}
          <SourceTable
            sources={b.sources}
            caption="Sources about the brand as a whole"
            add={`/sources/new?owner=${encodeURIComponent(`brand:${b.id}`)}`}
          />
          {b.products.map((p) => (
            <div class="product">
              <h3>
                {p.name}{' '}
                {editor ? (
                  <a class="small" href={`/brands/${encodeURIComponent(b.id)}/products/${encodeURIComponent(p.id)}/edit`}>
                    Edit product
                  </a>
                ) : null}
              </h3>
              <SourceTable
                sources={p.sources}
                caption="Sources"
                add={`/sources/new?owner=${encodeURIComponent(`product:${b.id}/${p.id}`)}`}
              />
            </div>
          ))}
          {editor ? (
            <p>
              <a class="small" href={`/brands/${encodeURIComponent(b.id)}/products/new`}>
                Add a product of {b.name}
              </a>
            </p>
          ) : null}
        </section>
      ))}
      <section class="brand-card">
        <h2>Project-wide sources</h2>
        <p class="muted">Feeds and forums not tied to one brand: their items are linked to the brands and products they name.</p>
        <SourceTable sources={config.sources} caption="Project-wide sources" add="/sources/new?owner=" />
      </section>
      <p class="muted">
        {props.revision.origin === 'store'
          ? `Project configuration revision ${props.revision.revision}, saved by ${props.revision.savedBy ?? '–'} at ${when(props.revision.savedAt)}; every worker uses it from its next job.`
          : 'Project configuration from radar.yaml: the first change saved here keeps it in the store, for every worker.'}{' '}
        <a href="/api/config" download="radar.yaml">
          Download it as radar.yaml
        </a>{' '}
        (what <code>radar config export</code> writes; <code>radar config apply</code> takes it back).
      </p>
    </Layout>
  );
}

/** The brand form. */
export function BrandForm(props: {
  info: PageInfo;
  viewer: Viewer;
  values: { id?: string; name?: string; own?: boolean; aliases?: string };
  original?: string;
  errors: Errors;
  problems?: string[];
}) {
  const v = props.values;
  const action = props.original ? `/brands/${encodeURIComponent(props.original)}/edit` : '/brands/new';
  return (
    <Layout {...props.info}>
      <h1>{props.original ? `Edit brand ${props.original}` : 'Add a brand'}</h1>
      <FormErrors errors={props.errors} problems={props.problems} />
      <form method="post" action={action} class="form" novalidate {...liveCheck(props.viewer, '/brands/check')}>
        <Csrf viewer={props.viewer} />
        <input type="hidden" name="original" value={props.original ?? ''} />
        <Field name="name" label="Name" value={v.name} errors={props.errors} required hint="As shown in reports, e.g. Copperleaf." />
        <Field
          name="id"
          label="Id"
          value={v.id}
          errors={props.errors}
          required
          hint='Lower-case letters, digits, "-" and "_", e.g. copperleaf. Used in exports and schedules.'
        />
        <Check name="own" label="This is our own brand" checked={v.own} errors={props.errors} hint="Leave unticked for a competitor." />
        <Field
          name="aliases"
          label="Other names (comma-separated)"
          value={v.aliases}
          errors={props.errors}
          hint="Spellings customers use; they link mentions and comparisons to the brand."
        />
        <div class="actions">
          <button type="submit">Save brand</button>
          <a href="/sources">Cancel</a>
        </div>
      </form>
      {props.original ? (
        <form method="post" action={`/brands/${encodeURIComponent(props.original)}/delete`} class="danger">
          <Csrf viewer={props.viewer} />
          <p>Deleting the brand removes its products and sources from the project; stored reviews stay.</p>
          <button type="submit" class="danger">
            Delete brand {props.original}
          </button>
        </form>
      ) : null}
    </Layout>
  );
}

/** The product form. */
export function ProductForm(props: {
  info: PageInfo;
  viewer: Viewer;
  brand: string;
  values: { id?: string; name?: string; aliases?: string };
  original?: string;
  errors: Errors;
  problems?: string[];
}) {
  const v = props.values;
  const base = `/brands/${encodeURIComponent(props.brand)}/products`;
  const action = props.original ? `${base}/${encodeURIComponent(props.original)}/edit` : `${base}/new`;
  return (
    <Layout {...props.info}>
      <h1>{props.original ? `Edit product ${props.original}` : `Add a product of ${props.brand}`}</h1>
      <FormErrors errors={props.errors} problems={props.problems} />
      <form method="post" action={action} class="form" novalidate>
        <Csrf viewer={props.viewer} />
        <Field name="name" label="Name" value={v.name} errors={props.errors} required />
        <Field name="id" label="Id" value={v.id} errors={props.errors} required hint='Lower-case letters, digits, "-" and "_".' />
        <Field name="aliases" label="Other names (comma-separated)" value={v.aliases} errors={props.errors} />
        <div class="actions">
          <button type="submit">Save product</button>
          <a href="/sources">Cancel</a>
        </div>
      </form>
      {props.original ? (
        <form method="post" action={`${base}/${encodeURIComponent(props.original)}/delete`} class="danger">
          <Csrf viewer={props.viewer} />
          <button type="submit" class="danger">
            Delete product {props.original}
          </button>
        </form>
      ) : null}
    </Layout>
  );
}

/** Form values of a source (as the form sends them). */
export type SourceFormValues = Record<string, string | undefined>;

/** The form values of a stored source. */
export function sourceFormValues(config: RadarConfig, id: string): SourceFormValues | undefined {
  const t = listSources(config).find((x) => x.source.id === id);
  if (!t) return undefined;
  const s = t.source;
  const p = presetOf(s.schedule);
  return {
    owner: t.product ? `product:${t.brand}/${t.product}` : t.brand ? `brand:${t.brand}` : '',
    id: s.id,
    kind: s.kind,
    urls: s.urls.join('\n'),
    render: s.render,
    maxPages: String(s.maxPages),
    profiles: s.profiles ? 'on' : undefined,
    robots: s.robots,
    topReviewsOnly: s.topReviewsOnly ? 'on' : undefined,
    preset: p.preset,
    time: p.time,
    weekday: String(p.weekday),
    cron: s.schedule ?? '',
    timezone: s.timezone ?? 'UTC',
  };
}

/** A preview's outcome as the form shows it. */
export interface PreviewView {
  pages: {
    url: string;
    loadedUrl: string;
    render: string;
    strategies: string[];
    listedCount?: number;
    blocked: boolean;
    items: { title?: string; body: string; rating?: number; ratingAsGiven?: string; publishedAt?: string; url: string }[];
  }[];
  pagesFailed: number;
  pagesSkipped: number;
  errors: { url: string; message: string }[];
}

function Preview(props: { preview: PreviewView }) {
  const p = props.preview;
  const count = p.pages.reduce((n, page) => n + page.items.length, 0);
  return (
    <section id="preview" class="preview" aria-live="polite">
      <h2>Preview</h2>
      <p>
        <strong>{count}</strong> items found on {p.pages.length} page{p.pages.length === 1 ? '' : 's'}
        {p.pagesFailed ? `, ${p.pagesFailed} failed` : ''}
        {p.pagesSkipped ? `, ${p.pagesSkipped} not fetched (robots.txt or page cap)` : ''}. Nothing was stored.
      </p>
      {p.errors.map((e) => (
        <Notice kind="error">
          {e.url}: {e.message}
        </Notice>
      ))}
      {p.pages.map((page) => (
        <article class="preview-page">
          <h3>{page.loadedUrl}</h3>
          <p class="muted">
            Fetched {page.render === 'browser' ? 'in Chromium' : 'as static HTML'} · found by {page.strategies.join(', ') || 'no strategy'}
            {page.listedCount ? ` · the page says it has ${page.listedCount} reviews` : ''}
            {page.blocked ? ' · looks like a captcha or bot check' : ''}
          </p>
          {page.items.length ? (
            <ol class="items">
              {page.items.map((it) => (
                <li>
                  {it.title ? <strong>{it.title} </strong> : null}
                  {it.rating !== undefined ? <span class="stars">{`${it.rating.toFixed(1)} ★`} </span> : null}
                  {it.publishedAt ? <span class="muted">{it.publishedAt.slice(0, 10)} </span> : null}
                  <span>{it.body}</span>
                </li>
              ))}
            </ol>
          ) : (
            <Notice kind="warn">
              No reviews found on this page. If it shows reviews, try render "browser", or add a CSS recipe in radar.yaml.
            </Notice>
          )}
        </article>
      ))}
    </section>
  );
}

const TIMEZONES = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];

/** The source form (with its schedule, and the preview of what it finds). */
export function SourceForm(props: {
  info: PageInfo;
  viewer: Viewer;
  config: RadarConfig;
  values: SourceFormValues;
  original?: string;
  errors: Errors;
  problems?: string[];
  preview?: PreviewView;
}) {
  const v = props.values;
  const action = props.original ? `/sources/${encodeURIComponent(props.original)}/edit` : '/sources/new';
  const owners = [
    { value: '', label: 'The whole project (feeds, forums)' },
    ...props.config.brands.flatMap((b) => [
      { value: `brand:${b.id}`, label: `${b.name} (the brand)` },
      ...b.products.map((p) => ({ value: `product:${b.id}/${p.id}`, label: `${b.name} — ${p.name}` })),
    ]),
  ];
  return (
    <Layout {...props.info}>
      <h1>{props.original ? `Edit source ${props.original}` : 'Add a source'}</h1>
      <FormErrors errors={props.errors} problems={props.problems} />
      <form method="post" action={action} class="form" novalidate {...liveCheck(props.viewer, '/sources/check')}>
        <Csrf viewer={props.viewer} />
        <Choice name="owner" label="What it is about" value={v.owner} options={owners} errors={props.errors} />
        <Field
          name="id"
          label="Id"
          value={v.id}
          errors={props.errors}
          required
          hint='Lower-case letters, digits, "-" and "_", e.g. kettle-shop-reviews.'
        />
        <TextArea
          name="urls"
          label="URLs (one per line)"
          value={v.urls}
          errors={props.errors}
          rows={5}
          required
          hint="Review pages, product pages, feeds or discussion threads. Pagination is followed from each."
        />
        <Choice
          name="kind"
          label="Kind"
          value={v.kind ?? 'reviews'}
          errors={props.errors}
          options={[
            { value: 'reviews', label: 'Reviews (product review pages)' },
            { value: 'mentions', label: 'Mentions (feeds, forums, threads)' },
          ]}
        />
        <Choice
          name="render"
          label="Render mode"
          value={v.render ?? 'auto'}
          errors={props.errors}
          options={[
            { value: 'auto', label: 'Auto: static first, Chromium when a page needs it' },
            { value: 'static', label: 'Static HTML (fast)' },
            { value: 'browser', label: 'Browser (reviews drawn by JavaScript)' },
          ]}
        />
        <Field name="maxPages" label="Max pages per crawl" type="number" min={1} value={v.maxPages ?? '50'} errors={props.errors} />
        <Check
          name="profiles"
          label="Visit reviewer profiles (location, review count)"
          checked={v.profiles === 'on'}
          errors={props.errors}
        />
        <Check
          name="topReviewsOnly"
          label="The site shows only a selection of its reviews"
          checked={v.topReviewsOnly === 'on'}
          errors={props.errors}
        />
        <Choice
          name="robots"
          label="robots.txt"
          value={v.robots ?? 'respect'}
          errors={props.errors}
          options={[
            { value: 'respect', label: 'Respect robots.txt' },
            { value: 'ignore', label: 'Ignore (only where you have permission)' },
          ]}
        />
        <Group legend="Schedule">
          <Choice
            name="preset"
            label="Crawl"
            value={v.preset ?? 'none'}
            errors={props.errors}
            options={[
              { value: 'none', label: 'Only when run by hand' },
              { value: 'hourly', label: 'Hourly' },
              { value: 'daily', label: 'Daily' },
              { value: 'weekly', label: 'Weekly' },
              { value: 'cron', label: 'Cron expression' },
            ]}
          />
          <Field name="time" label="At (HH:MM; minutes only for hourly)" type="time" value={v.time ?? '06:00'} errors={props.errors} />
          <Choice
            name="weekday"
            label="On (weekly)"
            value={v.weekday ?? '1'}
            errors={props.errors}
            options={['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'].map((d, i) => ({
              value: String(i),
              label: d,
            }))}
          />
          <Field
            name="cron"
            label="Cron expression"
            value={v.preset === 'cron' ? v.cron : ''}
            errors={props.errors}
            placeholder="0 6 * * 1-5"
            hint="Five fields: minute hour day-of-month month day-of-week."
          />
          <Field name="timezone" label="Time zone" value={v.timezone ?? 'UTC'} errors={props.errors} list="timezones" />
          <datalist id="timezones">
            {TIMEZONES.map((z) => (
              <option value={z} />
            ))}
          </datalist>
        </Group>
        <div class="actions">
          <button type="submit">Save source</button>
          <button type="submit" class="secondary" formaction="/sources/preview" formnovalidate>
            Preview what it finds
          </button>
          <a href="/sources">Cancel</a>
        </div>
        <input type="hidden" name="original" value={props.original ?? ''} />
      </form>
      {props.preview ? <Preview preview={props.preview} /> : null}
      {props.original ? (
        <form method="post" action={`/sources/${encodeURIComponent(props.original)}/delete`} class="danger">
          <Csrf viewer={props.viewer} />
          <p>Deleting the source stops its crawls; its stored reviews and runs stay.</p>
          <button type="submit" class="danger">
            Delete source {props.original}
          </button>
        </form>
      ) : null}
    </Layout>
  );
}
