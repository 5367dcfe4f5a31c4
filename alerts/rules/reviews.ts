/**
 * New low-star or negative reviews of the user's own products: every review first stored since the
 * rule was first evaluated, rated at or below `maxStars` (on the 1–5 scale), or — when `negative`
 * is on — read as negative by the analysis. One finding per review, keyed by its document id.
 */
import type { AlertRuleConfig } from '../../config/alerts-schema.js';
import { fiveStar, round } from '../../reports/summaries.js';
import type { Candidate, RuleInput } from './rule-input.js';
import { projectNames, resolveScope } from './scope.js';

type ReviewsRule = Extract<AlertRuleConfig, { type: 'reviews' }>;

/** The rule's findings. */
export function reviewFindings(rule: ReviewsRule, input: RuleInput): Candidate[] {
  const scope = resolveScope(rule, input.config, 'own');
  const names = projectNames(input.config);
  const out: Candidate[] = [];
  for (const { doc, analysis } of input.rows) {
    if (doc.kind !== 'review' || doc.firstSeenAt < input.since || !scope.hasDocument(doc)) continue;
    const stars = fiveStar(doc.rating);
    const low = stars !== undefined && stars <= rule.maxStars;
    const negative = rule.negative && analysis?.supported === true && analysis.sentiment.label === 'negative';
    if (!low && !negative) continue;
    const what = doc.product ? (names.product.get(doc.product) ?? doc.product) : (names.brand.get(doc.brand!) ?? doc.brand!);
    const shown = stars !== undefined ? `${round(stars, 1)}★` : 'unrated';
    out.push({
      key: `review:${doc._id}`,
      kind: low ? 'low-rating-review' : 'negative-review',
      title: low ? `${shown} review of ${what}` : `Negative review of ${what} (${shown})`,
      detail: [
        stars !== undefined ? `Rated ${doc.rating!.value} of ${doc.rating!.best}` : 'Not rated',
        analysis?.supported ? `; the text reads ${analysis.sentiment.label} (${round(analysis.sentiment.score)})` : '',
        doc.publishedAt ? `; published ${doc.publishedAt.slice(0, 10)}` : '',
        '.',
      ].join(''),
      severity: stars !== undefined && stars <= 1 ? 'critical' : 'warning',
      brand: doc.brand,
      product: doc.product,
      sourceId: doc.sourceId,
      docIds: [doc._id],
      view: {
        page: 'reviews',
        filters: {
          ...(doc.product ? { product: doc.product } : { brand: doc.brand! }),
          ...(low ? { maxRating: String(rule.maxStars) } : { sentiment: 'negative' }),
          since: input.since.slice(0, 10),
        },
        reportAnchor: 'brands',
      },
      data: {
        ...(stars !== undefined ? { stars: round(stars, 2) } : {}),
        ...(analysis?.supported ? { sentiment: round(analysis.sentiment.score) } : {}),
      },
    });
  }
  return out;
}
