/**
 * `radar alerts test RULE`: a sample message through each of the rule's channels, at once, through
 * the same outbox (so it shows in `radar alerts list` with its outcome) but marked as a test and
 * carrying its own findings — nothing is recorded as found. A reviews rule quotes the latest
 * matching reviews in the store when there are some; every other sample is made up, and says so.
 */
import type { Logger } from 'pino';
import type { AlertRuleConfig } from '../config/alerts-schema.js';
import type { RadarConfig } from '../config/schema.js';
import type { AlertFinding, AlertMessage, AlertRecord, FindingKind } from '../domain/alerts.js';
import type { RadarDocument } from '../domain/types.js';
import { fiveStar, round } from '../reports/summaries.js';
import type { Store } from '../storage/store.js';
import { deliverMessage } from './deliver.js';
import { projectNames, resolveScope } from './rules/scope.js';

const KIND: Record<AlertRuleConfig['type'], FindingKind> = {
  reviews: 'low-rating-review',
  themes: 'negative-shift',
  competitors: 'competitor-rating-ahead',
  personas: 'persona-appeared',
  'source-health': 'source-empty',
};

/** Findings for the sample: real low-star reviews for a reviews rule when the store has some, else one made-up finding. */
async function sampleFindings(rule: AlertRuleConfig, config: RadarConfig, store: Store): Promise<AlertFinding[]> {
  const scope = resolveScope(rule, config, rule.type === 'reviews' || rule.type === 'themes' ? 'own' : 'all');
  const names = projectNames(config);
  if (rule.type === 'reviews') {
    const found: RadarDocument[] = [];
    for await (const d of store.findDocuments({ kind: 'review' }, { sort: 'firstSeenAt', limit: 2000 })) {
      const stars = fiveStar(d.rating);
      if (scope.hasDocument(d) && stars !== undefined && stars <= rule.maxStars) found.push(d);
      if (found.length >= 3) break;
    }
    if (found.length) {
      return found.map((d) => ({
        key: `sample:${d._id}`,
        kind: 'low-rating-review',
        title: `${round(fiveStar(d.rating)!, 1)}★ review of ${d.product ? (names.product.get(d.product) ?? d.product) : (names.brand.get(d.brand!) ?? d.brand)} (sample: an earlier review)`,
        detail:
          'A test of this rule with a review already in the store; real alerts cover reviews stored after the rule was first evaluated.',
        severity: 'warning',
        brand: d.brand,
        product: d.product,
        sourceId: d.sourceId,
        docIds: [d._id],
        view: {
          page: 'reviews',
          filters: { ...(d.product ? { product: d.product } : { brand: d.brand! }), maxRating: String(rule.maxStars) },
          reportAnchor: 'brands',
        },
      }));
    }
  }
  const brand = [...scope.brands][0];
  const product = config.brands.find((b) => b.id === brand)?.products[0]?.id;
  return [
    {
      key: 'sample',
      kind: KIND[rule.type],
      title: `Sample alert of rule "${rule.id}" (${rule.type})`,
      detail: `A test message: rule "${rule.id}" sends its ${rule.type} findings here${rule.digest === 'immediate' ? ' one by one' : ` as a ${rule.digest === 'run' ? 'digest per report run' : `${rule.digest} digest at ${rule.at} ${rule.timezone}`}`}. Nothing was found; nothing is recorded.`,
      severity: 'info',
      ...(brand ? { brand } : {}),
      ...(product ? { product } : {}),
      docIds: [],
      view: {
        page: rule.type === 'source-health' ? 'sources' : rule.type === 'reviews' ? 'reviews' : rule.type,
        filters: brand ? { brand } : {},
        reportAnchor: 'brands',
      },
    },
  ];
}

/** Sends a sample of the rule through each of its channels now; returns each message as it ended. */
export async function sendSample(config: RadarConfig, store: Store, rule: AlertRuleConfig, log: Logger): Promise<AlertMessage[]> {
  const now = new Date().toISOString();
  const stamp = now.replace(/[-:.TZ]/g, '');
  const sample: AlertRecord[] = (await sampleFindings(rule, config, store)).map((f, i) => ({
    ...f,
    _id: `test-${rule.id}-${stamp}-${i + 1}`,
    rule: rule.id,
    ruleType: rule.type,
    createdAt: now,
  }));
  const batch = `test-${rule.id}-${stamp}`;
  const messages: AlertMessage[] = rule.channels.map((channel) => ({
    _id: `${batch}.${channel}`,
    rule: rule.id,
    channel,
    batch,
    alertIds: sample.map((s) => s._id),
    sample,
    test: true,
    status: 'pending',
    createdAt: now,
    attempts: 0,
    nextAttemptAt: now,
  }));
  await store.addAlertMessages(messages);
  for (const m of messages) await deliverMessage(config, store, m._id, log);
  const ended = await store.listAlertMessages({ rule: rule.id, limit: 50 });
  return messages.map((m) => ended.find((e) => e._id === m._id) ?? m);
}
