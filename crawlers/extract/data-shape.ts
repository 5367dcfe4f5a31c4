/**
 * Reading a data record by the shape of its values where key names say nothing: the prose field of
 * a record whose text key has an unusual name ("cooked", "textDisplay"), which keys hold an owner's
 * or seller's reply rather than replies of the thread, and engagement counts (likes, votes) that
 * mark a record as something a person wrote.
 */
import { htmlToText, isProse, wordCount } from './text.js';

// Keys whose strings are labels, addresses or codes, never what a person wrote.
const NOT_PROSE_KEY =
  /title|name|slug|ur[il]|link|href|src|image|img|avatar|icon|photo|thumb|mail|^id$|_id$|key|token|hash|path|type|class|style|lang|locale|code|etag|cursor|date|time|created|status|label|caption|alt$|tag|categor|colou?r|template|format|mime|flair|badge|source|excerpt|blurb|teaser|bio$|about|signature/i;

/** The longest prose string held directly by a record, when its key names nothing known. */
export function shapeText(o: Record<string, unknown>): { key: string; text: string } | undefined {
  let best: { key: string; text: string } | undefined;
  for (const [key, v] of Object.entries(o)) {
    if (typeof v !== 'string' || v.length < 12 || NOT_PROSE_KEY.test(key)) continue;
    const head = v.trimStart();
    if (head[0] === '{' || head[0] === '[' || /^(?:https?:)?\/\//.test(head)) continue;
    const text = htmlToText(v);
    if (!isProse(text, 3) && wordCount(text) < 6) continue;
    if (!best || text.length > best.text.length) best = { key, text };
  }
  return best;
}

const OWNERISH =
  /owner|seller|merchant|developer|business|brand|company|vendor|store|shop|host|manage|official|partner|retailer|staff|support|hotel|restaurant|venue|author(?:ity)?reply|publisher|shopkeeper|dealer|landlord/;
const THREAD_KEYS = /^(?:replies|children|comments|answers|thread|subcomments|replycomments|childcomments|childs|kids|descendants)$/;

/**
 * Whether a record's field holds the reply of the business the review is about (kept as the
 * review's `reply`) rather than further items of a thread: "ownerResponse", "developerReply",
 * "brandResponses", or a single "reply" object (a thread's replies come as lists).
 */
export function isOwnerReplyKey(key: string, value: unknown): boolean {
  const k = key.toLowerCase().replace(/[-_\s]/g, '');
  if (THREAD_KEYS.test(k)) return false;
  if (/respons|responded/.test(k)) return true;
  if (/repl(?:y|ies)|answer|comment/.test(k) && OWNERISH.test(k)) return true;
  return (k === 'reply' || k === 'answer') && !Array.isArray(value);
}

const LIKE_KEY =
  /^(?:likes?|likecount|like_count|likescount|likes_count|ups|upvotes?|upvotecount|votes?|votecount|vote_count|favorite_count|favourite_count|favorites|helpful|helpfulcount|helpful_count|helpfulvotes|helpfulness|thumbsup|reactions?|reactioncount|points|karma|score)$/i;

/** Whether a record carries an engagement count (likes, votes, helpful) — something people react to. */
export function hasEngagement(o: Record<string, unknown>): boolean {
  for (const [k, v] of Object.entries(o)) {
    if (!LIKE_KEY.test(k)) continue;
    if (typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v))) return true;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      for (const inner of Object.values(v)) if (typeof inner === 'number') return true;
    }
  }
  return false;
}

const AUTHOR_NAME_KEY =
  /^(?:author|user|owner|poster|reviewer|creator|commenter|submitter|member|customer|writer|by|fan|buyer|supporter|guest|visitor|client|player|viewer|listener|reader|account)[-_]?(?:display|screen|public|full|nick|user)?[-_]?(?:name|nick|nickname|login|handle)$/i;

/** Whether a key names the author's display name by pattern ("authorDisplayName", "reviewer_nick"). */
export function isAuthorNameKey(key: string): boolean {
  return AUTHOR_NAME_KEY.test(key);
}

const CUT = /\s*(?:…|\.{3})\s*(?:\S+:\/\/\S+)?\s*$/;

/** The stem of a text cut short with an ellipsis (or marked truncated), without the ellipsis; undefined when it is whole. */
export function cutStem(text: string, flagged = false): string | undefined {
  if (CUT.test(text)) return text.replace(CUT, '');
  return flagged ? text.replace(/\s*\S+:\/\/\S+\s*$/, '') : undefined;
}

/**
 * "Read more" in data: a record whose text is cut ("…", or flagged `truncated`) often carries the
 * whole text in another field ("extended.full_text", "fullBody"). Returns the longest string within
 * two levels that starts with the cut text's words and says more.
 */
export function wholeTextIn(o: Record<string, unknown>, stem: string): string | undefined {
  const flat = (s: string) => s.replace(/\s+/g, '');
  const want = flat(stem);
  if (want.length < 10) return undefined;
  let best: string | undefined;
  const look = (v: unknown, depth: number): void => {
    if (typeof v === 'string') {
      if (v.length <= want.length) return;
      const t = htmlToText(v);
      if (flat(t).startsWith(want) && t.length > (best?.length ?? stem.length)) best = t;
      return;
    }
    if (depth >= 2 || typeof v !== 'object' || v === null || Array.isArray(v)) return;
    for (const x of Object.values(v)) look(x, depth + 1);
  };
  for (const v of Object.values(o)) look(v, 0);
  return best;
}
