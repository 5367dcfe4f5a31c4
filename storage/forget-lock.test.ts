/**
 * Who may take the forget lock over: a holder that is known to be gone (its process ended on this
 * machine, or no heartbeat within the lease from another machine), never one still at work.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddedStore } from './embedded/embedded-store.js';
import { withForgetLock } from './forget.js';

describe('the forget lock', () => {
  let dir: string;
  let store: EmbeddedStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'radar-forget-lock-'));
    store = await EmbeddedStore.open(dir);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is taken over at once from a process of this machine that has ended', async () => {
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const machine = (await withForgetLock(store, async () => store.getMeta('lock:forget')))!.split(':')[0]!;
    await store.setMeta('lock:forget', `${machine}:${ended.stdout}:${Date.now()}:x`);
    const started = Date.now();
    expect(await withForgetLock(store, async () => 'done', 2_000)).toBe('done');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await store.getMeta('lock:forget')).toBeUndefined();
  });

  it('is taken over from another machine once its holder has not beaten for the lease', async () => {
    const start = Date.now() - 120_000;
    const held = `worker-7#1:4242:${start}:x`;
    await store.setMeta('lock:forget', held);
    await store.setMeta('lock:forget:beat', `${held} ${Date.now() - 45_000}`);
    expect(await withForgetLock(store, async () => 'done', 2_000)).toBe('done');
  });

  it('waits for a holder on another machine that is still beating, then names it', async () => {
    const held = `worker-7#1:4242:${Date.now() - 120_000}:x`;
    await store.setMeta('lock:forget', held);
    await store.setMeta('lock:forget:beat', `${held} ${Date.now()}`);
    const err = await withForgetLock(store, async () => 'done', 600).catch((e: unknown) => e);
    expect((err as Error).message).toContain(held);
    expect(await store.getMeta('lock:forget')).toBe(held);
  });

  it('keeps beating while a long removal runs, so no one takes it over', async () => {
    const seen: string[] = [];
    await withForgetLock(store, async () => {
      const first = await store.getMeta('lock:forget:beat');
      await new Promise((ok) => setTimeout(ok, 5_500));
      seen.push(first!, (await store.getMeta('lock:forget:beat'))!);
    });
    expect(seen[1]).not.toBe(seen[0]);
    expect(seen[1]!.split(' ')[0]).toBe(seen[0]!.split(' ')[0]);
  });
});
