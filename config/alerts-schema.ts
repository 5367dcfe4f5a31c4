/**
 * The `alerts:` section of radar.yaml: channels (webhook, Slack-compatible, SMTP e-mail), rules
 * scoped to brands, products and sources, and delivery settings. Secrets are never written here:
 * a channel names the environment variable that holds each one.
 */
import { z } from 'zod';

const ID = /^[a-z0-9][a-z0-9_-]*$/;
const ENV = /^[A-Za-z_][A-Za-z0-9_]*$/;

const alertId = (what: string) =>
  z
    .string()
    .regex(ID, `must be a lower-case id of letters, digits, "-" or "_" (e.g. "bad-reviews")`)
    .describe(`Stable ${what} id; lower-case letters, digits, "-" and "_".`);

const envName = (what: string) =>
  z
    .string()
    .regex(ENV, 'must be the name of an environment variable (letters, digits and "_"), e.g. "RADAR_ALERT_SECRET"')
    .describe(`Name of the environment variable holding ${what}; radar.yaml never holds the value itself.`);

/** Whether a URL written in clear carries something secret (a user, a password, a query string of tokens). */
function carriesSecret(url: string): boolean {
  try {
    const u = new URL(url);
    return !!(u.username || u.password || u.search);
  } catch {
    return false;
  }
}

const plainUrl = z
  .string()
  .refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u), { message: 'must be an absolute http(s) URL' })
  .refine((u) => !carriesSecret(u), {
    message:
      'carries credentials or a query string (tokens): put the URL in an environment variable and name it in urlEnv instead, so radar.yaml holds no secret',
  });

const timeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as "HH:MM" (24-hour), e.g. "09:00"')
  .describe('Time of day the digest goes out, "HH:MM" (24-hour), read in `timezone`.');

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** A generic webhook: a JSON body, signed with HMAC-SHA256 when a secret is named. */
export const WebhookChannelSchema = z
  .strictObject({
    id: alertId('channel'),
    type: z.literal('webhook').describe('"webhook": POST a JSON body (see the README, Alerts) to a URL.'),
    url: plainUrl.optional().describe('Receiver URL, when it holds no token (no user, password or query string); otherwise use urlEnv.'),
    urlEnv: envName('the receiver URL').optional(),
    secretEnv: envName('the signing secret')
      .optional()
      .describe(
        'Name of the environment variable holding the signing secret: each body is then signed with HMAC-SHA256 in the X-Radar-Signature header.',
      ),
  })
  .refine((c) => !!c.url !== !!c.urlEnv, { message: 'give the receiver either as url or as urlEnv (one of them)' })
  .describe('A generic webhook.');

/** A Slack-compatible incoming webhook (Slack, Mattermost, Rocket.Chat…): readable text with links. */
export const SlackChannelSchema = z
  .strictObject({
    id: alertId('channel'),
    type: z.literal('slack').describe('"slack": post readable text with links to a Slack-compatible incoming webhook.'),
    urlEnv: envName('the incoming-webhook URL (it carries a token)'),
  })
  .describe('A Slack-compatible incoming webhook.');

/** E-mail over SMTP: plain text and HTML. */
export const EmailChannelSchema = z
  .strictObject({
    id: alertId('channel'),
    type: z.literal('email').describe('"email": send plain text and HTML over SMTP.'),
    host: z.string().min(1).describe('SMTP server host name.'),
    port: z.number().int().min(1).max(65535).default(587).describe('SMTP port (587 submission with STARTTLS, 465 implicit TLS, 25 relay).'),
    secure: z.boolean().default(false).describe('true: TLS from the start (port 465); false: STARTTLS when the server offers it.'),
    requireTLS: z.boolean().default(false).describe('Refuse to send unless the connection is upgraded to TLS (STARTTLS).'),
    user: z.string().optional().describe('SMTP user name, when the server needs a login.'),
    passwordEnv: envName('the SMTP password').optional(),
    from: z.string().min(3).describe('Sender address, e.g. "Review Radar <radar@example.com>".'),
    to: z.array(z.email('must be an e-mail address')).min(1).describe('Recipient addresses.'),
  })
  .refine((c) => !c.passwordEnv || !!c.user, { message: 'passwordEnv needs user (the SMTP login name)', path: ['user'] })
  .describe('E-mail over SMTP.');

/** One channel. */
export const AlertChannelSchema = z
  .discriminatedUnion('type', [WebhookChannelSchema, SlackChannelSchema, EmailChannelSchema])
  .describe('Where alerts are sent.');

/** Which brands, products and sources a rule watches. */
const ScopeSchema = z
  .strictObject({
    brands: z
      .array(z.string())
      .optional()
      .describe('Brand ids; unset: the rule type’s default (own brands for reviews, every brand otherwise).'),
    products: z.array(z.string()).optional().describe('Product ids; unset: every product of the brands.'),
    sources: z.array(z.string()).optional().describe('Source ids; unset: every source.'),
  })
  .prefault({})
  .describe('What the rule watches; every list narrows it (an item must match all lists given).');

const ruleCommon = {
  id: alertId('rule'),
  channels: z.array(z.string().min(1)).min(1).describe('Channel ids the rule sends to.'),
  scope: ScopeSchema,
  digest: z
    .enum(['immediate', 'run', 'daily', 'weekly'])
    .default('run')
    .describe(
      '"immediate": one message per finding; "run": one digest per report run; "daily"/"weekly": one digest at `at` (on `day` for weekly) of what was found since the last one.',
    ),
  at: timeOfDay.default('09:00'),
  day: z
    .enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])
    .default('monday')
    .describe('Day of the weekly digest.'),
  timezone: z
    .string()
    .refine(isValidTimeZone, { message: 'not a known IANA time zone (e.g. "Europe/Berlin", "UTC")' })
    .default('UTC')
    .describe('IANA time zone `at` and `day` are read in.'),
  maxItems: z.number().int().min(1).max(200).default(20).describe('Most findings listed in one message; the rest are counted and linked.'),
};

