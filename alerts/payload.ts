/**
 * The content of an outbox message, as the webhook receives it (the JSON body documented in the
 * README) and as the Slack and e-mail renderers read it. Quotes are read from the documents when
 * the message is built — PII-redacted again and shortened — so a reviewer forgotten in between is
 * never quoted, and no quote is kept in the alert history.
 */
import type { AlertRuleConfig } from '../config/alerts-schema.js';
import type { RadarConfig } from '../config/schema.js';
import type { AlertMessage, AlertRecord, FindingKind, Severity } from '../domain/alerts.js';
import type { RadarDocument } from '../domain/types.js';
import { redactPII } from '../privacy/redact.js';
import { fiveStar, round } from '../reports/summaries.js';
import type { Store } from '../storage/store.js';
import { batchLink, evidenceLink, linkTargetOf } from './links.js';
import { projectNames } from './rules/scope.js';

/** A quote from a document behind a finding. */
export interface EvidenceQuote {
  /** Document id. */
  docId: string;
  /** Where the document was found. */
  url: string;
  /** Title and text, PII-redacted and shortened. */
  text: string;
  /** Rating on the 1–5 scale, when rated. */
  rating?: number;
  /** When it was published (ISO 8601), when known. */
  publishedAt?: string;
}

/** A finding as sent. */
export interface PayloadFinding {
  /** Record id (the finding's idempotency key). */
  id: string;
  /** What it is about. */
  kind: FindingKind;
  /** One line. */
  title: string;
  /** The figures behind it, in words. */
  detail: string;
  /** How urgent. */
  severity: Severity;
  /** Brand id and name. */
  brand?: { id: string; name: string };
  /** Product id and name. */
  product?: { id: string; name: string };
  /** Source id. */
  source?: string;
  /** When it was found (ISO 8601). */
  foundAt: string;
  /** Link to the evidence. */
  link: string;
  /** The figures behind it. */
  data: Record<string, number | string>;
  /** Quotes from the documents behind it. */
  quotes: EvidenceQuote[];
}

/** The JSON body of a webhook delivery (and what every channel renders). */
export interface AlertPayload {
  /** Message id: the same on every retry of the delivery; receivers can use it to drop repeats. */
  id: string;
  /** Always "radar.alert". */
  type: 'radar.alert';
  /** Body format version. */
  version: 1;
  /** Project name. */
  project: string;
  /** The rule that found it. */
  rule: { id: string; type: string; digest: string };
  /** A sample sent by `radar alerts test`. */
  test: boolean;
  /** When the message was composed (ISO 8601). */
  createdAt: string;
  /** One line for the whole message. */
  title: string;
  /** Link to everything in the message (the web app's alert view, or the report). */
  link: string;
  /** Findings listed (at most the rule's maxItems). */
  findings: PayloadFinding[];
  /** Findings in the message in all. */
  total: number;
  /** Findings counted but not listed (over maxItems). */
  omitted: number;
}

const QUOTE_CHARS = 280;
const QUOTES_PER_FINDING = 3;

/** Text shortened at a word boundary. */
function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

/** A document as quoted in an alert. */
export function quoteOf(doc: RadarDocument): EvidenceQuote {
  const stars = fiveStar(doc.rating);
  const text = redactPII([doc.title?.trim(), doc.body.trim()].filter(Boolean).join(' — '));
  return {
    docId: doc._id,
    url: doc.url,
    text: shorten(text, QUOTE_CHARS),
    ...(stars !== undefined ? { rating: round(stars, 1) } : {}),
    ...(doc.publishedAt ? { publishedAt: doc.publishedAt } : {}),
  };
}

const SUMMARY: Record<AlertRuleConfig['type'], string> = {
  reviews: 'new low-star or negative reviews',
  themes: 'aspect and theme shifts',
  competitors: 'competitor moves',
  personas: 'persona changes',
  'source-health': 'source problems',
};

/** The payload of a message: its findings (stored, or the sample it carries) with quotes read now. */
export async function buildPayload(config: RadarConfig, store: Store, message: AlertMessage): Promise<AlertPayload> {
  const rule = config.alerts.rules.find((r) => r.id === message.rule);
  const records = message.sample ?? (await store.listAlerts({ ids: message.alertIds }));
  records.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a._id < b._id ? -1 : 1));
  const max = rule?.maxItems ?? 20;
  const listed = records.slice(0, max);
  const docIds = [...new Set(listed.flatMap((r) => r.docIds.slice(0, QUOTES_PER_FINDING)))];
  const docs = new Map<string, RadarDocument>();
  if (docIds.length) for await (const d of store.findDocuments({ ids: docIds, includeDuplicates: true })) docs.set(d._id, d);
  const names = projectNames(config);
  const target = linkTargetOf(config);
  const findings = listed.map(
    (r: AlertRecord): PayloadFinding => ({
      id: r._id,
      kind: r.kind,
      title: r.title,
      detail: r.detail,
      severity: r.severity,
      ...(r.brand ? { brand: { id: r.brand, name: names.brand.get(r.brand) ?? r.brand } } : {}),
      ...(r.product ? { product: { id: r.product, name: names.product.get(r.product) ?? r.product } } : {}),
      ...(r.sourceId ? { source: r.sourceId } : {}),
      foundAt: r.createdAt,
      link: evidenceLink(r.view, target),
      data: r.data ?? {},
      quotes: r.docIds
        .slice(0, QUOTES_PER_FINDING)
        .map((id) => docs.get(id))
        .filter((d): d is RadarDocument => !!d)
        .map(quoteOf),
    }),
  );
  const type = rule?.type ?? records[0]?.ruleType ?? 'reviews';
  const title =
    records.length === 1 && records[0]
      ? records[0].title
      : `${records.length} ${SUMMARY[type]}${listed.length < records.length ? ` (first ${listed.length} listed)` : ''}`;
  return {
    id: message._id,
    type: 'radar.alert',
    version: 1,
    project: config.project,
    rule: { id: message.rule, type, digest: rule?.digest ?? 'run' },
    test: !!message.test,
    createdAt: message.createdAt,
    title: `${message.test ? '[test] ' : ''}${title}`,
    link: batchLink(message.rule, message.batch, target),
    findings,
    total: records.length,
    omitted: records.length - listed.length,
  };
}
