import { describe, expect, it } from 'vitest';
import { fixtureYaml } from '../test/alert-fixtures.js';
import { parseConfig } from './load.js';

const problems = (alerts: string) => {
  const parsed = parseConfig(fixtureYaml(alerts), 'radar.yaml');
  return 'errors' in parsed ? parsed.errors : [];
};

describe('alerts in radar.yaml', () => {
  it('accepts channels that name their secrets by environment variable, and fills in the defaults', () => {
    const parsed = parseConfig(
      fixtureYaml(`alerts:
  channels:
    - { id: hook, type: webhook, urlEnv: HOOK_URL, secretEnv: HOOK_SECRET }
    - { id: chat, type: slack, urlEnv: SLACK_URL }
    - { id: mail, type: email, host: smtp.example.com, user: radar, passwordEnv: SMTP_PASSWORD, from: radar@example.com, to: [a@example.com] }
  rules:
    - { id: bad, type: reviews, channels: [hook, chat, mail], scope: { products: [kettle] } }
`),
    );
    if ('errors' in parsed) throw new Error(parsed.errors.join('\n'));
    const [rule] = parsed.config.alerts.rules;
    expect(rule).toMatchObject({ digest: 'run', maxItems: 20, maxStars: 2, negative: true, at: '09:00', timezone: 'UTC' });
    expect(parsed.config.alerts.delivery).toEqual({ timeoutSecs: 10, maxAttempts: 8, backoffSecs: 60, budgetSecs: 60 });
  });

  it('refuses a secret written in clear: a URL with a token, a user or a password', () => {
    expect(
      problems(`alerts:
  channels:
    - { id: hook, type: webhook, url: "https://hooks.example.com/in?token=abc123" }
    - { id: hook2, type: webhook, url: "https://user:pw@hooks.example.com/in" }
`),
    ).toEqual([
      expect.stringMatching(
        /^alerts\.channels\[0\]\.url: carries credentials or a query string \(tokens\): put the URL in an environment variable and name it in urlEnv/,
      ),
      expect.stringMatching(/^alerts\.channels\[1\]\.url: carries credentials/),
    ]);
    // A Slack webhook always carries its token: it can only come from the environment.
    expect(
      problems(`alerts:
  channels: [{ id: chat, type: slack, url: "https://hooks.slack.com/services/T/B/x" }]
`),
    ).toEqual([
      'alerts.channels[0].urlEnv: required (expected string)',
      'alerts.channels[0]: unknown key "url" (check the spelling; see radar.schema.json)',
    ]);
    expect(
      problems(`alerts:
  channels: [{ id: mail, type: email, host: h, password: hunter2, from: a@example.com, to: [b@example.com] }]
`),
    ).toEqual(['alerts.channels[0]: unknown key "password" (check the spelling; see radar.schema.json)']);
  });

  it('says which channel, brand, product or source a rule names that does not exist', () => {
    expect(
      problems(`alerts:
  channels: [{ id: hook, type: webhook, url: "http://127.0.0.1:9/x" }]
  rules:
    - { id: bad, type: reviews, channels: [hook, pager], scope: { brands: [nobrand], products: [kettle, noproduct], sources: [nosource] } }
    - { id: bad, type: source-health, channels: [hook] }
`),
    ).toEqual([
      'alerts.rules[0].channels[1]: no channel "pager" in alerts.channels (channels: hook)',
      'alerts.rules[0].scope.brands[0]: no brand "nobrand" is configured',
      'alerts.rules[0].scope.products[1]: no product "noproduct" is configured',
      'alerts.rules[0].scope.sources[0]: no source "nosource" is configured',
      'alerts.rules[1].id: duplicate rule id "bad" (first used at alerts.rules[0])',
    ]);
  });

  it('checks digest times, time zones, rule types and environment variable names', () => {
    expect(
      problems(`alerts:
  channels: [{ id: hook, type: webhook, urlEnv: "hook url" }]
  rules:
    - { id: a, type: reviews, channels: [hook], digest: daily, at: "9am", timezone: Mars/Olympus }
    - { id: b, type: everything, channels: [hook] }
`),
    ).toEqual([
      expect.stringMatching(/^alerts\.channels\[0\]\.urlEnv: must be the name of an environment variable/),
      'alerts.rules[0].at: must be a time of day as "HH:MM" (24-hour), e.g. "09:00"',
      'alerts.rules[0].timezone: not a known IANA time zone (e.g. "Europe/Berlin", "UTC")',
      "alerts.rules[1].type: Invalid discriminator value. Expected 'reviews' | 'themes' | 'competitors' | 'personas' | 'source-health'",
    ]);
  });
});