/** New low-star or negative reviews. */
export const ReviewsRuleSchema = z
  .strictObject({
    ...ruleCommon,
    type: z.literal('reviews').describe('"reviews": new reviews at or below `maxStars`, or negative, of your own products.'),
    maxStars: z
      .number()
      .min(1)
      .max(5)
      .default(2)
      .describe('Alert on reviews rated at or below this many stars (on a 1–5 scale; other scales are converted).'),
    negative: z
      .boolean()
      .default(true)
      .describe('Also alert on unrated or better-rated reviews whose text the analysis reads as negative.'),
  })
  .describe('New low-star or negative reviews.');

/** Shifts in what customers talk about. */
export const ThemesRuleSchema = z
  .strictObject({
    ...ruleCommon,
    type: z
      .literal('themes')
      .describe(
        '"themes": an aspect or theme turning negative between the last two periods (the report’s two-proportion test, p < 0.05), and new emerging themes.',
      ),
    negativeShift: z
      .boolean()
      .default(true)
      .describe('Alert when the share of negative mentions of an aspect or theme rises significantly.'),
    emerging: z.boolean().default(true).describe('Alert when a theme starts emerging (its share of documents rises significantly).'),
  })
  .describe('Aspect and theme shifts.');

/** Competitor moves. */
export const CompetitorsRuleSchema = z
  .strictObject({
    ...ruleCommon,
    type: z
      .literal('competitors')
      .describe('"competitors": a competitor overtaking you, a persona only a competitor has, a mention comparing you.'),
    rating: z.boolean().default(true).describe('Alert when a competitor’s average rating moves above yours.'),
    aspects: z.boolean().default(true).describe('Alert when a competitor’s net sentiment on an aspect moves above yours.'),
    personas: z.boolean().default(true).describe('Alert when a persona appears that only a competitor’s customers form.'),
    comparisons: z.boolean().default(true).describe('Alert on new mentions and reviews that compare you with a competitor.'),
    minSupport: z
      .number()
      .int()
      .min(1)
      .default(10)
      .describe('Fewest ratings (or aspect mentions) each side needs before a crossing counts.'),
  })
  .describe('Competitor moves.');

/** Persona changes between report runs. */
export const PersonasRuleSchema = z
  .strictObject({
    ...ruleCommon,
    type: z.literal('personas').describe('"personas": a persona appeared, vanished, grew or shrank since the previous report.'),
    minShareChange: z
      .number()
      .min(0)
      .max(1)
      .default(0.05)
      .describe('Smallest change of a persona’s share (0.05 = 5 points) that counts as grown or shrunk.'),
  })
  .describe('Persona change between report runs.');

/** Source health. */
export const SourceHealthRuleSchema = z
  .strictObject({
    ...ruleCommon,
    type: z
      .literal('source-health')
      .describe(
        '"source-health": a crawl that fetched nothing, was blocked, found far fewer items than before, or failed again and again.',
      ),
    dropRatio: z
      .number()
      .gt(0)
      .lt(1)
      .default(0.5)
      .describe('A run finding fewer items per page than this share of the median of the runs before counts as a drop.'),
    lookback: z.number().int().min(2).max(50).default(5).describe('How many earlier runs the drop is measured against.'),
    failures: z.number().int().min(2).max(50).default(3).describe('Failed runs in a row that count as repeated failure.'),
  })
  .describe('Source health.');

/** One rule. */
export const AlertRuleSchema = z
  .discriminatedUnion('type', [ReviewsRuleSchema, ThemesRuleSchema, CompetitorsRuleSchema, PersonasRuleSchema, SourceHealthRuleSchema])
  .describe('An alert rule.');

/** The alerts section. */
export const AlertsSchema = z
  .strictObject({
    linkBase: z
      .string()
      .refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u), { message: 'must be an absolute http(s) URL' })
      .optional()
      .describe(
        'Base URL of the web app (e.g. "https://radar.example.com"): alerts link to its filtered views. Unset: they link to the report file.',
      ),
    channels: z.array(AlertChannelSchema).default([]).describe('Where alerts go.'),
    rules: z.array(AlertRuleSchema).default([]).describe('What to alert on.'),
    delivery: z
      .strictObject({
        timeoutSecs: z.number().positive().max(120).default(10).describe('Timeout of one delivery (connect and send), in seconds.'),
        maxAttempts: z.number().int().min(1).max(50).default(8).describe('Delivery attempts before a message is marked failed.'),
        backoffSecs: z
          .number()
          .positive()
          .default(60)
          .describe('Wait before the first retry, in seconds; it doubles with every attempt (at most 6 hours).'),
        budgetSecs: z
          .number()
          .positive()
          .max(600)
          .default(60)
          .describe('Most time one report run spends delivering; what is left waits for the next run (or `radar alerts send`).'),
      })
      .prefault({})
      .describe('How messages are delivered.'),
  })
  .prefault({})
  .describe('Alerts: rules that watch the data after every report, and the channels they send to.');

/** A validated alerts section. */
export type AlertsConfig = z.infer<typeof AlertsSchema>;
/** A validated alert rule. */
export type AlertRuleConfig = z.infer<typeof AlertRuleSchema>;
/** A validated alert channel. */
export type AlertChannelConfig = z.infer<typeof AlertChannelSchema>;
