/**
 * Alert records as the store keeps them: findings (what a rule found, kept once per idempotency
 * key, so nothing is ever sent twice) and outbox messages (one delivery of a batch of findings to
 * one channel, with its attempts). Types only.
 */

/** The kinds of rule a project can configure. */
export type AlertRuleType = 'reviews' | 'themes' | 'competitors' | 'personas' | 'source-health';

/** What a finding is about. */
export type FindingKind =
  | 'low-rating-review'
  | 'negative-review'
  | 'negative-shift'
  | 'emerging-theme'
  | 'competitor-rating-ahead'
  | 'competitor-aspect-ahead'
  | 'competitor-only-persona'
  | 'comparison-mention'
  | 'persona-appeared'
  | 'persona-vanished'
  | 'persona-grew'
  | 'persona-shrank'
  | 'source-empty'
  | 'source-blocked'
  | 'source-drop'
  | 'source-failing';

/** How urgent a finding is. */
export type Severity = 'info' | 'warning' | 'critical';

/** A filtered view of the evidence: a page of the web app and its filters (turned into a link when sent). */
export interface EvidenceView {
  /** Page of the web app: reviews, themes, competitors, personas or sources. */
  page: 'reviews' | 'themes' | 'competitors' | 'personas' | 'sources';
  /** Filters, e.g. { product: "kettle", maxRating: "2" }. */
  filters: Record<string, string>;
  /** Section of the HTML report that shows the same thing (its anchor), for links to the report. */
  reportAnchor?: string;
}

/** One thing a rule found. Quotes are not stored with it: they are read from the documents when sent, so a forgotten reviewer is never quoted. */
export interface AlertFinding {
  /** Identity of the finding within its rule: the same key is never sent twice. */
  key: string;
  /** What it is about. */
  kind: FindingKind;
  /** One line, e.g. "1★ review of Copperleaf Kettle". */
  title: string;
  /** A sentence or two with the numbers behind it. */
  detail: string;
  /** How urgent. */
  severity: Severity;
  /** Brand id it concerns. */
  brand?: string;
  /** Product id it concerns. */
  product?: string;
  /** Source id it concerns. */
  sourceId?: string;
  /** Documents behind it (capped), quoted when sent. */
  docIds: string[];
  /** Where to see the evidence. */
  view: EvidenceView;
  /** The figures behind it (ratings, shares, z statistics, counts). */
  data?: Record<string, number | string>;
}

/** A finding as stored: kept once per id (the idempotency key). */
export interface AlertRecord extends AlertFinding {
  /** Idempotency key: a hash of the rule id and the finding key. */
  _id: string;
  /** Rule id from radar.yaml. */
  rule: string;
  /** Rule type. */
  ruleType: AlertRuleType;
  /** When it was found (ISO 8601). */
  createdAt: string;
  /** The batch (digest) it was put in; unset while it waits for its digest. */
  batch?: string;
}

/** Where an outbox message stands. */
export type AlertMessageStatus = 'pending' | 'sending' | 'retry' | 'sent' | 'failed';

/** One message to one channel: a batch of findings of one rule, delivered at least once and retried with backoff. */
export interface AlertMessage {
  /** Message id; receivers get it as the idempotency key of the delivery. */
  _id: string;
  /** Rule id. */
  rule: string;
  /** Channel id from radar.yaml. */
  channel: string;
  /** Batch id (the same for every channel of one digest). */
  batch: string;
  /** The findings it carries (their record ids). */
  alertIds: string[];
  /** A sample sent by `radar alerts test` (its findings are not stored). */
  test?: boolean;
  /** Where it stands. */
  status: AlertMessageStatus;
  /** When it was composed (ISO 8601). */
  createdAt: string;
  /** Delivery attempts made. */
  attempts: number;
  /** When the next attempt is due (ISO 8601). */
  nextAttemptAt: string;
  /** Why the last attempt failed. */
  lastError?: string;
  /** When it was delivered (ISO 8601). */
  sentAt?: string;
  /** While being sent: the sender's token and when its hold runs out (a sender that died is taken over after that). */
  lease?: string;
  /** When the lease runs out (ISO 8601). */
  leaseUntil?: string;
  /** For test messages: the findings themselves (test findings are never stored as records). */
  sample?: AlertRecord[];
}

/** Which alert findings to read. */
export interface AlertQuery {
  /** Of this rule. */
  rule?: string;
  /** Only these ids. */
  ids?: string[];
  /** true: only those in a batch; false: only those still waiting for their digest. */
  batched?: boolean;
  /** Only those of this batch. */
  batch?: string;
  /** Most to return (newest first). */
  limit?: number;
}

/** Which outbox messages to read. */
export interface AlertMessageQuery {
  /** Of this rule. */
  rule?: string;
  /** In one of these states. */
  status?: AlertMessageStatus[];
  /** Carrying any of these findings. */
  alertIds?: string[];
  /** Most to return (newest first). */
  limit?: number;
}
