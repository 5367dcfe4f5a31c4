import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { radar, tempDir } from '../test/cli.js';
import { COMMANDS } from './program.js';

describe('radar CLI', () => {
  it('lists every command in --help and exits 0', async () => {
    const r = await radar(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['init', 'demo', 'crawl', 'analyze', 'report', 'score']) expect(r.stdout).toContain(c);
  });

  it('has --help on every command', async () => {
    for (const c of COMMANDS) {
      const r = await radar([c.name, '--help']);
      expect(r.code, c.name).toBe(0);
      expect(r.stdout, c.name).toContain(`Usage: radar ${c.name}`);
    }
  });

  it('exits 2 on usage errors: unknown command, unknown option, bad choice', async () => {
    expect((await radar(['frobnicate'])).code).toBe(2);
    const opt = await radar(['crawl', '--no-such-flag']);
    expect(opt.code).toBe(2);
    expect(opt.stderr).toContain("unknown option '--no-such-flag'");
    expect((await radar(['crawl', '--render', 'sideways', '--url', 'http://127.0.0.1:9/', '--dry-run'])).code).toBe(2);
  });

  it('exits 78 with every problem on an invalid config, and touches no stored data', async () => {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, 'radar.yaml'),
      'brands:\n  - id: Bad\n    name: X\n    products: [{ id: p, name: P, sources: [{ id: s, urls: [nope] }] }]\ncrawl: { delayMs: -1 }\n',
    );
    for (const cmd of [['crawl'], ['analyze'], ['report']]) {
      const r = await radar(cmd, { cwd });
      expect(r.code, cmd.join(' ')).toBe(78);
      expect(r.stderr).toContain('brands[0].id:');
      expect(r.stderr).toContain('brands[0].products[0].sources[0].urls[0]:');
      expect(r.stderr).toContain('crawl.delayMs:');
    }
    expect(existsSync(join(cwd, '.radar'))).toBe(false);
  });

  it('leaves an existing store untouched when the config is invalid', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'radar.yaml'), 'brands: [{ id: a, name: A }]\n');
    // Commands that only read refuse a store that is not there (a misspelt storage.path) …
    const none = await radar(['report'], { cwd });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no store at .*\.radar: check storage\.path/);
    // … so an import makes one, and analyze works on it.
    writeFileSync(join(cwd, 'a.jsonl'), '{"text":"Pours well, the lid is snug."}\n');
    expect((await radar(['import', 'a.jsonl', '--brand', 'a'], { cwd })).code).toBe(0);
    expect((await radar(['analyze'], { cwd })).code).toBe(0);
    const before = readdirSync(join(cwd, '.radar')).map((f) => [f, statSync(join(cwd, '.radar', f)).mtimeMs]);
    writeFileSync(join(cwd, 'radar.yaml'), 'brands: []\n');
    expect((await radar(['analyze'], { cwd })).code).toBe(78);
    const after = readdirSync(join(cwd, '.radar')).map((f) => [f, statSync(join(cwd, '.radar', f)).mtimeMs]);
    expect(after).toEqual(before);
  });

  it('refuses option values it cannot use, naming the option (exit 2)', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'radar.yaml'), 'brands: [{ id: a, name: A }]\n');
    writeFileSync(join(cwd, 'a.jsonl'), '{"text":"Pours well."}\n');
    expect((await radar(['import', 'a.jsonl', '--brand', 'a'], { cwd })).code).toBe(0);
    for (const [args, message] of [
      [['runs', '--limit', 'abc'], /--limit abc: expected a whole number/],
      [['crawl', '--url', 'http://127.0.0.1:9/x', '--max-pages', 'twenty'], /--max-pages twenty: expected a whole number/],
      [['import', 'a.jsonl', '--brand', 'a', '--source', 'Bad Source!'], /--source Bad Source!: use lower-case letters/],
      [['forget', '--author', 'zzz'], /--author zzz: an author key is 20 hexadecimal characters/],
    ] as const) {
      const r = await radar([...args], { cwd });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });

  it('exits 78 when there is no radar.yaml, saying how to make one', async () => {
    const r = await radar(['crawl']);
    expect(r.code).toBe(78);
    expect(r.stderr).toContain('radar init');
  });
});
