/** The reviews explorer: every filter in the address (shareable), full text, paging, aspects marked, exports. */
import type { Child } from 'hono/jsx';
import type { RadarConfig } from '../../config/schema.js';
import type { IndexedRow, IndexSnapshot } from '../explorer/document-index.js';
import {
  DocumentFilterSchema,
  filterQueryString,
  pageOf,
  queryTerms,
  PagingSchema,
  withoutEmpty,
  type DocumentQueryParams,
} from '../explorer/query.js';
import { fieldErrors } from '../project.js';
import type { PageInfo } from './layout.js';
import { Layout, Notice } from './layout.js';

/** What the filter selects offer, from the index (worked out once per build). */
interface Facets {
  sources: string[];
  langs: string[];
  themes: string[];
  aspects: string[];
  personas: { id: string; label: string }[];
}

const facetCache = new WeakMap<IndexSnapshot, Facets>();

function top(counts: Map<string, number>, n: number): string[] {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([k]) => k);
}

/** The values the selects offer. */
export function facetsOf(snapshot: IndexSnapshot, personaLabels: Map<string, string>): Facets {
  let f = facetCache.get(snapshot);
  if (f) return f;
  const sources = new Set<string>();
  const langs = new Map<string, number>();
  const themes = new Map<string, number>();
  const aspects = new Map<string, number>();
  for (const r of snapshot.rows) {
    sources.add(r.doc.sourceId);
    if (r.lang) langs.set(r.lang, (langs.get(r.lang) ?? 0) + 1);
    for (const t of r.themes) themes.set(t, (themes.get(t) ?? 0) + 1);
    for (const m of r.analysis?.aspects ?? []) {
      const k = m.category ?? m.term.toLowerCase();
      aspects.set(k, (aspects.get(k) ?? 0) + 1);
    }
  }
  f = {
    sources: [...sources],
    langs: top(langs, 30).sort(),
    themes: top(themes, 60).sort(),
    aspects: top(aspects, 80).sort(),
    personas: [...personaLabels.entries()].map(([id, label]) => ({ id, label })),
  };
  facetCache.set(snapshot, f);
  return f;
}

/** Reads the explorer's query string: the filters, or the problems with them. */
export function readFilters(query: Record<string, string>): { params: DocumentQueryParams; errors: Record<string, string> } {
  const raw = withoutEmpty(query);
  const parsed = DocumentFilterSchema.extend(PagingSchema.shape).safeParse(raw);
  if (parsed.success) return { params: parsed.data, errors: {} };
  const errors = fieldErrors(parsed.error);
  const kept = Object.fromEntries(Object.entries(raw).filter(([k]) => !errors[k]));
  return { params: DocumentFilterSchema.extend(PagingSchema.shape).parse(kept), errors };
}

