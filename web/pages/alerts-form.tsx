/** The editor of the `alerts:` section: its YAML in one field, checked as it is edited, every problem beside the field with its path. */
import type { Viewer } from '../auth.js';
import { liveCheck } from './forms.js';
import type { PageInfo } from './layout.js';
import { Csrf, Layout } from './layout.js';

const EXAMPLE = `channels:
  - { id: team-hook, type: webhook, urlEnv: RADAR_HOOK_URL, secretEnv: RADAR_HOOK_SECRET }
  - { id: mail, type: email, host: smtp.example.com, user: radar, passwordEnv: RADAR_SMTP_PASSWORD,
      from: "Review Radar <radar@example.com>", to: [marketing@example.com] }
rules:
  - { id: bad-reviews, type: reviews, maxStars: 2, channels: [mail], digest: run }
  - { id: broken-sources, type: source-health, channels: [team-hook], digest: immediate }
linkBase: https://radar.example.com`;

/** The problems of the section, beside its field (always there, hidden when none, so a check can fill it). */
export function AlertsErrors(props: { problems: string[]; oob?: boolean }) {
  return (
    <div class="errors" id="f-alerts-error" hidden={!props.problems.length} hx-swap-oob={props.oob ? 'true' : undefined} aria-live="polite">
      {props.problems.map((p) => (
        <p class="error">{p}</p>
      ))}
    </div>
  );
}

/** The edit page. */
export function AlertsForm(props: {
  info: PageInfo;
  viewer: Viewer;
  /** The section's YAML as shown in the field. */
  text: string;
  /** Fingerprint of the section as it was loaded (a change saved meanwhile by someone else is not overwritten). */
  base: string;
  /** Problems of the section, as `alerts.rules[0].channels[1]: …`. */
  problems: string[];
  /** Problems that belong to no part of the section (a conflict). */
  other?: string[];
}) {
  const invalid = props.problems.length > 0;
  return (
    <Layout {...props.info}>
      <h1>Edit alert rules and channels</h1>
      {invalid || props.other?.length ? (
        <div class="notice error" role="alert">
          <p>Not saved — please fix{invalid ? ' the problems shown below the field' : ''}.</p>
          {props.other?.length ? (
            <ul>
              {props.other.map((p) => (
                <li>{p}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <form method="post" action="/alerts/edit" class="form wide-form" novalidate {...liveCheck(props.viewer, '/alerts/check')}>
        <Csrf viewer={props.viewer} />
        <input type="hidden" name="base" value={props.base} />
        <div class="field">
          <label for="f-alerts">The alerts section (YAML)</label>
          <textarea
            id="f-alerts"
            name="alerts"
            class="code"
            rows={22}
            spellcheck={false}
            autocomplete="off"
            aria-invalid={invalid ? 'true' : undefined}
            aria-describedby="f-alerts-error f-alerts-hint"
          >
            {props.text}
          </textarea>
          <p class="hint" id="f-alerts-hint">
            The keys under <code>alerts:</code> in radar.yaml: <code>channels</code>, <code>rules</code>, <code>linkBase</code>,{' '}
            <code>delivery</code> (see the configuration reference). Secrets never go here: a channel names the environment variable that
            holds each one (<code>urlEnv</code>, <code>secretEnv</code>, <code>passwordEnv</code>). Checked by the same schema as
            radar.yaml; rules must name existing channels, brands, products and sources. Empty removes every rule and channel.
          </p>
          <AlertsErrors problems={props.problems} />
        </div>
        <div class="actions">
          <button type="submit">Save alerts</button>
          <a href="/alerts">Cancel</a>
        </div>
      </form>
      <details>
        <summary>An example</summary>
        <pre class="code">{EXAMPLE}</pre>
      </details>
    </Layout>
  );
}
