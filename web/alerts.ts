/**
 * The project's `alerts:` section as the web app reads and changes it — its YAML, edited as one
 * piece and validated with the whole project by the radar.yaml schema (cross-references included),
 * then saved as a new stored revision like every other change — and the two things the Alerts page
 * does with the store: the delivery history, and a test of one rule (what `radar alerts test` does).
 */
import { Document, isMap, isScalar, parseDocument } from 'yaml';
import { z } from 'zod';
import { alertHistory, type HistoryEntry } from '../alerts/history.js';
import { sendSample } from '../alerts/sample.js';
import type { RadarConfig } from '../config/schema.js';
import type { AlertMessageStatus, AlertRecord } from '../domain/alerts.js';
import type { Store } from '../storage/store.js';
import type { Logger } from 'pino';
import { createHash } from 'node:crypto';
import { ConfigConflictError } from '../pipeline/project-config.js';
import { NotFoundError } from './config-edit.js';
import { type Project, type ProjectState, ValidationError } from './project.js';

/** The outbox states a message can be in. */
export const MESSAGE_STATUSES: AlertMessageStatus[] = ['pending', 'sending', 'retry', 'sent', 'failed'];

/** Most messages one history view lists. */
export const HISTORY_MAX = 500;

/** The history filters, as the page's address and the API take them (the same as `radar alerts list`). */
export const HistoryQuerySchema = z.object({
  rule: z.string().max(200).optional().describe('Only messages of this rule.'),
  status: z
    .string()
    .optional()
    .transform((s, ctx) => {
      const list = (s ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      const bad = list.filter((x) => !(MESSAGE_STATUSES as string[]).includes(x));
      if (bad.length) {
        ctx.addIssue({ code: 'custom', message: `unknown status ${bad.join(', ')}; choose from ${MESSAGE_STATUSES.join(', ')}` });
        return z.NEVER;
      }
      return list.length ? (list as AlertMessageStatus[]) : undefined;
    })
    .describe('Only messages in these states, comma-separated: pending, sending, retry, sent, failed (e.g. "failed,retry").'),
  limit: z.coerce.number().int().min(1).max(HISTORY_MAX).default(50).describe(`Most messages, newest first (at most ${HISTORY_MAX}).`),
});

/** Validated history filters. */
export type HistoryFilters = z.infer<typeof HistoryQuerySchema>;

/** The history: outbox messages newest first, with their findings, and the findings waiting for their digest. */
export function historyOf(store: Store, filters: HistoryFilters): Promise<{ messages: HistoryEntry[]; waiting: AlertRecord[] }> {
  return alertHistory(store, { rule: filters.rule || undefined, status: filters.status, limit: filters.limit });
}

function sectionOf(doc: Document): string {
  const node = doc.get('alerts', true);
  if (!node) return '';
  const section = new Document();
  section.contents = node as typeof section.contents;
  // Unfolded: a flow mapping (`- { id: …, type: … }`) stays on its line however deep the project nests it.
  return section.toString({ lineWidth: 0 });
}

const fingerprint = (section: string) => createHash('sha256').update(section).digest('hex').slice(0, 32);

/** The `alerts:` section of the project's YAML, as its own YAML text (comments kept); empty when there is none. */
export function alertsSectionYaml(yaml: string): string {
  return sectionOf(parseDocument(yaml));
}

/** A fingerprint of the section as a form loaded it, so a save does not overwrite a change someone else made to it meanwhile. */
export function sectionFingerprint(yaml: string): string {
  return fingerprint(alertsSectionYaml(yaml));
}

/** Where a YAML syntax error is, in the text as typed. */
function syntaxProblems(doc: Document.Parsed): string[] {
  return doc.errors.map((e) => {
    const pos = e.linePos?.[0];
    return `${pos ? `line ${pos.line}, column ${pos.col}: ` : ''}${(e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`;
  });
}

/**
 * Replaces the project's `alerts:` section with `text` (the section's keys — `channels`, `rules`,
 * `linkBase`, `delivery` — or the same under an `alerts:` key), validates the whole project with the
 * radar.yaml schema and saves it as the next stored revision. An empty text removes the section.
 * Problems come back as a ValidationError whose problems read `alerts.rules[0].channels[1]: …`.
 * With `check`, only validates; with `base` (a `sectionFingerprint`), refuses when the section was
 * changed by someone else since it was loaded (changes elsewhere in the project are kept).
 */
export async function saveAlerts(
  project: Project,
  text: string,
  savedBy: string,
  options: { check?: boolean; base?: string } = {},
): Promise<ProjectState> {
  const typed = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (typed.errors.length)
    throw new ValidationError(
      {},
      syntaxProblems(typed).map((p) => `alerts: ${p}`),
    );
  let node = typed.contents;
  // A section pasted whole, with its `alerts:` key, is the same section.
  const only = isMap(node) && node.items.length === 1 ? node.items[0]! : undefined;
  if (only && isScalar(only.key) && only.key.value === 'alerts') node = only.value as typeof node;
  if (node !== null && node !== undefined && !isMap(node))
    throw new ValidationError({}, ['alerts: expected a mapping with channels, rules, linkBase and delivery (key: value lines)']);
  const wrapped = node !== typed.contents;
  try {
    return await project.edit(
      (doc) => {
        if (options.base && !options.check && fingerprint(sectionOf(doc)) !== options.base)
          throw new ConfigConflictError(
            'the alerts section was changed by someone else since this page was loaded; copy your text, reload, and make the change again',
          );
        if (node === null || node === undefined || (isMap(node) && !node.items.length)) doc.delete('alerts');
        else doc.set('alerts', node);
      },
      savedBy,
      { check: options.check },
    );
  } catch (err) {
    if (err instanceof ValidationError)
      throw new ValidationError(
        err.fields,
        err.problems.map((p) => withLine(p, typed, text, wrapped)),
      );
    throw err;
  }
}

/** Adds the line of the text as typed that a problem's path (`alerts.rules[0].channels[1]: …`) points at. */
function withLine(problem: string, typed: Document.Parsed, text: string, wrapped: boolean): string {
  const m = /^alerts((?:\.[A-Za-z_][\w-]*|\[\d+\])*):/.exec(problem);
  if (!m) return problem;
  const path: (string | number)[] = [...m[1]!.matchAll(/\.([A-Za-z_][\w-]*)|\[(\d+)\]/g)].map((x) =>
    x[2] !== undefined ? Number(x[2]) : x[1]!,
  );
  if (wrapped) path.unshift('alerts');
  // A key that is missing points at the nearest part that is there.
  for (let n = path.length; n > 0; n--) {
    const node = typed.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    const start = node?.range?.[0];
    if (start === undefined) continue;
    const line = text.slice(0, start).split('\n').length;
    return `${problem.slice(0, m[0].length - 1)} (line ${line}):${problem.slice(m[0].length)}`;
  }
  return problem;
}

/** What a test of one channel came to. */
export interface TestOutcome {
  /** Channel id. */
  channel: string;
  /** How it ended: sent, or failed (a test is never retried). */
  status: AlertMessageStatus;
  /** Attempts made. */
  attempts: number;
  /** Why it was not delivered. */
  error?: string;
  /** The outbox message (shown in the history). */
  message: string;
}

/** Sends a sample of a rule through each of its channels now (as `radar alerts test RULE`) and says how each went. */
export async function testRule(
  config: RadarConfig,
  store: Store,
  ruleId: string,
  log: Logger,
): Promise<{ rule: string; batch: string; results: TestOutcome[] }> {
  const rule = config.alerts.rules.find((r) => r.id === ruleId);
  if (!rule) {
    const ids = config.alerts.rules.map((r) => r.id);
    throw new NotFoundError(`no alert rule "${ruleId}" (${ids.length ? `rules: ${ids.join(', ')}` : 'the project has no alerts.rules'})`);
  }
  const ended = await sendSample(config, store, rule, log);
  const results = ended.map((m) => ({
    channel: m.channel,
    status: m.status,
    attempts: m.attempts,
    ...(m.status === 'sent' ? {} : { error: m.lastError ?? `still ${m.status}` }),
    message: m._id,
  }));
  return { rule: rule.id, batch: ended[0]!.batch, results };
}
