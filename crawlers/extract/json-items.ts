/**
 * The one JSON extractor. Every JSON value the crawler meets goes through `extractFromJson`: a
 * document served as JSON, a page's script state, the arguments of a script call, a JSON string
 * inside JSON, an XML API response read as data, and (browser crawls) the page's own API
 * responses. It takes arrays, at any depth, whose records read as things people wrote — a text
 * plus an author, a date, a rating or likes, found by key names in the usual languages and by
 * value shape — unwrapping records kept one or more objects down (`{kind, data: {…}}`,
 * `{snippet: {topLevelComment: {snippet: {…}}}}`). Items nested inside an item are its replies.
 * Arrays of anything else (variants, menus, images, translations) are left. The walk is iterative
 * and bounded, so deep nesting or huge arrays give a bounded result, never a crash or a hang.
 */
import { aggregateOf, isDataObject, mapDataObject, type DataContext, type DataObject } from './data-fields.js';
import { isOwnerReplyKey } from './data-shape.js';
import { coreOf, type Found, lateMembers, type RecordShape, rejection, settleRatings } from './json-lists.js';
import { inferBest } from './ratings.js';
import { tupleReviews } from './tuple-rows.js';
import { noteOrigin } from './provenance.js';
import type { ExtractedAggregate, ExtractedItem } from './types.js';

/** Where a JSON value was found, for dates, links and explanations. */
export interface JsonContext {
  /** URL of the page or response (resolves relative links). */
  url: string;
  /** Language of the page (decides day/month order of numeric dates). */
  lang?: string;
  /** Reference time for relative dates. */
  referenceDate?: Date;
  /** Name of the value in explanations, e.g. "script#3" or "response https://…/comments" (default "$"). */
  label?: string;
}

/** What `extractFromJson` found. */
export interface JsonExtraction {
  /** Items found. */
  items: ExtractedItem[];
  /** The JSON path of each item, in the order of `items` (`$.post_stream.posts[3]`). */
  paths: string[];
  /** An average rating with a count, when the data states one outside the items. */
  aggregate?: ExtractedAggregate;
  /** Which arrays were taken and which were left, and why (for `--explain`). */
  notes: string[];
  /** Whether the value was too large or too deep to read whole (what was read is returned). */
  truncated: boolean;
}

/** Records visited at most in one value: a bounded walk, whatever the input. */
const MAX_NODES = 400_000;
/** Nesting followed at most; real data stays far below. */
const MAX_DEPTH = 400;
/** Characters of JSON-inside-JSON strings parsed at most per value. */
const MAX_NESTED_JSON = 8_000_000;
/** Records of one array examined before deciding whether it holds items. */
const SAMPLE = 48;
/** Records of one array read at most: a page shows far fewer items than this. */
const MAX_RECORDS = 20_000;

type Path = { up: Path | undefined; seg: string } | undefined;

function pathString(p: Path, root: string): string {
  const segs: string[] = [];
  for (let c = p; c; c = c.up) segs.push(c.seg);
  return root + segs.reverse().join('');
}

