/**
 * Removing one person from stored persona sets: members, quotes and evidence lists that point at
 * the author or at their documents. Pure; both stores use it.
 */
import type { PersonaSet } from '../domain/types.js';

function refersTo(value: unknown, authorKey: string, docIds: Set<string>): boolean {
  if (typeof value === 'string') return value === authorKey || docIds.has(value);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const rec = value as { docId?: unknown; authorKey?: unknown };
    return (typeof rec.docId === 'string' && docIds.has(rec.docId)) || rec.authorKey === authorKey;
  }
  return false;
}

function scrub(value: unknown, authorKey: string, docIds: Set<string>): { value: unknown; changed: boolean } {
  if (Array.isArray(value)) {
    let changed = false;
    const out: unknown[] = [];
    for (const item of value) {
      if (refersTo(item, authorKey, docIds)) {
        changed = true;
        continue;
      }
      const inner = scrub(item, authorKey, docIds);
      changed ||= inner.changed;
      out.push(inner.value);
    }
    return { value: out, changed };
  }
  if (value && typeof value === 'object') {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const inner = scrub(v, authorKey, docIds);
      changed ||= inner.changed;
      out[k] = inner.value;
    }
    return { value: out, changed };
  }
  return { value, changed: false };
}

/** The persona set without the author's membership and quotes, or undefined when nothing referred to them. */
export function forgetInPersonaSet(set: PersonaSet, authorKey: string, docIds: Set<string>): PersonaSet | undefined {
  const result = scrub(set.personas, authorKey, docIds);
  if (!result.changed) return undefined;
  const personas = (result.value as PersonaSet['personas']).map((p) => ({ ...p, size: p.members.length }));
  return { ...set, personas };
}
