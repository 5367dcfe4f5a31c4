import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../domain/errors.js';
import { parseConfig } from '../config/load.js';
import { EmbeddedStore } from '../storage/embedded/embedded-store.js';
import { ConfigConflictError, effectiveConfig, readStoredConfig, saveStoredConfig } from './project-config.js';

const YAML = `# kept as code
project: kettles
brands:
  - id: acme # ours
    name: Acme
    own: true
storage: { path: /somewhere/else }
`;

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('the project configuration kept in the store', () => {
  it('stores revisions as written (comments kept) and refuses a change made on a stale revision', async () => {
    dir = mkdtempSync(join(tmpdir(), 'radar-config-'));
    const store = await EmbeddedStore.open(dir);
    try {
      expect(await readStoredConfig(store)).toBeUndefined();
      const first = await saveStoredConfig(store, YAML, { savedBy: 'radar config apply' });
      expect(first.stored.revision).toBe(1);
      expect((await readStoredConfig(store))!.yaml).toBe(YAML);
      await saveStoredConfig(store, YAML.replace('Acme', 'Acme Co'), { savedBy: 'web app', expectedRevision: 1 });
      await expect(saveStoredConfig(store, YAML, { savedBy: 'web app', expectedRevision: 1 })).rejects.toThrow(ConfigConflictError);
      const latest = (await readStoredConfig(store))!;
      expect(latest).toMatchObject({ revision: 2, savedBy: 'web app' });
      expect(latest.yaml).toContain('name: Acme Co');
    } finally {
      await store.close();
    }
  });

  it('validates with the radar.yaml schema and stores nothing invalid', async () => {
    dir = mkdtempSync(join(tmpdir(), 'radar-config-'));
    const store = await EmbeddedStore.open(dir);
    try {
      const err = await saveStoredConfig(store, 'brands:\n  - id: Not An Id\n    name: X\n', { savedBy: 't' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems[0]).toMatch(/^brands\[0\]\.id: must be a lower-case id/);
      expect(await readStoredConfig(store)).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('takes where the store and queues are from the local file and the environment, never from the stored copy', () => {
    const local = parseConfig('brands: [{ id: x, name: X }]\nstorage: { path: .here }\nqueue: { prefix: mine }\n') as { config: never };
    const config = effectiveConfig({ revision: 3, yaml: YAML, savedAt: '', savedBy: '' }, local.config, { RADAR_AUTHOR_SALT: 'salty' });
    expect(config.project).toBe('kettles');
    expect(config.storage.path).toBe('.here');
    expect(config.queue.prefix).toBe('mine');
    expect(config.privacy.authorSalt).toBe('salty');
  });
});