function keySeg(k: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`;
}

function makeDeref(root: unknown): (v: unknown) => unknown {
  const map = isDataObject(root) ? root : undefined;
  return (v: unknown): unknown => {
    if (!map || !isDataObject(v)) return v;
    const ref = v.__ref;
    if (typeof ref === 'string') return map[ref] ?? v;
    if (v.type === 'id' && typeof v.id === 'string' && 'generated' in v) return map[v.id] ?? v;
    return v;
  };
}

interface Frame {
  v: unknown;
  key: string | undefined;
  depth: number;
  parent: ExtractedItem | undefined;
  path: Path;
}

/**
 * Finds the items in a JSON value (see the module comment). Pure and bounded: at most
 * {@link MAX_NODES} records and {@link MAX_DEPTH} levels are read; `truncated` says when more was there.
 */
export function extractFromJson(value: unknown, context: JsonContext): JsonExtraction {
  const ctx: DataContext = {
    url: context.url,
    dates: {
      ...(context.lang ? { locale: context.lang } : {}),
      ...(context.referenceDate ? { referenceDate: context.referenceDate } : {}),
    },
    deref: makeDeref(value),
  };
  const root = context.label ?? '$';
  const items: ExtractedItem[] = [];
  const paths: string[] = [];
  // Notes about nested lists (replies of replies…) are summed under one path with [*] for indices.
  const tally = new Map<string, { items: number; lists: number; left: number; why: Set<string> }>();
  const note = (where: string, taken: number, left: number, why?: string): void => {
    const generic = where.replace(/\[\d+\]/g, '[*]');
    const t = tally.get(generic) ?? { items: 0, lists: 0, left: 0, why: new Set<string>() };
    t.items += taken;
    t.left += left;
    t.lists++;
    if (why) t.why.add(why);
    tally.set(generic, t);
  };
  let aggregate: ExtractedAggregate | undefined;
  let truncated = false;
  let nodes = 0;
  let nestedJson = 0;
  const claimed = new Set<DataObject>();
  const itemOf = new Map<DataObject, ExtractedItem>();
  const shapeOf = new WeakMap<ExtractedItem, RecordShape>();

  const accept = (found: Found[], base: Path, parent: ExtractedItem | undefined): void => {
    settleRatings(found);
    const prefix = pathString(base, root);
    const trails = new Map<string[], string>();
    for (const f of found) {
      const item = f.mapped.item;
      // A record whose only sign was a number that turned out not to be a rating says nothing.
      if (!item.body && !item.title && !item.rating) continue;
      // Items nested inside an item answer it.
      if (parent?.siteId && !item.parentSiteId && parent !== item) item.parentSiteId = parent.siteId;
      let trail = trails.get(f.trail);
      if (trail === undefined) {
        trail = f.trail.map(keySeg).join('');
        trails.set(f.trail, trail);
      }
      const via = prefix + f.at + trail;
      noteOrigin(item, { via });
      items.push(item);
      paths.push(via);
      shapeOf.set(item, { trail: f.trail, field: f.mapped.textField });
      for (const o of f.chain) {
        itemOf.set(o, item);
        claimed.add(o);
      }
    }
  };

  /** Maps the records of one array or map; takes them when they read as items. */
  const consider = (records: [string, DataObject][], key: string | undefined, path: Path, parent: ExtractedItem | undefined): void => {
    let open = records.filter(([, o]) => !claimed.has(o));
    if (!open.length) return;
    if (open.length > MAX_RECORDS) {
      open = open.slice(0, MAX_RECORDS);
      truncated = true;
    }
    const map = (list: [string, DataObject][]): Found[] => {
      const out: Found[] = [];
      for (const [at, o] of list) {
        const c = coreOf(o, ctx);
        if (c && !claimed.has(c.core)) out.push({ ...c, at });
      }
      return out;
    };
    // Decide on a sample first: most arrays on a page are not items, and a huge one costs little to refuse.
    const parentShape = parent ? shapeOf.get(parent) : undefined;
    const parentField = parentShape?.field;
    const sample = open.length > SAMPLE ? map(open.slice(0, SAMPLE)) : undefined;
    let why = sample ? rejection(sample, SAMPLE, key, parentField) : undefined;
    let found: Found[] = [];
    if (!why) {
      found = map(open);
      why = rejection(found, open.length, key, parentField);
    }
    const where = pathString(path, root);
    if (why?.startsWith('only ')) {
      // Records of several kinds in one list (entity updates, mixed feeds): the kind that reads as
      // items, all found at the same place in their records, is judged on its own.
      const all = found.length ? found : map(open);
      const kinds = new Map<string, Found[]>();
      for (const f of all) {
        const k = `${f.trail.join('\u0000')}\u0001${f.mapped.textField}`;
        const list = kinds.get(k) ?? [];
        list.push(f);
        kinds.set(k, list);
      }
      const kind = [...kinds.values()].sort((a, b) => b.length - a.length)[0];
      if (kind && kind.length >= 2 && kind.length >= open.length * 0.1 && !rejection(kind, kind.length, key, parentField)) {
        found = kind;
        why = undefined;
      }
    }
    if (why === 'no record has a text' && open.length >= 2 && open.length <= SAMPLE * 20) {
      // A listing of submissions shown by their headlines: each with its author and date.
      const heads: Found[] = [];
      for (const [at, o] of open) {
        const c = coreOf(o, ctx, true);
        if (c && !claimed.has(c.core)) heads.push({ ...c, at });
      }
      const m = heads.map((h) => h.mapped.item);
      if (
        heads.length >= open.length * 0.8 &&
        m.filter((i) => i.author).length >= heads.length * 0.8 &&
        m.filter((i) => i.publishedAt).length >= heads.length * 0.8
      ) {
        found = heads;
        why = undefined;
      }
    }
    if (why && parentShape) {
      // Replies of an item, shaped like it, are items even when their text is a lone link or "<3".
      const like = lateMembers(open, [], ctx, claimed, parentShape);
      if (like.length >= open.length * 0.5) {
        found = like;
        why = undefined;
      }
    }
    if (why) {
      if (open.length >= 2) note(where, 0, open.length, why);
      return;
    }
    const late = lateMembers(open, found, ctx, claimed);
    if (late.length) {
      const order = new Map(open.map(([, o], i) => [o, i]));
      found = [...found, ...late].sort((a, b) => (order.get(a.chain[0] as DataObject) ?? 0) - (order.get(b.chain[0] as DataObject) ?? 0));
    }
    note(`${where}[*]${found[0]?.trail.map(keySeg).join('') ?? ''}`, found.length, 0);
    accept(found, path, parent);
  };

  const stack: Frame[] = [{ v: value, key: undefined, depth: 0, parent: undefined, path: undefined }];
  while (stack.length) {
    const frame = stack.pop() as Frame;
    if (++nodes > MAX_NODES || frame.depth > MAX_DEPTH) {
      truncated = true;
      if (nodes > MAX_NODES) break;
      continue;
    }
    const { v, key, depth, parent, path } = frame;
    if (typeof v === 'string') {
      // JSON kept as a string inside JSON ("{\"reviews\":[…]}").
      const t = v.trimStart();
      if ((t[0] === '{' || t[0] === '[') && nestedJson + v.length <= MAX_NESTED_JSON) {
        nestedJson += v.length;
        try {
          stack.push({ v: JSON.parse(v), key, depth: depth + 1, parent, path: { up: path, seg: '(json)' } });
        } catch {
          // a string that only starts like JSON
        }
      }
      continue;
    }
    if (Array.isArray(v)) {
      const records: [string, DataObject][] = [];
      for (let i = 0; i < v.length; i++) {
        const x = ctx.deref(v[i]);
        if (isDataObject(x)) records.push([`[${i}]`, x]);
      }
      if (records.length && records.length >= v.length * 0.5) consider(records, key, path, parent);
      else if (v.length >= 2 && v.length <= 100_000) {
        let rows = 0;
        for (const x of v) if (Array.isArray(x)) rows++;
        if (rows >= v.length * 0.8) {
          const found = tupleReviews(v as unknown[][], ctx);
          if (found.length) {
            note(`${pathString(path, root)}[*] (positional rows)`, found.length, 0);
            const via = `${pathString(path, root)}[*]`;
            for (const item of found) {
              noteOrigin(item, { via });
              items.push(item);
              paths.push(via);
            }
            continue;
          }
        }
      }
      for (let i = v.length - 1; i >= 0; i--) {
        const x = v[i];
        if (typeof x === 'object' && x !== null) stack.push({ v: x, key, depth: depth + 1, parent, path: { up: path, seg: `[${i}]` } });
        else if (typeof x === 'string' && x.length >= 80)
          stack.push({ v: x, key, depth: depth + 1, parent, path: { up: path, seg: `[${i}]` } });
      }
      continue;
    }
    if (!isDataObject(v)) continue;
    const self = itemOf.get(v);
    const own = self ?? parent;
    if (!aggregate) {
      const agg = aggregateOf(v);
      if (agg && !self && !mapDataObject(v, ctx)) {
        aggregate = { ratingValue: agg.ratingValue, best: inferBest(agg.ratingValue), worst: 1, reviewCount: agg.count };
      }
    }
    // Normalised caches (Apollo, Relay, Redux entities) keep records in id-keyed maps, not arrays.
    const groups = new Map<string, [string, DataObject][]>();
    const entries = Object.entries(v);
    for (const [k, raw] of entries) {
      if (!isDataObject(raw) || claimed.has(raw)) continue;
      const typename = typeof raw.__typename === 'string' ? raw.__typename : /^[A-Za-z]+:/.test(k) ? k.split(':')[0] : undefined;
      if (!typename) continue;
      const list = groups.get(typename) ?? [];
      list.push([keySeg(k), raw]);
      groups.set(typename, list);
    }
    for (const [typename, list] of groups) if (list.length >= 2) consider(list, typename, path, undefined);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, child] = entries[i] as [string, unknown];
      // The business's reply is already on the item: its records are not items of their own.
      if (self && isOwnerReplyKey(k, child)) continue;
      if ((typeof child === 'object' && child !== null) || (typeof child === 'string' && child.length >= 80))
        stack.push({ v: child, key: k, depth: depth + 1, parent: own, path: { up: path, seg: keySeg(k) } });
    }
  }
  const notes: string[] = [];
  for (const [where, t] of tally) {
    if (notes.length >= 30) break;
    const lists = t.lists > 1 ? ` in ${t.lists} lists` : '';
    if (t.items) notes.push(`${where}: ${t.items} items${lists}`);
    else if (t.left) notes.push(`${where}: ${t.left} records left${lists} (${[...t.why].join('; ')})`);
  }
  if (truncated) notes.push(`stopped reading after ${Math.min(nodes, MAX_NODES)} values or ${MAX_DEPTH} levels: the rest was not read`);
  return { items, paths, ...(aggregate ? { aggregate } : {}), notes, truncated };
}
