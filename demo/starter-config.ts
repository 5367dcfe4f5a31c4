/**
 * The starter project file (`radar.yaml`) for the demo shop: written by `radar init`, used as-is by
 * `radar demo`. It doubles as an annotated example of every kind of source, so comments explain choices.
 */
import { demoCatalog } from './catalog.js';
import type { DemoProduct } from './catalog-types.js';

/** Per-brand crawl settings: how each brand's pages are best fetched, and when. */
const BRAND_SOURCES: Record<string, { schedule: string; profiles: boolean; note: string }> = {
  copperleaf: {
    schedule: '0 6 * * *',
    profiles: true,
    note: 'daily at 06:00; pages carry schema.org JSON-LD, so static fetching is enough',
  },
  nordbrew: { schedule: '30 6 * * 1', profiles: true, note: 'Mondays at 06:30; plain HTML review cards, found by automatic detection' },
  vantio: { schedule: '0 7 * * 1,4', profiles: false, note: 'Mondays and Thursdays at 07:00' },
};

const q = (s: string) => JSON.stringify(s);

function renderOf(p: DemoProduct): { render: 'static' | 'browser' | 'auto'; why: string } {
  if (p.format === 'script') return { render: 'browser', why: 'reviews are drawn by JavaScript behind "Load more"; needs Chromium' };
  if (p.format === 'comments') return { render: 'auto', why: 'static first, Chromium only if the page looks like reviews but yields none' };
  return { render: 'static', why: '' };
}

const COMMENT_RECIPE = `            # Automatic detection finds these comment blocks. Should it ever miss, a CSS recipe pins them down:
            # recipe:
            #   container: li.comment
            #   author: a.user
            #   authorLink: a.user
            #   rating: { selector: .rated }
            #   title: .comment-title
            #   body: .comment-text
            #   date: { selector: .when, format: "D MMMM YYYY" }
            #   nextPage: a[rel=next]`;

/** Whether a URL points at this machine (the demo only ever posts alerts to a loopback receiver). */
export function isLoopbackUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const u = new URL(url);
  return (
    /^https?:$/.test(u.protocol) && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname) && !u.username && !u.password && !u.search
  );
}

/** The alerts section: live when a loopback receiver is given, otherwise the same rules commented out. */
function alertsBlock(webhook: string | undefined): string {
  const lines = [
    'alerts:',
    '  channels:',
    '    - id: local-receiver',
    '      type: webhook',
    `      url: ${q(webhook ?? 'http://127.0.0.1:8787/radar-alerts')}   # a receiver on this machine; for a URL carrying a token use urlEnv`,
    '      # secretEnv: RADAR_ALERT_SECRET   # name an environment variable to sign each body (X-Radar-Signature)',
    '  rules:',
    '    - id: bad-reviews',
    '      type: reviews          # new reviews of your products at or below maxStars, or negative',
    '      maxStars: 2',
    '      digest: run            # one digest per report run; or immediate, daily (at), weekly (day, at)',
    '      channels: [local-receiver]',
    '    - id: broken-sources',
    '      type: source-health    # a crawl that fetched nothing, was blocked, dropped, or kept failing',
    '      channels: [local-receiver]',
  ];
  if (webhook)
    return `# Alerts after every report, posted as JSON to the local receiver (see the README, Alerts).
${lines.join('\n')}
`;
  // Commented with a bare "#": deleting it gives the live block back, and the recipe example's
  // "# " lines stay the only ones of their kind.
  return `# Alerts after every report: delete the leading "#" of the lines below, and point the channel at a
# receiver (\`radar init --alert-webhook URL\` writes them live). \`radar alerts test bad-reviews\` sends a sample.
${lines.map((l) => `#${l}`).join('\n')}
`;
}

/** A commented radar.yaml whose sources point at the demo shop at `baseUrl`; with `alertWebhook` (a loopback URL), alert rules post to it. */
export function starterConfigYaml(baseUrl: string, options: { alertWebhook?: string } = {}): string {
  if (options.alertWebhook !== undefined && !isLoopbackUrl(options.alertWebhook)) {
    throw new RangeError(`the demo posts alerts only to a receiver on this machine (http://127.0.0.1:PORT/…), not ${options.alertWebhook}`);
  }
  const base = baseUrl.replace(/\/+$/, '');
  const { brands, products } = demoCatalog();
  const brandBlocks = brands.map((b) => {
    const s = BRAND_SOURCES[b.id] ?? { schedule: '0 6 * * *', profiles: false, note: 'daily at 06:00' };
    const productBlocks = products
      .filter((p) => p.brandId === b.id)
      .map((p, i) => {
        const { render, why } = renderOf(p);
        const lines = [
          `      - id: ${p.id}`,
          `        name: ${q(p.name)}`,
          `        aliases: [${p.aliases.map(q).join(', ')}]`,
          `        sources:`,
          `          - id: ${p.id}-reviews`,
          `            kind: reviews`,
          `            # The product page; pagination (rel="next" and page-number links) is followed from it.`,
          `            urls: [${q(`${base}/products/${p.id}`)}]`,
          `            render: ${render}${why ? `   # ${why}` : ''}`,
          ...(s.profiles ? [`            profiles: true   # visit reviewer profiles once for location and their other reviews`] : []),
          `            maxPages: 20`,
          `            schedule: ${q(s.schedule)}${i === 0 ? `   # ${s.note}` : ''}`,
          `            timezone: Europe/Berlin`,
          ...(p.format === 'comments' && i === products.filter((x) => x.brandId === b.id).findIndex((x) => x.format === 'comments')
            ? [COMMENT_RECIPE]
            : []),
        ];
        return lines.join('\n');
      });
    return [
      `  - id: ${b.id}`,
      `    name: ${q(b.name)}`,
      ...(b.own ? ['    own: true   # your brand; reports compare every competitor with it'] : ['    own: false   # a competitor']),
      `    aliases: [${b.aliases.map(q).join(', ')}]   # other spellings, used to link social mentions`,
      `    products:`,
      ...productBlocks,
    ].join('\n');
  });

  return `# Review Radar project file for the bundled demo shop ("Bean & Boiler", ${base}).
# Start the shop with \`radar demo --serve\`, then run \`radar crawl && radar analyze && radar report\`.
# To listen to your own market, replace the brands, products and URLs below; the schema below gives
# editors completion and checks (see radar.schema.json, written by \`radar init\`).
$schema: ./radar.schema.json
project: coffee-gear-demo

brands:
${brandBlocks.join('\n\n')}

# Sources not tied to one brand: posts are linked to the brands and products they name (by name or alias);
# posts that name none are dropped.
sources:
  - id: community-feed
    kind: mentions
    urls: [${q(`${base}/feed.rss`)}]
    render: static
    schedule: "0 * * * *"   # hourly: social posts age fast
    timezone: UTC

# The demo shop runs on this machine, so the crawler may fetch several pages at once.
crawl:
  concurrency: 8
  perDomainConcurrency: 4

privacy:
  storeAuthorNames: false   # keep only pseudonymous reviewer keys
  redactPII: true           # e-mail addresses and phone numbers are replaced in stored text and quotes

# Extra aspect categories for this market, added to the built-in taxonomy.
analysis:
  aspects:
    brewing: [temperature, pour, spout, crema, shots, extraction]
    grind: [grind, burrs, retention, fines, static]
    milk: [foam, froth, steam wand, milk]
    cleaning: [clean, cleaning, descale, limescale, drip tray]
    noise: [noise, loud, quiet, noisy]

report:
  outDir: radar-report
  minPersonaSize: 5

${alertsBlock(options.alertWebhook)}`;
}
