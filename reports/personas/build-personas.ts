/**
 * Persona building: members → attitude vectors → deterministic clusters → personas with at least
 * the minimum support (a count and a share), described with evidence; and the comparison with the
 * previous run's persona set.
 */
import type { PersonaSet } from '../../domain/types.js';
import type { PersonaChange, PersonaView, ReportRow } from '../model.js';
import { clusterPoints } from './cluster.js';
import { describePersona } from './describe.js';
import { buildFeatureSpace, groupMembers, type Exclusions, type Member } from './features.js';

/** Version of the persona builder (stored with each persona set). */
export const PERSONA_BUILDER_VERSION = '1';

/** Options of persona building. */
export interface PersonaOptions {
  /** Most personas to look for. */
  maxPersonas: number;
  /** Smallest member count of a reported persona. */
  minSize: number;
  /** Smallest share of members of a reported persona. */
  minShare: number;
  /** Show author names in quotes. */
  showNames: boolean;
}

/** What persona building returns. */
export interface PersonaResult {
  /** Personas, largest first. */
  personas: PersonaView[];
  /** Members considered. */
  members: number;
  /** Members in a reported persona. */
  clustered: number;
  /** Documents kept out and why. */
  excluded: Exclusions;
  /** Silhouette and stability per tried k, for the report's method note. */
  tried: { k: number; silhouette: number; stability: number }[];
}

function slug(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Builds personas from analysed rows. */
export function buildPersonas(rows: ReportRow[], options: PersonaOptions): PersonaResult {
  const { members, excluded } = groupMembers(rows);
  const minSize = Math.max(options.minSize, Math.ceil(options.minShare * members.length));
  const space = buildFeatureSpace(members, Math.max(2, Math.ceil(members.length * 0.02)));
  const raw = members.map((m) => space.raw(m));
  const weights = space.features.map((f) => f.weight);
  const points = raw.map((v) => v.map((x, i) => x * weights[i]!));
  const clustering = clusterPoints(points, { maxK: options.maxPersonas, minSize });

  const dims = space.features.length;
  const overallMean = new Array<number>(dims).fill(0);
  for (const v of raw) for (let i = 0; i < dims; i++) overallMean[i]! += v[i]! / Math.max(1, raw.length);
  const overallStd = overallMean.map((m, i) => Math.sqrt(raw.reduce((s, v) => s + (v[i]! - m) ** 2, 0) / Math.max(1, raw.length)));

  const groups = new Map<number, { members: Member[]; raw: number[][] }>();
  clustering.assignments.forEach((c, i) => {
    const g = groups.get(c) ?? { members: [], raw: [] };
    g.members.push(members[i]!);
    g.raw.push(raw[i]!);
    groups.set(c, g);
  });
  const kept = [...groups.values()].filter((g) => g.members.length >= minSize).sort((a, b) => b.members.length - a.members.length || a.members[0]!.key.localeCompare(b.members[0]!.key));
  const clusteredMembers = kept.flatMap((g) => g.members);

  const labels = new Map<string, number>();
  const personas = kept.map((g, idx) => {
    const mean = new Array<number>(dims).fill(0);
    for (const v of g.raw) for (let i = 0; i < dims; i++) mean[i]! += v[i]! / g.raw.length;
    const view = describePersona({
      id: `p${idx + 1}`,
      members: g.members,
      everyone: clusteredMembers,
      features: space.features,
      mean,
      overallMean,
      overallStd,
      showNames: options.showNames,
    });
    // Two segments can share a dominant trait; number them rather than give two the same name.
    const n = (labels.get(view.label) ?? 0) + 1;
    labels.set(view.label, n);
    if (n > 1) view.label = `${view.label} (${n})`;
    view.id = slug(view.label) || view.id;
    return view;
  });
  return { personas, members: members.length, clustered: clusteredMembers.length, excluded, tried: clustering.tried };
}

/** Personas whose members come from one brand only (at least 90%), with enough support. */
export function exclusivePersonas(personas: PersonaView[]): { persona: string; brand: string }[] {
  const out: { persona: string; brand: string }[] = [];
  for (const p of personas) {
    const entries = Object.entries(p.membersByBrand).sort((a, b) => b[1] - a[1]);
    const [top] = entries;
    if (top && top[1] / p.size >= 0.9 && Object.keys(p.shareByBrand).length > 1) out.push({ persona: p.label, brand: top[0] });
  }
  return out;
}

/** Compares personas with the previous set: matched by label, else by member overlap. */
export function comparePersonas(current: PersonaView[], previous: PersonaSet | undefined): PersonaChange {
  if (!previous) return { changes: current.map((p) => ({ label: p.label, status: 'new', shareNow: p.share })) };
  const prev = previous.personas;
  const matched = new Set<string>();
  const changes: PersonaChange['changes'] = [];
  for (const p of current) {
    let match = prev.find((q) => q.label === p.label && !matched.has(q.id));
    if (!match) {
      const mine = new Set(p.members);
      let best = 0;
      for (const q of prev) {
        if (matched.has(q.id)) continue;
        const inter = q.members.filter((k) => mine.has(k)).length;
        const jaccard = inter / (mine.size + q.members.length - inter || 1);
        if (jaccard > best && jaccard >= 0.3) {
          best = jaccard;
          match = q;
        }
      }
    }
    if (!match) {
      changes.push({ label: p.label, status: 'new', shareNow: p.share });
      continue;
    }
    matched.add(match.id);
    const diff = p.share - match.share;
    const status = Math.abs(diff) >= 0.02 && Math.abs(diff) / Math.max(match.share, 0.01) >= 0.15 ? (diff > 0 ? 'grown' : 'shrunk') : 'stable';
    changes.push({ label: p.label, status, shareBefore: match.share, shareNow: p.share });
  }
  for (const q of prev) if (!matched.has(q.id)) changes.push({ label: q.label, status: 'vanished', shareBefore: q.share });
  return { previousSetId: previous._id, previousAt: previous.createdAt, changes };
}
