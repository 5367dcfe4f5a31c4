/**
 * Deciding what an upsert writes: new documents, edited ones (updated in place, first-seen date
 * kept), unchanged ones (nothing written), and new documents that repeat a review already stored
 * from another source (linked with `dupOf`, so reports count it once). Pure; both stores use it.
 */
import type { RadarDocument } from '../domain/types.js';

/** The stored facts the plan needs about an existing document. */
export interface StoredDocFacts {
  /** Document id. */
  _id: string;
  /** Its content hash. */
  contentHash: string;
  /** When it was first stored. */
  firstSeenAt: string;
  /** Its duplicate link, if any. */
  dupOf?: string;
}

/** A stored document that shares a text key with an incoming one. */
export interface DuplicateCandidate {
  /** Document id. */
  _id: string;
  /** Its source. */
  sourceId: string;
  /** Its text key. */
  textKey: string;
  /** Its author key, if any. */
  authorKey?: string;
  /** Its URL (the site it came from). */
  url?: string;
}

function hostOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).hostname : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a stored text is the same review as an incoming one, not just the same words. */
function sameReview(c: DuplicateCandidate, doc: RadarDocument): boolean {
  if (c._id === doc._id) return false;
  // Two different people on the same site can write the same words; that is two opinions.
  if (c.authorKey && doc.authorKey && c.authorKey !== doc.authorKey && hostOf(c.url) === hostOf(doc.url)) return false;
  // The same text from another source (syndication), or from the same author under another id on
  // the same source (a review shown on its product page and again on the reviewer's profile page).
  return c.sourceId !== doc.sourceId || (!!doc.authorKey && c.authorKey === doc.authorKey);
}

/** What to write. */
export interface UpsertPlan {
  /** Documents to insert. */
  inserts: RadarDocument[];
  /** Documents to replace (same id, changed content). */
  updates: RadarDocument[];
  /** How many incoming documents were already stored unchanged. */
  unchanged: number;
  /** Ids of inserts linked as duplicates. */
  linked: string[];
}

/** Shortest normalised text that may be linked as a cross-source duplicate (short praise repeats by chance). */
export const MIN_DUPLICATE_TEXT = 40;

/** Plans an upsert of `incoming` against what the store already holds. */
export function planUpsert(incoming: RadarDocument[], existing: Map<string, StoredDocFacts>, candidates: DuplicateCandidate[]): UpsertPlan {
  // The last occurrence of an id within one batch wins, as a re-crawl of the same page would.
  const batch = new Map<string, RadarDocument>();
  for (const doc of incoming) batch.set(doc._id, doc);

  const byTextKey = new Map<string, DuplicateCandidate[]>();
  const addCandidate = (c: DuplicateCandidate) => {
    const list = byTextKey.get(c.textKey);
    if (list) list.push(c);
    else byTextKey.set(c.textKey, [c]);
  };
  candidates.forEach(addCandidate);

  const plan: UpsertPlan = { inserts: [], updates: [], unchanged: 0, linked: [] };
  for (const doc of batch.values()) {
    const stored = existing.get(doc._id);
    if (stored) {
      if (stored.contentHash === doc.contentHash) {
        plan.unchanged++;
        continue;
      }
      const updated: RadarDocument = { ...doc, firstSeenAt: stored.firstSeenAt, updatedAt: doc.fetchedAt };
      if (stored.dupOf) updated.dupOf = stored.dupOf;
      else delete updated.dupOf;
      plan.updates.push(updated);
      continue;
    }
    const inserted: RadarDocument = { ...doc };
    delete inserted.dupOf;
    if (doc.body.length >= MIN_DUPLICATE_TEXT) {
      const original = byTextKey.get(doc.textKey)?.find((c) => sameReview(c, doc));
      if (original) {
        inserted.dupOf = original._id;
        plan.linked.push(doc._id);
      } else {
        addCandidate({ _id: doc._id, sourceId: doc.sourceId, textKey: doc.textKey, authorKey: doc.authorKey, url: doc.url });
      }
    }
    plan.inserts.push(inserted);
  }
  return plan;
}
