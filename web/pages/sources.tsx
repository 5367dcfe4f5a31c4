/** The marketers' sources page: every brand with its products and sources, their schedules and last runs. */
import type { RadarConfig, SourceConfig } from '../../config/schema.js';
import type { CrawlRun } from '../../domain/types.js';
import type { Viewer } from '../auth.js';
import type { PageInfo } from './layout.js';
import { Csrf, Layout, Notice, when } from './layout.js';
import { describeCron } from './schedule-text.js';

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
