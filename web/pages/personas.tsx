/** Personas of the latest report: cards, traits, quotes, brand shares, change since the previous report. */
import type { RadarConfig } from '../../config/schema.js';
import type { Quote } from '../../reports/model.js';
import type { PersonaWithChange } from '../insights.js';
import type { PageInfo } from './layout.js';
import { Layout, Notice, pct, when } from './layout.js';

type Personas = {
  set?: { id: string; createdAt: string };
  previous?: { id: string; createdAt: string };
  personas: PersonaWithChange[];
  vanished: string[];
};

function change(p: PersonaWithChange): string {
  switch (p.change) {
    case 'new':
      return '★ new since the previous report';
    case 'grown':
      return `▲ grew from ${pct(p.shareBefore)} to ${pct(p.share)}`;
    case 'shrunk':
      return `▼ shrank from ${pct(p.shareBefore)} to ${pct(p.share)}`;
    case 'stable':
      return `● steady (${pct(p.shareBefore)} before)`;
    default:
      return 'first report: nothing to compare with';
  }
}

function QuoteList(props: { quotes: Quote[] }) {
  return (
    <ul class="quotes">
      {props.quotes.map((q) => (
        <li>
          <blockquote>{q.text}</blockquote>
          <p class="muted">
            {q.shows} · {q.rating !== undefined ? `${q.rating.toFixed(1)} ★ · ` : ''}
            {q.publishedAt ? `${q.publishedAt.slice(0, 10)} · ` : ''}
            {/^https?:\/\//i.test(q.url) ? (
              <a href={q.url} rel="noopener noreferrer nofollow" target="_blank">
                source
              </a>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** The personas list. */
export function PersonasPage(props: { info: PageInfo; config: RadarConfig; data: Personas }) {
  const { data } = props;
  const brandName = new Map(props.config.brands.map((b) => [b.id, b.name]));
  return (
    <Layout {...props.info}>
      <h1>Personas</h1>
      {!data.set ? (
        <Notice kind="warn">
          No report yet: personas appear once a report has been built (run a source, or build the report under Reports).
        </Notice>
      ) : (
        <p class="muted">
          From the report of {when(data.set.createdAt)}
          {data.previous ? `, compared with the one of ${when(data.previous.createdAt)}` : ''}.
        </p>
      )}
      {data.vanished.length ? <Notice kind="warn">No longer found since the previous report: {data.vanished.join(', ')}</Notice> : null}
      <div class="cards">
        {data.personas.map((p) => (
          <article class="card">
            <h2>
              <a href={`/personas/${encodeURIComponent(p.id)}`}>{p.label}</a>
            </h2>
            <p>{p.summary}</p>
            <p>
              <strong>{pct(p.share)}</strong> of reviewers ({p.size}) · <span class="change">{change(p)}</span>
            </p>
            <p class="muted">Share of each brand’s reviewers:</p>
            <ul class="shares">
              {Object.entries(p.shareByBrand).map(([b, s]) => (
                <li>
                  {brandName.get(b) ?? b}: {pct(s)}
                </li>
              ))}
            </ul>
            {p.quotes[0] ? <blockquote>{p.quotes[0].text}</blockquote> : null}
          </article>
        ))}
      </div>
    </Layout>
  );
}

/** One persona in full. */
export function PersonaPage(props: { info: PageInfo; config: RadarConfig; persona: PersonaWithChange }) {
  const p = props.persona;
  const brandName = new Map(props.config.brands.map((b) => [b.id, b.name]));
  const card = p.card ?? { roles: [], goals: [], pains: [], values: [], buying: [], channels: [] };
  const row = (label: string, items: string[]) =>
    items.length ? (
      <div>
        <dt>{label}</dt>
        <dd>{items.join(', ')}</dd>
      </div>
    ) : null;
  return (
    <Layout {...props.info}>
      <p>
        <a href="/personas">← All personas</a>
      </p>
      <h1>{p.label}</h1>
      <p>{p.summary}</p>
      <p>
        <strong>{pct(p.share)}</strong> of reviewers ({p.size} members, {p.documents} documents) · {change(p)} ·{' '}
        <a href={`/explorer?persona=${encodeURIComponent(p.id)}`}>Read their reviews</a>
      </p>
      <section class="card">
        <h2>Card</h2>
        <dl class="facts">
          {card.ageRange ? row('Age', [card.ageRange]) : null}
          {row('Roles', card.roles)}
          {row('Goals', card.goals)}
          {row('Pains', card.pains)}
          {row('Values', card.values)}
          {row('Buying', card.buying)}
          {row('Channels', card.channels)}
        </dl>
      </section>
      <section>
        <h2>Brands</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Brand</th>
              <th scope="col">Share of its reviewers in this persona</th>
              <th scope="col">Members</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(p.shareByBrand).map(([b, s]) => (
              <tr>
                <th scope="row">{brandName.get(b) ?? b}</th>
                <td>{pct(s)}</td>
                <td>{p.membersByBrand?.[b] ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h2>What defines them</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Trait</th>
              <th scope="col">In this persona</th>
              <th scope="col">Everyone</th>
            </tr>
          </thead>
          <tbody>
            {(p.traits ?? []).map((t) => (
              <tr>
                <th scope="row">{t.trait}</th>
                <td>{pct(t.value)}</td>
                <td>{pct(t.overall)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          Loves: {(p.loves ?? []).map((a) => a.aspect).join(', ') || '–'} · Hates: {(p.hates ?? []).map((a) => a.aspect).join(', ') || '–'}
        </p>
      </section>
      <section>
        <h2>In their words</h2>
        <QuoteList quotes={p.quotes ?? []} />
        {p.counterEvidence?.length ? (
          <>
            <h3>Against the grain</h3>
            <QuoteList quotes={p.counterEvidence} />
          </>
        ) : null}
      </section>
      {p.marketing?.length ? (
        <section>
          <h2>What it means for marketing</h2>
          <ul>
            {p.marketing.map((m) => (
              <li>
                {m.advice} <span class="muted">— {m.because}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}
