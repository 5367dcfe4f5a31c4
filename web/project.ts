/**
 * The project as the web app reads and changes it: the configuration kept in the store (or, until
 * the first change, the local radar.yaml), and every change — a brand, a product, a source, a
 * schedule — made on its YAML Document, validated by the same schema as radar.yaml and saved as a
 * new revision that workers on every machine read for their next job.
 */
import { parseDocument, stringify, type Document } from 'yaml';
import type { z } from 'zod';
import { parseConfig } from '../config/load.js';
import type { RadarConfig } from '../config/schema.js';
import type { Store } from '../storage/store.js';
import { effectiveConfig, readStoredConfig, saveStoredConfig, storedGoverns } from '../pipeline/project-config.js';

/** Problems with a change: by form field where one is to blame, and the rest. */
export class ValidationError extends Error {
  override name = 'ValidationError';
  constructor(
    /** Field name → message. */
    readonly fields: Record<string, string>,
    /** Problems that belong to no one field (`path: message`). */
    readonly problems: string[] = [],
  ) {
    super([...Object.entries(fields).map(([k, v]) => `${k}: ${v}`), ...problems].join('; ') || 'invalid');
  }
}

/** The project as it stands. */
export interface ProjectState {
  /** The validated configuration (environment overrides applied). */
  config: RadarConfig;
  /** Its YAML text. */
  yaml: string;
  /** Stored revision; 0 while the local radar.yaml is in charge (nothing stored yet). */
  revision: number;
  /** Where it came from. */
  origin: 'store' | 'file';
  /** When and by whom the stored revision was saved. */
  savedAt?: string;
  /** Who saved it. */
  savedBy?: string;
}

/** How long a read of the stored configuration is reused (other processes may change it). */
const FRESH_MS = 2_000;

/** Turns zod issues of one entity into field messages ("urls: line 2: must be an absolute http(s) URL"). */
export function fieldErrors(error: z.ZodError, lineFields: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const [field, index] = issue.path;
    const name = field === undefined ? '_' : String(field);
    if (out[name]) continue;
    const message =
      issue.code === 'unrecognized_keys' ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}` : issue.message;
    out[name] = typeof index === 'number' && lineFields.includes(name) ? `line ${index + 1}: ${message}` : message;
  }
  return out;
}

/** The project holder of one `radar serve`. */
export class Project {
  private state?: ProjectState;
  private readAt = 0;
  private readonly listeners: ((state: ProjectState) => void)[] = [];

  constructor(
    private readonly store: Store,
    private readonly local: { config?: RadarConfig; yaml?: string; path?: string },
  ) {}

  /** Calls `fn` with the new state whenever the project changes (here or, as seen on a read, elsewhere). */
  onChange(fn: (state: ProjectState) => void): void {
    this.listeners.push(fn);
  }

  /** The project's name as last read (for pages that need nothing else). */
  name(): string {
    return this.state?.config.project ?? this.local.config?.project ?? 'radar';
  }

  /** The current project (re-read from the store every few seconds). */
  async current(): Promise<ProjectState> {
    if (this.state && Date.now() - this.readAt < FRESH_MS) return this.state;
    const stored = await readStoredConfig(this.store);
    let next: ProjectState;
    if (stored && storedGoverns(stored, this.local.yaml !== undefined)) {
      next = {
        config: effectiveConfig(stored, this.local.config),
        yaml: stored.yaml,
        revision: stored.revision,
        origin: 'store',
        savedAt: stored.savedAt,
        savedBy: stored.savedBy,
      };
    } else if (this.local.config) {
      // Started from a configuration without its file (a program embedding the app): its YAML is written out.
      const { storage: _s, queue: _q, ...project } = this.local.config;
      // The next change is saved after the stored revision (the demo's) this file stands in front of.
      next = { config: this.local.config, yaml: this.local.yaml ?? stringify(project), revision: stored?.revision ?? 0, origin: 'file' };
    } else {
      throw new Error('no project: neither radar.yaml nor a configuration kept in the store');
    }
    const changed = !this.state || this.state.revision !== next.revision || this.state.origin !== next.origin;
    this.state = next;
    this.readAt = Date.now();
    if (changed) for (const fn of this.listeners) fn(next);
    return next;
  }

  /**
   * Applies `mutate` to the YAML Document of the current revision, validates the whole project
   * with the radar.yaml schema, and stores it as the next revision (refused when another change
   * landed meanwhile). Returns the new state. With `check`, only validates.
   */
  async edit(mutate: (doc: Document) => void, savedBy: string, options: { check?: boolean } = {}): Promise<ProjectState> {
    if (!options.check) this.readAt = 0;
    const base = await this.current();
    const doc = parseDocument(base.yaml);
    mutate(doc);
    const text = doc.toString();
    const parsed = parseConfig(text, 'project');
    if ('errors' in parsed) throw new ValidationError({}, parsed.errors);
    // A check (a form validated as it is filled in) stops here: nothing is saved.
    if (options.check) return base;
    await saveStoredConfig(this.store, text, { savedBy, expectedRevision: base.revision });
    this.readAt = 0;
    return this.current();
  }
}
