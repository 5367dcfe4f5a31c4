/**
 * Removing people: the forgotten list crawls and imports honour, the store-wide lock removals run
 * under, and (pure, used by both stores) scrubbing persona sets of the members, quotes and evidence
 * that point at removed authors or at documents that are gone.
 */
import { readlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import type { PersonaSet } from '../domain/types.js';
import type { Store } from './store.js';

/** Meta key of the authors removed on request: crawls and imports never store them again. */
const FORGOTTEN = 'forgottenAuthors';

/** Meta key prefix of each forgotten author: one record per person, so removals at once never overwrite each other. */
const FORGOTTEN_PREFIX = 'forgotten:';

/** The author keys removed on request, which crawls and imports must not store again. */
export async function forgottenAuthors(store: Store): Promise<Set<string>> {
  const [legacy, each] = await Promise.all([store.getMeta(FORGOTTEN), store.listMeta(FORGOTTEN_PREFIX)]);
  const keys = parseForgotten(legacy);
  for (const k of each.keys()) keys.add(k.slice(FORGOTTEN_PREFIX.length));
  return keys;
}

/** The list earlier versions kept in one meta value (still read). */
function parseForgotten(raw: string | undefined): Set<string> {
  if (raw === undefined) return new Set();
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    list = undefined;
  }
  if (!Array.isArray(list) || !list.every((k) => typeof k === 'string')) {
    // Carrying on would store people who asked to be forgotten: stop and say so.
    throw new Error(
      `the store's list of forgotten authors (meta "${FORGOTTEN}") is unreadable; restore it from a backup before crawling or importing`,
    );
  }
  return new Set(list as string[]);
}

/** Adds an author key to the forgotten list (before their data is removed, so an interruption still keeps them out). */
export async function rememberForgotten(store: Store, authorKey: string): Promise<void> {
  await store.setMeta(`${FORGOTTEN_PREFIX}${authorKey}`, new Date().toISOString());
}

/** Meta key of the lock that runs removals one at a time across processes. */
const FORGET_LOCK = 'lock:forget';
/** Meta key of the lock holder's heartbeat: `<token> <epoch ms>`. */
const FORGET_LOCK_BEAT = 'lock:forget:beat';
/** A holder beats this often… */
const BEAT_MS = 5_000;
/** …so a lock whose holder has not beaten for this long was left by a process that died (on any machine). */
const LEASE_MS = 30_000;

/**
 * This process as a lock holder sees it: the host name, with the PID namespace where there is one
 * (two containers can share a host name and a PID, never a namespace).
 */
