import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeContract } from '../../test/store-contract.js';
import { EmbeddedStore } from './embedded-store.js';

let dir = '';
storeContract('embedded', {
  open: async () => {
    dir = mkdtempSync(join(tmpdir(), 'radar-embedded-'));
    return EmbeddedStore.open(dir);
  },
  reopen: async () => EmbeddedStore.open(dir),
  destroy: async () => rmSync(dir, { recursive: true, force: true }),
});

describe('embedded store files', () => {
  it('are readable by their owner only: the folder 0700, the files 0600', async () => {
    const root = mkdtempSync(join(tmpdir(), 'radar-perm-'));
    const path = join(root, '.radar');
    const store = await EmbeddedStore.open(path);
    try {
      await store.setMeta('k', 'v');
      await store.upsertAuthors([
        {
          _id: 'a1',
          site: 'shop.example',
          location: 'Leeds, UK',
          firstSeenAt: '2025-01-01T00:00:00.000Z',
          updatedAt: '2025-01-01T00:00:00.000Z',
        },
      ]);
      await store.compact();
    } finally {
      await store.close();
    }
    expect(statSync(path).mode & 0o777).toBe(0o700);
    const files = readdirSync(path).filter((f) => f.endsWith('.jsonl'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) expect(statSync(join(path, f)).mode & 0o777, f).toBe(0o600);
    rmSync(root, { recursive: true, force: true });
  });
});
