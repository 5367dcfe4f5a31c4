/**
 * `radar forget` killed half-way (SIGKILL, after it took the lock and removed the person from the
 * store, before it cleaned the report files), then run again: the lock of the dead process is
 * taken over at once and the rerun finishes the removal, report files included. On both stores.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, constants, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { RADAR, radar, tempDir } from '../../test/cli.js';
import { randomName, testMongoUri } from '../../test/services.js';
import { openStore } from '../../storage/open-store.js';

const uri = testMongoUri();
const stores = [{ name: 'embedded' }, ...(uri ? [{ name: 'mongodb' }] : [])];

const TOPICS = ['lid', 'handle', 'spout', 'base', 'filter', 'switch', 'cord', 'gauge'];
/** Reviews by several people; "Dana K." wrote three of them. */
function reviews(): string {
  const rows = Array.from({ length: 36 }, (_, i) => ({
    id: `k${i}`,
    text: `The ${TOPICS[i % TOPICS.length]} ${i % 3 ? 'feels solid and the kettle boils fast' : 'broke within a month and support never replied'}, note ${i}.`,
    author: `Buyer ${i % 12}`,
    rating: (i % 5) + 1,
  }));
  rows.push(
    { id: 'dana-1', text: 'Dana here: the spout drips onto the counter every single pour.', author: 'Dana K.', rating: 2 },
    { id: 'dana-2', text: 'Dana again: the handle gets far too hot to hold after boiling.', author: 'Dana K.', rating: 1 },
    { id: 'dana-3', text: 'Dana once more: the kettle boils fast and the switch feels solid.', author: 'Dana K.', rating: 4 },
  );
  return rows.map((r) => JSON.stringify(r)).join('\n');
}

const REPORT_FILES = ['documents.csv', 'index.html', 'report.json', 'report.md', 'themes.csv'];

/** Waits until a process opens the FIFO for reading (then it is blocked there). */
async function readerArrives(fifo: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      // Opening a FIFO to write without blocking fails with ENXIO until someone reads it.
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENXIO' || Date.now() > until) throw err;
      await new Promise((ok) => setTimeout(ok, 20));
    }
  }
}

describe.each(stores)('radar forget killed half-way ($name store)', ({ name }) => {
  const database = randomName('radar_forget_kill');
  const env = name === 'mongodb' ? { RADAR_MONGODB_URI: uri! } : {};
  afterAll(async () => {
    if (name !== 'mongodb') return;
    const store = await openStore({ mongodbUri: uri!, database });
    await (store as unknown as { dropDatabase(): Promise<void> }).dropDatabase();
    await store.close();
  });

  it('is finished by the next run, at once, report files included', async () => {
    const cwd = tempDir('radar-forget-kill-');
    writeFileSync(
      join(cwd, 'radar.yaml'),
      `project: kettles\nbrands:\n  - id: brewlab\n    name: Brewlab\n    own: true\nstorage:\n  database: ${database}\n`,
    );
    writeFileSync(join(cwd, 'r.jsonl'), reviews());
    expect((await radar(['import', 'r.jsonl', '--brand', 'brewlab'], { cwd, env })).code).toBe(0);
    expect((await radar(['analyze'], { cwd, env })).code).toBe(0);
    const written = await radar(['report', '--out', 'shared', '--format', 'html,md,json,csv'], { cwd, env });
    expect(written.code, written.stderr).toBe(0);
    const shared = join(cwd, 'shared');
    const danaIds = (parse(readFileSync(join(shared, 'documents.csv'))) as string[][])
      .filter((r) => r.some((cell) => cell.startsWith('Dana ')))
      .map((r) => r[0]!);
    expect(danaIds).toHaveLength(3);
    const mentionsDana = (file: string) => {
      const text = readFileSync(join(shared, file), 'utf8');
      return danaIds.some((id) => text.includes(id)) || text.includes('Dana ');
    };
    const quoting = REPORT_FILES.filter(mentionsDana);
    expect(quoting).toEqual(expect.arrayContaining(['documents.csv', 'report.json']));

    // The configured report folder's report.json is a FIFO: the removal stops there, after the
    // store is cleaned and before any report file is, until it is killed.
    const configured = join(cwd, 'radar-report');
    spawnSync('mkdir', ['-p', configured]);
    expect(spawnSync('mkfifo', [join(configured, 'report.json')]).status).toBe(0);
    const child = spawn(process.execPath, [RADAR, 'forget', '--name', 'Dana K.', '--site', 'r.jsonl'], {
      cwd,
      env: { ...process.env, RADAR_LOG_LEVEL: 'warn', ...env },
      stdio: 'ignore',
    });
    const exited = new Promise((ok) => child.on('exit', ok));
    await readerArrives(join(configured, 'report.json'));
    child.kill('SIGKILL');
    await exited;
    rmSync(join(configured, 'report.json'));

    // Half-way indeed: the lock is still the dead process's, the store no longer has the documents,
    // the report files still quote them.
    const store = await openStore(name === 'mongodb' ? { mongodbUri: uri!, database } : { path: join(cwd, '.radar') });
    try {
      expect(await store.getMeta('lock:forget')).toContain(`:${child.pid}:`);
      let left = 0;
      for await (const d of store.findDocuments({ ids: danaIds, includeDuplicates: true })) left += d ? 1 : 0;
      expect(left).toBe(0);
    } finally {
      await store.close();
    }
    expect(REPORT_FILES.filter(mentionsDana)).toEqual(quoting);

    const started = Date.now();
    const rerun = await radar(['forget', '--name', 'Dana K.', '--site', 'r.jsonl'], { cwd, env, timeoutMs: 120_000 });
    expect(rerun.code, rerun.stderr).toBe(0);
    // Taken over at once, not after waiting out a lock of five minutes.
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(REPORT_FILES.filter(mentionsDana)).toEqual([]);
    for (const file of REPORT_FILES) expect(existsSync(join(shared, file)), file).toBe(true);
    const after = await openStore(name === 'mongodb' ? { mongodbUri: uri!, database } : { path: join(cwd, '.radar') });
    try {
      expect(await after.getMeta('lock:forget')).toBeUndefined();
      expect([...(await after.listMeta('forgetting:')).keys()]).toEqual([]);
    } finally {
      await after.close();
    }
  }, 240_000);
});