/** The text with each aspect marked, its polarity said in words as well as shown. */
export function MarkedText(props: { row: IndexedRow; terms?: string[] }) {
  const { text, analysis, folded } = props.row;
  type Span = { start: number; end: number; node: (s: string) => Child };
  const spans: Span[] = [];
  for (const a of analysis?.aspects ?? []) {
    if (a.start === undefined || a.end === undefined || a.end <= a.start || a.end > text.length) continue;
    const sign = a.polarity === 'positive' ? '+' : a.polarity === 'negative' ? '−' : '○';
    spans.push({
      start: a.start,
      end: a.end,
      node: (s) => (
        <mark class={`aspect ${a.polarity}`} title={`${a.category ?? a.term}: ${a.polarity}`}>
          {s}
          <span class="sign" aria-hidden="true">
            {sign}
          </span>
          <span class="sr">{` (${a.category ?? a.term}, ${a.polarity})`}</span>
        </mark>
      ),
    });
  }
  // The words searched for, where the folded text lines up with the text (it does unless folding changed its length).
  if (props.terms?.length && folded.length === text.length) {
    for (const t of props.terms) {
      for (let at = folded.indexOf(t); at !== -1 && spans.length < 200; at = folded.indexOf(t, at + t.length)) {
        spans.push({ start: at, end: at + t.length, node: (s) => <mark class="hit">{s}</mark> });
      }
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  // A title that is only the start of the text cut off ("Lid cracked after four…", as feeds give
  // them) says nothing the text does not: the text is shown alone.
  const title = props.row.doc.title?.trim();
  const cut = title?.replace(/(\.\.\.|…)$/, '').trim();
  const repeats = !!title && !!cut && cut !== title && text.startsWith(`${title}\n`) && props.row.doc.body.startsWith(cut);
  const out: Child[] = [];
  let at = repeats ? title!.length + 1 : 0;
  for (const span of spans) {
    if (span.start < at) continue;
    out.push(text.slice(at, span.start));
    out.push(span.node(text.slice(span.start, span.end)));
    at = span.end;
  }
  out.push(text.slice(at));
  // A title leads the analysed text on a line of its own: the first line is shown as a heading.
  return <p class={!repeats && title && text.startsWith(`${title}\n`) ? 'text titled' : 'text'}>{out}</p>;
}

/** Stars as text and symbols: "★★★★☆ 4.0". */
export function Stars(props: { value?: number }) {
  if (props.value === undefined) return null;
  const full = Math.round(props.value);
  return (
    <span class="stars" title={`${props.value.toFixed(1)} of 5 stars`}>
      <span aria-hidden="true">{'★'.repeat(full) + '☆'.repeat(5 - full)}</span> {props.value.toFixed(1)}
      <span class="sr"> of 5 stars</span>
    </span>
  );
}

/** A sentiment badge with a word and a symbol, never colour alone. */
export function SentimentBadge(props: { label?: string }) {
  if (!props.label) return <span class="badge">not analysed</span>;
  const sign = props.label === 'positive' ? '▲' : props.label === 'negative' ? '▼' : '●';
  return (
    <span class={`badge ${props.label}`}>
      <span aria-hidden="true">{sign}</span> {props.label}
    </span>
  );
}

function Select(props: {
  name: string;
  label: string;
  value?: string | number;
  options: { value: string; label: string }[];
  error?: string;
}) {
  return (
    <div class="field">
      <label for={`f-${props.name}`}>{props.label}</label>
      <select id={`f-${props.name}`} name={props.name} aria-invalid={props.error ? 'true' : undefined}>
        <option value="">Any</option>
        {props.options.map((o) => (
          <option value={o.value} selected={String(props.value ?? '') === o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.error ? <p class="error">{props.error}</p> : null}
    </div>
  );
}

/** The explorer page. */
export function ExplorerPage(props: {
  info: PageInfo;
  config: RadarConfig;
  snapshot: IndexSnapshot;
  params: DocumentQueryParams;
  errors: Record<string, string>;
  personaLabels: Map<string, string>;
  editor?: boolean;
}) {
  const { config, params, snapshot, errors } = props;
  const facets = facetsOf(snapshot, props.personaLabels);
  const started = performance.now();
  const { total, rows, pages } = pageOf(snapshot.rows, params);
  const terms = queryTerms(params.q);
  const ms = Math.round(performance.now() - started);
  const brandName = new Map(config.brands.map((b) => [b.id, b.name]));
  const productName = new Map(config.brands.flatMap((b) => b.products.map((p) => [p.id, p.name] as const)));
  const qs = (o: Record<string, string | number | undefined>) => filterQueryString(params, o);
  const sources = [...facets.sources];
  for (const b of config.brands)
    for (const s of [...b.sources, ...b.products.flatMap((p) => p.sources)]) if (!sources.includes(s.id)) sources.push(s.id);
  for (const s of config.sources) if (!sources.includes(s.id)) sources.push(s.id);
  const filterFor = (k: string) => errors[k];
  return (
    <Layout {...props.info}>
      <h1>Reviews</h1>
      <search aria-label="Filter reviews">
        <form method="get" action="/explorer" class="filters">
          <div class="field wide">
            <label for="f-q">Text</label>
            <input id="f-q" name="q" type="search" value={params.q ?? ''} placeholder='e.g. support "never answered"' />
          </div>
          <Select
            name="brand"
            label="Brand"
            value={params.brand}
            options={config.brands.map((b) => ({ value: b.id, label: `${b.name}${b.own ? ' (own)' : ''}` }))}
          />
          <Select
            name="product"
            label="Product"
            value={params.product}
            options={config.brands.flatMap((b) => b.products.map((p) => ({ value: p.id, label: `${p.name} (${b.name})` })))}
          />
          <Select name="source" label="Source" value={params.source} options={sources.sort().map((s) => ({ value: s, label: s }))} />
          <Select
            name="kind"
            label="Kind"
            value={params.kind}
            options={[
              { value: 'review', label: 'Reviews' },
              { value: 'mention', label: 'Mentions' },
            ]}
          />
          <div class="field">
            <label for="f-from">Published from</label>
            <input id="f-from" name="from" type="date" value={params.from ?? ''} aria-invalid={filterFor('from') ? 'true' : undefined} />
            {filterFor('from') ? <p class="error">{filterFor('from')}</p> : null}
          </div>
          <div class="field">
            <label for="f-to">Published to</label>
            <input id="f-to" name="to" type="date" value={params.to ?? ''} aria-invalid={filterFor('to') ? 'true' : undefined} />
            {filterFor('to') ? <p class="error">{filterFor('to')}</p> : null}
          </div>
          <Select
            name="ratingMin"
            label="Rating from"
            value={params.ratingMin}
            options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${n} ★` }))}
          />
          <Select
            name="ratingMax"
            label="Rating to"
            value={params.ratingMax}
            options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${n} ★` }))}
          />
          <Select
            name="sentiment"
            label="Sentiment"
            value={params.sentiment}
            options={['positive', 'neutral', 'negative'].map((s) => ({ value: s, label: s }))}
          />
          <div class="field">
            <label for="f-aspect">Aspect</label>
            <input id="f-aspect" name="aspect" list="aspects" value={params.aspect ?? ''} placeholder="e.g. support" />
            <datalist id="aspects">
              {facets.aspects.map((a) => (
                <option value={a} />
              ))}
            </datalist>
          </div>
          <Select
            name="theme"
            label="Theme"
            value={params.theme}
            options={facets.themes.map((t) => ({ value: t, label: t.replace(/^~/, '') }))}
          />
          <Select
            name="persona"
            label="Persona"
            value={params.persona}
            options={facets.personas.map((p) => ({ value: p.id, label: p.label }))}
          />
          <Select name="lang" label="Language" value={params.lang} options={facets.langs.map((l) => ({ value: l, label: l }))} />
          <div class="field">
            <label for="f-sort">Order</label>
            <select id="f-sort" name="sort">
              <option value="newest" selected={params.sort === 'newest'}>
                Newest first
              </option>
              <option value="oldest" selected={params.sort === 'oldest'}>
                Oldest first
              </option>
            </select>
          </div>
          <div class="actions">
            <button type="submit">Apply filters</button>
            <a href="/explorer">Clear</a>
          </div>
        </form>
      </search>
      {Object.keys(errors).length ? (
        <Notice kind="error">
          Some filters were not understood and are left out:{' '}
          {Object.entries(errors)
            .map(([k, v]) => `${k}: ${v}`)
            .join('; ')}
        </Notice>
      ) : null}
      <div class="summary" role="status">
        <p>
          <strong>{total.toLocaleString('en')}</strong> {total === 1 ? 'document matches' : 'documents match'}{' '}
          <span class="muted">({ms} ms)</span>
        </p>
        <p class="exports">
          Export the {total === snapshot.rows.length ? 'whole set' : 'filtered set'}:{' '}
          <a
            href={`/api/documents/export${filterQueryString({ ...params, page: 1, limit: 25, sort: 'newest' }, { format: 'csv' })}`}
            download
          >
            CSV
          </a>{' '}
          ·{' '}
          <a
            href={`/api/documents/export${filterQueryString({ ...params, page: 1, limit: 25, sort: 'newest' }, { format: 'jsonl' })}`}
            download
          >
            JSONL
          </a>
        </p>
      </div>
      {snapshot.rows.length === 0 ? (
        <Notice kind="warn">
          Nothing stored yet. Add a source under <a href="/sources">Sources</a> and run it, or run <code>radar demo</code>.
        </Notice>
      ) : null}
      <ol class="docs">
        {rows.map((r) => (
          <li class="doc">
            <div class="meta">
              <strong>{r.brands.map((b) => brandName.get(b) ?? b).join(', ') || 'no brand'}</strong>
              {r.products.length ? <span>{r.products.map((p) => productName.get(p) ?? p).join(', ')}</span> : null}
              <span class="muted">{r.doc.kind}</span>
              <span class="muted">{r.date ? r.date.slice(0, 10) : 'undated'}</span>
              <Stars value={r.stars} />
              <SentimentBadge label={r.sentiment} />
              {r.lang ? <span class="muted">{r.lang}</span> : null}
              {r.persona ? <span class="persona">{props.personaLabels.get(r.persona) ?? r.persona}</span> : null}
            </div>
            <MarkedText row={r} terms={terms} />
            <p class="src">
              {/^https?:\/\//i.test(r.doc.url) ? (
                <a href={r.doc.url} rel="noopener noreferrer nofollow" target="_blank">
                  Open on {hostOf(r.doc.url)}
                </a>
              ) : null}{' '}
              <span class="muted">source {r.doc.sourceId}</span>
              {props.editor && r.doc.authorKey ? (
                <>
                  {' '}
                  <a class="muted" href={`/authors/${encodeURIComponent(r.doc.authorKey)}/forget`}>
                    Forget this reviewer…
                  </a>
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ol>
      {pages > 1 ? (
        <nav class="pager" aria-label="Pages">
          {params.page > 1 ? (
            <a href={`/explorer${qs({ page: params.page - 1 })}`} rel="prev">
              ← Newer
            </a>
          ) : null}
          <span>
            Page {params.page} of {pages.toLocaleString('en')}
          </span>
          {params.page < pages ? (
            <a href={`/explorer${qs({ page: params.page + 1 })}`} rel="next">
              Older →
            </a>
          ) : null}
        </nav>
      ) : null}
    </Layout>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'its site';
  }
}
