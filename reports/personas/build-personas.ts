/**
 * Persona building: members → attitude vectors → NMF segments that survive resampling → personas
 * with at least the minimum support (a count and a share), described with evidence; and the
 * comparison with the previous run's persona set.
 */
import type { PersonaSet } from '../../domain/types.js';
import type { PersonaChange, PersonaView, ReportRow } from '../model.js';
import { segment, type TriedK, type Unassigned } from './cluster.js';
import { describePersona, disambiguate } from './describe.js';
import { buildFeatureSpace, groupMembers, type Exclusions, type Member, type UnobservableFeature } from './features.js';
import type { SparseRow } from './nmf.js';

/** Version of the persona builder (stored with each persona set). */
export const PERSONA_BUILDER_VERSION = '3';

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
  /** Most members the segments are fitted on (everyone is then assigned); default 2000. */
  sampleSize?: number;
  /** Language of labels, summaries, marketing rules and cards (en, ru, zh, fa); English by default. */
  language?: string;
}

/** What persona building returns. */
export interface PersonaResult {
  /** Personas, largest first. */
  personas: PersonaView[];
  /** Members considered. */
  members: number;
  /** Members in a reported persona. */
  clustered: number;
  /** Members in no persona, by reason. */
  unassigned: Unassigned;
  /** Documents kept out and why. */
  excluded: Exclusions;
  /** Parts of the chosen factorisation. */
  k: number;
  /** Stability per tried number of parts, for the report's method note. */
  tried: TriedK[];
  /** Sources of features left out because some languages' reviews cannot show them (features.ts languageNeutral). */
  leftOut: { source: 'aspects' | 'attributes' | 'intents'; languages: string[] }[];
}

/**
 * Fewest parts the factorisation may try, whatever the persona limit: on sparse attitudes fewer
 * parts merge distinct attitudes into mixtures that shift when data is added (demo, personas limited
 * to 6: 62% of reviewers kept their persona with 10% more data when searching up to 6 parts, 85%
 * when searching up to 8 and reporting the 6 largest stable ones).
 */
const MIN_SEARCH = 8;

function slug(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Builds personas from analysed rows. */
export function buildPersonas(rows: ReportRow[], options: PersonaOptions): PersonaResult {
  const { members, excluded } = groupMembers(rows);
  const minSize = Math.max(1, options.minSize, Math.ceil(options.minShare * members.length));
  // A dimension needs a few members behind it, more in large populations (noise words recur).
  const space = buildFeatureSpace(members, { minSupport: Math.max(3, Math.ceil(members.length * 0.005)) });
  const vectors = members.map((m) => space.vector(space.raw(m)));
  const seg = segment(
    vectors,
    members.map((m) => m.key),
    space.features.length,
    {
      maxK: Math.max(options.maxPersonas, MIN_SEARCH),
      maxPersonas: options.maxPersonas,
      minSize,
      ...(options.sampleSize ? { sampleSize: options.sampleSize } : {}),
    },
  );

  const groups = seg.parts.map(() => ({ members: [] as Member[], vectors: [] as SparseRow[], fit: [] as number[] }));
  seg.assignments.forEach((a, i) => {
    if (a < 0) return;
    groups[a]!.members.push(members[i]!);
    groups[a]!.vectors.push(vectors[i]!);
    groups[a]!.fit.push(seg.fit[i]!);
  });
  const order = groups
    .map((g, a) => ({ g, a }))
    .sort((x, y) => y.g.members.length - x.g.members.length || (x.g.members[0]!.key < y.g.members[0]!.key ? -1 : 1));
  // How common each feature is in the whole population: the baseline a persona's traits lift from.
  const overall = new Array<number>(space.features.length).fill(0);
  for (const v of vectors) for (const j of v.idx) overall[j]!++;

  const described = order.map(({ g, a }, idx) =>
    describePersona({
      id: `p${idx + 1}`,
      members: g.members,
      vectors: g.vectors,
      fit: g.fit,
      everyone: members,
      population: members.length,
      overall,
      features: space.features,
      profile: seg.parts[a]!,
      stability: seg.stability[a]!,
      showNames: options.showNames,
      ...(options.language ? { language: options.language } : {}),
    }),
  );
  // A segment none of whose features is both common among its members and more common than
  // overall has no trait to be known by: it is no persona, and its members fit none.
  const personas = described.filter((p) => p.traits.length > 0);
  const clustered = personas.reduce((n, p) => n + p.size, 0);
  const unassigned = { ...seg.unassigned, weakFit: seg.unassigned.weakFit + described.reduce((n, p) => n + p.size, 0) - clustered };
  disambiguate(personas);
  for (const p of personas) p.id = slug(p.label) || p.id;
  return {
    personas,
    members: members.length,
    clustered,
    unassigned,
    excluded,
    k: seg.k,
    tried: seg.tried,
    leftOut: leftOutSources(space.unobservable),
  };
}

/** The sources whose features were left out, and for which languages (one entry per source). */
function leftOutSources(unobservable: UnobservableFeature[]): PersonaResult['leftOut'] {
  const bySource = new Map<PersonaResult['leftOut'][number]['source'], Set<string>>();
  for (const u of unobservable) {
    const source = /^(?:care|love|hate):/.test(u.feature) ? 'aspects' : u.feature.startsWith('intent:') ? 'intents' : 'attributes';
    const langs = bySource.get(source) ?? new Set<string>();
    for (const l of u.languages) langs.add(l);
    bySource.set(source, langs);
  }
  return [...bySource.entries()].map(([source, langs]) => ({ source, languages: [...langs].sort() }));
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
    // Shares from another builder version are shares of something else (version 2: of reviewers in personas).
    if (previous.version !== PERSONA_BUILDER_VERSION) {
      changes.push({ label: p.label, status: 'stable', shareNow: p.share });
      continue;
    }
    const diff = p.share - match.share;
    const status =
      Math.abs(diff) >= 0.02 && Math.abs(diff) / Math.max(match.share, 0.01) >= 0.15 ? (diff > 0 ? 'grown' : 'shrunk') : 'stable';
    changes.push({ label: p.label, status, shareBefore: match.share, shareNow: p.share });
  }
  for (const q of prev) if (!matched.has(q.id)) changes.push({ label: q.label, status: 'vanished', shareBefore: q.share });
  return { previousSetId: previous._id, previousAt: previous.createdAt, changes };
}
