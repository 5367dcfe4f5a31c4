/**
 * The analysts' views worked out from the index and the stored persona sets — overview, themes,
 * personas with their change since the previous report — each kept until the index changes.
 */
import type { RadarConfig } from '../config/schema.js';
import type { PersonaSet } from '../domain/types.js';
import type { PersonaView } from '../reports/model.js';
import { brandViews } from '../reports/brand-view.js';
import { buildThemes, type ThemesView } from '../reports/themes.js';
import type { Store } from '../storage/store.js';
import type { IndexSnapshot } from './explorer/document-index.js';
import { buildOverview, type Overview } from './overview.js';

const overviews = new WeakMap<IndexSnapshot, Overview>();
const themes = new WeakMap<IndexSnapshot, ThemesView>();

/** The overview of an index build (worked out once per build). */
export function overviewOf(config: RadarConfig, snapshot: IndexSnapshot): Overview {
  let o = overviews.get(snapshot);
  if (!o) overviews.set(snapshot, (o = buildOverview(config, snapshot.rows)));
  return o;
}

/** The themes of an index build, emerging ones flagged (worked out once per build). */
export function themesOf(config: RadarConfig, snapshot: IndexSnapshot): ThemesView {
  let t = themes.get(snapshot);
  if (!t) {
    const view = brandViews(
      config.brands.map((b) => ({ id: b.id, names: [b.name, ...b.aliases, ...b.products.flatMap((p) => [p.name, ...p.aliases])] })),
    );
    themes.set(snapshot, (t = buildThemes(snapshot.rows as never, { view, limit: 25 })));
  }
  return t;
}

/** A persona of the latest report, with how its share moved since the previous one. */
export interface PersonaWithChange extends Omit<PersonaView, 'members' | 'evidence'> {
  /** Documents behind it. */
  documents: number;
  /** Share in the previous report, when a persona of the same label was there. */
  shareBefore?: number;
  /** new, grown, shrunk or stable since the previous report (none: no previous report). */
  change?: 'new' | 'grown' | 'shrunk' | 'stable';
}

/** The personas of the latest report, with change since the previous one. */
export async function personasOf(
  store: Store,
  project: string,
): Promise<{
  set?: { id: string; createdAt: string };
  previous?: { id: string; createdAt: string };
  personas: PersonaWithChange[];
  vanished: string[];
}> {
  const [latest, previous] = (await store.latestPersonaSets(project, 2)) as [PersonaSet | undefined, PersonaSet | undefined];
  if (!latest) return { personas: [], vanished: [] };
  const before = new Map((previous?.personas ?? []).map((p) => [p.label, p.share]));
  const personas = latest.personas.map((p): PersonaWithChange => {
    const details = p.details as Partial<PersonaView>;
    const {
      members: _m,
      evidence,
      ...rest
    } = { ...details, id: p.id, label: p.label, size: p.size, share: p.share, shareByBrand: p.shareByBrand } as PersonaView;
    const out: PersonaWithChange = { ...rest, documents: evidence?.length ?? 0 };
    if (previous) {
      const was = before.get(p.label);
      if (was === undefined) out.change = 'new';
      else {
        out.shareBefore = was;
        // A move of under three points of share is noise at these sizes.
        out.change = p.share - was > 0.03 ? 'grown' : was - p.share > 0.03 ? 'shrunk' : 'stable';
      }
    }
    return out;
  });
  const vanished = (previous?.personas ?? []).filter((p) => !latest.personas.some((q) => q.label === p.label)).map((p) => p.label);
  return {
    set: { id: latest._id, createdAt: latest.createdAt },
    ...(previous ? { previous: { id: previous._id, createdAt: previous.createdAt } } : {}),
    personas,
    vanished,
  };
}
