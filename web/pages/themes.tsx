/** Themes by volume with net sentiment per brand; emerging ones flagged. */
import type { RadarConfig } from '../../config/schema.js';
import type { ThemesView } from '../../reports/themes.js';
import type { PageInfo } from './layout.js';
import { Layout, Notice, pct } from './layout.js';

/** The themes page. */
export function ThemesPage(props: { info: PageInfo; config: RadarConfig; themes: ThemesView }) {
  const { themes } = props;
  const brands = props.config.brands;
  return (
    <Layout {...props.info}>
      <h1>Themes</h1>
      {themes.periods ? (
        <p class="muted">
          Emerging and fading compare {themes.periods.recent.from.slice(0, 10)} – {themes.periods.recent.to.slice(0, 10)} (
          {themes.periods.recent.documents} documents) with {themes.periods.previous.from.slice(0, 10)} –{' '}
          {themes.periods.previous.to.slice(0, 10)} ({themes.periods.previous.documents}).
        </p>
      ) : (
        <Notice kind="warn">Too few dated documents to compare two periods: no theme is flagged emerging yet.</Notice>
      )}
      {themes.themes.some((t) => t.change?.trend === 'emerging') ? (
        <Notice kind="warn">
          Emerging:{' '}
          {themes.themes
            .filter((t) => t.change?.trend === 'emerging')
            .map((t) => t.label)
            .join(', ')}{' '}
          — talked about significantly more in the recent period.
        </Notice>
      ) : null}
      <div class="scroll">
        <table class="themes">
          <thead>
            <tr>
              <th scope="col">Theme</th>
              <th scope="col">Trend</th>
              <th scope="col">Documents</th>
              <th scope="col">Share</th>
              <th scope="col">Net</th>
              {brands.map((b) => (
                <th scope="col">{b.name}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {themes.themes.map((t) => (
              <tr class={t.change?.trend === 'emerging' ? 'emerging' : ''}>
                <th scope="row">
                  <a href={`/explorer?theme=${encodeURIComponent(t.key)}`}>{t.label}</a>
                  <span class="terms">{t.terms.slice(0, 4).join(', ')}</span>
                </th>
                <td>
                  {t.change?.trend === 'emerging' ? (
                    <strong class="tag">▲ emerging</strong>
                  ) : t.change?.trend === 'fading' ? (
                    <span class="tag alt">▼ fading</span>
                  ) : t.change ? (
                    'steady'
                  ) : (
                    '–'
                  )}
                  {t.change ? <span class="muted"> {`${pct(t.change.before)} → ${pct(t.change.after)}`}</span> : null}
                </td>
                <td>{t.volume}</td>
                <td>{pct(t.share)}</td>
                <td>{t.net > 0 ? `▲ +${t.net.toFixed(2)}` : t.net < 0 ? `▼ ${t.net.toFixed(2)}` : '● 0'}</td>
                {brands.map((b) => {
                  const s = t.byBrand[b.id];
                  return <td>{s ? `${s.net > 0 ? '+' : ''}${s.net.toFixed(2)} (${s.volume})` : '–'}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
