/** The source form: URLs, kind, render mode, max pages, profiles, schedule, and the preview of what it finds. */
import type { RadarConfig } from '../../config/schema.js';
import { listSources } from '../../config/load.js';
import type { Viewer } from '../auth.js';
import { presetOf } from '../catalog.js';
import { Check, Choice, Field, FormErrors, Group, liveCheck, TextArea, type Errors } from './forms.js';
import type { PageInfo } from './layout.js';
import { Csrf, Layout, Notice } from './layout.js';

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
