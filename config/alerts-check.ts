/**
 * Cross-field rules of the `alerts:` section the schema cannot express: unique channel and rule
 * ids, rules that name existing channels, and scopes that name configured brands, products and
 * sources. Works on the raw (unvalidated) file and returns every problem as `path: message`.
 */

type Raw = Record<string, unknown>;

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const idOf = (v: unknown): string | undefined =>
  v && typeof v === 'object' && typeof (v as Raw).id === 'string' ? ((v as Raw).id as string) : undefined;

/** Every brand, product and source id the file configures. */
function configuredIds(raw: Raw): { brands: Set<string>; products: Set<string>; sources: Set<string> } {
  const ids = { brands: new Set<string>(), products: new Set<string>(), sources: new Set<string>() };
  const addSources = (v: unknown) => {
    for (const s of list(v)) if (idOf(s)) ids.sources.add(idOf(s)!);
  };
  for (const b of list(raw.brands)) {
    if (idOf(b)) ids.brands.add(idOf(b)!);
    addSources((b as Raw)?.sources);
    for (const p of list((b as Raw)?.products)) {
      if (idOf(p)) ids.products.add(idOf(p)!);
      addSources((p as Raw)?.sources);
    }
  }
  addSources(raw.sources);
  return ids;
}

/** The problems of the alerts section of a raw project file. */
export function alertProblems(raw: unknown): string[] {
  if (!raw || typeof raw !== 'object') return [];
  const alerts = (raw as Raw).alerts;
  if (!alerts || typeof alerts !== 'object') return [];
  const problems: string[] = [];
  const channels = new Map<string, number>();
  list((alerts as Raw).channels).forEach((c, i) => {
    const id = idOf(c);
    if (!id) return;
    if (channels.has(id))
      problems.push(`alerts.channels[${i}].id: duplicate channel id "${id}" (first used at alerts.channels[${channels.get(id)}])`);
    else channels.set(id, i);
  });
  const known = configuredIds(raw as Raw);
  const rules = new Map<string, number>();
  list((alerts as Raw).rules).forEach((r, i) => {
    const id = idOf(r);
    if (id) {
      if (rules.has(id)) problems.push(`alerts.rules[${i}].id: duplicate rule id "${id}" (first used at alerts.rules[${rules.get(id)}])`);
      else rules.set(id, i);
    }
    list((r as Raw)?.channels).forEach((c, j) => {
      if (typeof c === 'string' && !channels.has(c)) {
        const have = [...channels.keys()];
        problems.push(
          `alerts.rules[${i}].channels[${j}]: no channel "${c}" in alerts.channels${have.length ? ` (channels: ${have.join(', ')})` : ' (define one there first)'}`,
        );
      }
    });
    const scope = (r as Raw)?.scope;
    if (!scope || typeof scope !== 'object') return;
    for (const [key, set] of [
      ['brands', known.brands],
      ['products', known.products],
      ['sources', known.sources],
    ] as const) {
      list((scope as Raw)[key]).forEach((v, j) => {
        if (typeof v === 'string' && !set.has(v))
          problems.push(`alerts.rules[${i}].scope.${key}[${j}]: no ${key.slice(0, -1)} "${v}" is configured`);
      });
    }
  });
  return problems;
}