function thisMachine(): string {
  let ns = '';
  try {
    ns = /\[(\d+)\]/.exec(readlinkSync('/proc/self/ns/pid'))?.[1] ?? '';
  } catch {
    // Not Linux: the host name alone.
  }
  return `${hostname().replace(/[:#]/g, '_')}${ns ? `#${ns}` : ''}`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Why the holder of lock token `held` is known to be gone, or undefined while it may still be working. */
async function goneHolder(store: Store, held: string, machine: string): Promise<string | undefined> {
  const [host, pidText, startText] = held.split(':');
  const pid = Number(pidText);
  // A process on this machine is asked directly: a killed one frees the lock at once.
  if (host === machine && Number.isInteger(pid) && pid !== process.pid && !isAlive(pid)) return `process ${pid} has ended`;
  const beat = (await store.getMeta(FORGET_LOCK_BEAT))?.split(' ');
  const last = Math.max(Number(startText) || 0, beat?.[0] === held ? Number(beat[1]) || 0 : 0);
  if (Date.now() - last > LEASE_MS) return `its holder has given no sign of life for ${Math.round((Date.now() - last) / 1000)} s`;
  return undefined;
}

/**
 * Runs `fn` while holding the store-wide forget lock: removals rewrite whole persona sets and
 * report files, so two at once (several `radar forget` runs, or a crawl removing a reviewer
 * forgotten meanwhile) would each put back what the other took out. A lock left by a process that
 * died is taken over: at once when that process ran on this machine, otherwise once its heartbeat
 * is older than the lease.
 */
export async function withForgetLock<T>(store: Store, fn: () => Promise<T>, waitMs = 5 * 60_000): Promise<T> {
  const machine = thisMachine();
  const token = `${machine}:${process.pid}:${Date.now()}:${Math.random().toString(36).slice(2)}`;
  const deadline = Date.now() + waitMs;
  for (;;) {
    const held = await store.claimMeta(FORGET_LOCK, token);
    if (held === token) break;
    if (await goneHolder(store, held, machine)) {
      // Compare-and-delete: only that holder's lock goes, never one another waiter has just taken.
      await store.deleteMeta(FORGET_LOCK, held);
      continue;
    }
    if (Date.now() > deadline)
      throw new Error(
        `another removal (radar forget) has held the store for over ${Math.round(waitMs / 60_000)} minutes (${held}); try again later`,
      );
    await new Promise((ok) => setTimeout(ok, 100 + Math.random() * 200));
  }
  let beat = `${token} ${Date.now()}`;
  await store.setMeta(FORGET_LOCK_BEAT, beat);
  const beating = setInterval(() => {
    beat = `${token} ${Date.now()}`;
    // A missed beat only lets a waiter take over sooner; the removal itself goes on.
    store.setMeta(FORGET_LOCK_BEAT, beat).catch(() => undefined);
  }, BEAT_MS);
  beating.unref();
  try {
    return await fn();
  } finally {
    clearInterval(beating);
    await store.deleteMeta(FORGET_LOCK, token).catch(() => undefined);
    await store.deleteMeta(FORGET_LOCK_BEAT, beat).catch(() => undefined);
  }
}

/** Meta key prefix of a removal under way: the ids of the documents it removes, until report files are clean too. */
const REMOVING_PREFIX = 'forgetting:';

/**
 * The documents a removal of `authorKey` takes out, recorded in the store before anything is
 * deleted: a removal that is killed half-way is finished by the next run, report files included,
 * even though the documents themselves are already gone from the store.
 */
export async function recordRemoval(store: Store, authorKey: string, docIds: Set<string>): Promise<Set<string>> {
  const all = new Set([...(await pendingRemoval(store, authorKey)), ...docIds]);
  await store.setMeta(`${REMOVING_PREFIX}${authorKey}`, JSON.stringify([...all]));
  return all;
}

/** The document ids of an unfinished removal of `authorKey` (empty when there is none). */
export async function pendingRemoval(store: Store, authorKey: string): Promise<Set<string>> {
  const raw = await store.getMeta(`${REMOVING_PREFIX}${authorKey}`);
  if (raw === undefined) return new Set();
  const list = JSON.parse(raw) as unknown;
  return new Set(Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string') : []);
}

/** Marks the removal of `authorKey` finished (store and report files). */
export async function finishRemoval(store: Store, authorKey: string): Promise<void> {
  await store.deleteMeta(`${REMOVING_PREFIX}${authorKey}`);
}

function refersTo(value: unknown, authorKeys: Set<string>, docIds: Set<string>): boolean {
  if (typeof value === 'string') return authorKeys.has(value) || docIds.has(value);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const rec = value as { docId?: unknown; authorKey?: unknown };
    return (typeof rec.docId === 'string' && docIds.has(rec.docId)) || (typeof rec.authorKey === 'string' && authorKeys.has(rec.authorKey));
  }
  return false;
}

function scrub(value: unknown, authorKeys: Set<string>, docIds: Set<string>): { value: unknown; changed: boolean } {
  if (Array.isArray(value)) {
    let changed = false;
    const out: unknown[] = [];
    for (const item of value) {
      if (refersTo(item, authorKeys, docIds)) {
        changed = true;
        continue;
      }
      const inner = scrub(item, authorKeys, docIds);
      changed ||= inner.changed;
      out.push(inner.value);
    }
    return { value: out, changed };
  }
  if (value && typeof value === 'object') {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const inner = scrub(v, authorKeys, docIds);
      changed ||= inner.changed;
      out[k] = inner.value;
    }
    return { value: out, changed };
  }
  return { value, changed: false };
}

/** The persona set without these authors' membership and quotes and these documents, or undefined when nothing referred to them. */
export function forgetInPersonaSet(set: PersonaSet, authorKeys: Set<string>, docIds: Set<string>): PersonaSet | undefined {
  const result = scrub(set.personas, authorKeys, docIds);
  if (!result.changed) return undefined;
  const personas = (result.value as PersonaSet['personas']).map((p) => ({ ...p, size: p.members.length }));
  return { ...set, personas };
}

/** The document ids a persona set quotes or cites (quotes' `docId`, `evidence` lists). */
export function docIdsOf(set: PersonaSet): Set<string> {
  const ids = new Set<string>();
  const walk = (value: unknown, key: string): void => {
    if (Array.isArray(value)) {
      for (const item of value) {
        if (typeof item === 'string' && key === 'evidence') ids.add(item);
        else walk(item, key);
      }
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k === 'docId' && typeof v === 'string') ids.add(v);
        else walk(v, k);
      }
    }
  };
  walk(set.personas, 'personas');
  return ids;
}

/**
 * The persona set without quotes and evidence of documents that no longer exist, and without
 * members none of whose documents exist any more (retention took them all), or undefined when it
 * refers to neither.
 */
export function withoutMissingDocuments(
  set: PersonaSet,
  exists: (docId: string) => boolean,
  writes: (authorKey: string) => boolean,
): PersonaSet | undefined {
  const missing = new Set([...docIdsOf(set)].filter((id) => !exists(id)));
  const gone = new Set(set.personas.flatMap((p) => p.members.filter((k) => !k.startsWith('doc:') && !writes(k))));
  // Anonymous members (`doc:<id>`) go with their document.
  for (const p of set.personas) for (const k of p.members) if (k.startsWith('doc:') && missing.has(k.slice(4))) gone.add(k);
  return missing.size || gone.size ? forgetInPersonaSet(set, gone, missing) : undefined;
}

/** Author keys among a persona set's members (not anonymous `doc:` members). */
export function memberKeysOf(set: PersonaSet): string[] {
  return [...new Set(set.personas.flatMap((p) => p.members.filter((k) => !k.startsWith('doc:'))))];
}
