/**
 * Persona change between report runs, from the comparison the report makes with the previous
 * persona set (reports/personas/build-personas.ts comparePersonas): a persona appeared, vanished,
 * or its share grew or shrank by at least `minShareChange`. Events keyed by the previous set, so
 * a re-run of the same report finds nothing new. The first report has nothing to compare with.
 */
import type { AlertRuleConfig } from '../../config/alerts-schema.js';
import type { FindingKind } from '../../domain/alerts.js';
import type { Candidate, RuleInput } from './rule-input.js';
import { resolveScope } from './scope.js';

type PersonasRule = Extract<AlertRuleConfig, { type: 'personas' }>;

const pct = (x: number | undefined) => `${Math.round((x ?? 0) * 100)}%`;

/** The rule's findings. */
export function personaFindings(rule: PersonasRule, input: RuleInput): Candidate[] {
  const { change } = input.report;
  if (!change.previousSetId) return [];
  const scope = resolveScope(rule, input.config, 'all');
  const out: Candidate[] = [];
  for (const c of change.changes) {
    const persona = input.report.personas.find((p) => p.label === c.label);
    // A persona none of whose members reviewed a brand in scope is someone else's news.
    if (persona && !Object.entries(persona.membersByBrand).some(([b, n]) => n > 0 && scope.brands.has(b))) continue;
    const delta = (c.shareNow ?? 0) - (c.shareBefore ?? 0);
    let kind: FindingKind;
    let title: string;
    if (c.status === 'new') {
      kind = 'persona-appeared';
      title = `New persona: ${c.label} (${pct(c.shareNow)})`;
    } else if (c.status === 'vanished') {
      kind = 'persona-vanished';
      title = `Persona gone: ${c.label} (was ${pct(c.shareBefore)})`;
    } else if ((c.status === 'grown' || c.status === 'shrunk') && Math.abs(delta) >= rule.minShareChange) {
      kind = delta > 0 ? 'persona-grew' : 'persona-shrank';
      title = `${c.label} ${delta > 0 ? 'grew' : 'shrank'} from ${pct(c.shareBefore)} to ${pct(c.shareNow)}`;
    } else continue;
    out.push({
      key: `persona:${kind}:${c.label}:${change.previousSetId}`,
      kind,
      title,
      detail: persona
        ? persona.summary
        : `Not found in the report of ${input.report.generatedAt.slice(0, 10)}; it was in the one of ${change.previousAt?.slice(0, 10) ?? 'before'}.`,
      severity: 'info',
      docIds: (persona?.quotes ?? []).map((q) => q.docId).slice(0, 3),
      view: {
        page: 'personas',
        filters: { persona: persona?.id ?? c.label },
        reportAnchor: persona ? `persona-${persona.id}` : 'personas',
      },
      data: { shareBefore: c.shareBefore ?? 0, shareNow: c.shareNow ?? 0 },
    });
  }
  return out;
}
