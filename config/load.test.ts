import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEnv, listSources, loadConfig, parseConfig } from './load.js';
import { configJsonSchema } from './json-schema.js';
import { ConfigSchema } from './schema.js';

const valid = `
project: kettles
brands:
  - id: brewlab
    name: Brewlab
    own: true
    products:
      - id: kettle-one
        name: Kettle One
        sources:
          - id: brewlab-kettle
            urls: [https://shop.example/kettle-one]
            schedule: "0 6 * * *"
            timezone: Europe/Berlin
  - id: rival
    name: Rival
sources:
  - id: social
    kind: mentions
    urls: [https://social.example/feed.rss]
`;

describe('parseConfig', () => {
  it('accepts a valid file and fills in defaults', () => {
    const r = parseConfig(valid);
    expect('config' in r).toBe(true);
    if (!('config' in r)) return;
    expect(r.config.privacy.storeAuthorNames).toBe(false);
    expect(r.config.privacy.redactPII).toBe(true);
    expect(r.config.storage.path).toBe('.radar');
    const sources = listSources(r.config);
    expect(sources.map((s) => [s.source.id, s.brand, s.product, s.source.render, s.source.robots])).toEqual([
      ['brewlab-kettle', 'brewlab', 'kettle-one', 'auto', 'respect'],
      ['social', undefined, undefined, 'auto', 'respect'],
    ]);
  });

  it('reports every problem as path: message, not only the first', () => {
    const r = parseConfig(`
brands:
  - id: Bad Id
    name: X
    products:
      - id: p1
        name: P
        sources:
          - id: s1
            urls: [ftp://nope]
            render: browsr
            schedule: "99 * * * *"
            timezone: Mars/Olympus
            maxPagez: 3
  - id: two
    name: Two
    products:
      - id: p1
        name: Dup
crawl: { concurrency: 0 }
privacy: { retentionDays: -5 }
`);
    expect('errors' in r).toBe(true);
    if (!('errors' in r)) return;
    const text = r.errors.join('\n');
    expect(text).toContain('brands[0].id: must be a lower-case id');
    expect(text).toContain('brands[0].products[0].sources[0].urls[0]: must be an absolute http(s) URL');
    expect(text).toMatch(/brands\[0\]\.products\[0\]\.sources\[0\]\.render: .*static.*browser.*auto/);
    expect(text).toContain('brands[0].products[0].sources[0].schedule: not a valid cron expression');
    expect(text).toContain('brands[0].products[0].sources[0].timezone: not a known IANA time zone');
    expect(text).toContain('brands[0].products[0].sources[0]: unknown key "maxPagez"');
    expect(text).toContain('brands[1].products[0].id: duplicate product id "p1"');
    expect(text).toMatch(/crawl\.concurrency: /);
    expect(text).toMatch(/privacy\.retentionDays: /);
    expect(r.errors.length).toBeGreaterThanOrEqual(9);
  });

  it('takes five-field schedules and @-macros, never a seconds field', () => {
    const withSchedule = (cron: string) => parseConfig(valid.replace('schedule: "0 6 * * *"', `schedule: "${cron}"`));
    for (const ok of ['*/15 * * * *', '0 6 * * 1-5', '@daily']) expect('config' in withSchedule(ok), ok).toBe(true);
    for (const bad of ['*/5 * * * * *', '0 0 6 * * *', '0 6 * *']) {
      const r = withSchedule(bad);
      expect('errors' in r && r.errors.join('\n'), bad).toMatch(
        /schedule: not a valid cron expression: it has \d fields, a schedule has five/,
      );
    }
  });

  it('tells a missing key from a value of the wrong type, showing the value', () => {
    const r = parseConfig(`
brands:
  - id: a
    own: yes please
sources:
  - id: s
    urls: "https://shop.example/p"
    maxPages: twenty
`);
    const text = 'errors' in r ? r.errors.join('\n') : '';
    expect(text).toContain('brands[0].name: required (expected string)');
    expect(text).toContain('brands[0].own: expected boolean, got string "yes please"');
    expect(text).toContain('sources[0].urls: expected a list, got string "https://shop.example/p"');
    expect(text).toContain('sources[0].maxPages: expected number, got string "twenty"');
    const list = parseConfig('- a\n- b\n');
    expect('errors' in list ? list.errors.join('\n') : '').toContain('(root): expected a mapping (key: value lines), got a list');
  });

  it('checks the CSS selectors of a recipe when the file is read', () => {
    const r = parseConfig(`
brands: [{ id: a, name: A }]
sources:
  - id: s
    urls: [https://shop.example/p]
    recipe: { container: "li.comment[[", body: ".x >> y", rating: { selector: "::bogus" }, title: "h3.title", nextPage: "a:contains(Next)" }
`);
    const text = 'errors' in r ? r.errors.join('\n') : '';
    expect(text).toMatch(/sources\[0\]\.recipe\.container: not a valid CSS selector/);
    expect(text).toMatch(/sources\[0\]\.recipe\.body: not a valid CSS selector/);
    expect(text).toMatch(/sources\[0\]\.recipe\.rating\.selector: not a valid CSS selector/);
    expect(text).not.toMatch(/title|nextPage/);
  });

  it('reads a project file saved as UTF-16, and names one that is not text', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'radar-cfg-'));
    const yaml = 'brands:\n  - id: cafe\n    name: Café Crème\n';
    writeFileSync(join(dir, 'wide.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(yaml, 'utf16le')]));
    const wide = await loadConfig(join(dir, 'wide.yaml'), {});
    expect('config' in wide && wide.config.brands[0]!.name).toBe('Café Crème');
    writeFileSync(join(dir, 'latin1.yaml'), Buffer.from(yaml, 'latin1'));
    const bad = await loadConfig(join(dir, 'latin1.yaml'), {});
    expect('errors' in bad && bad.errors.join('\n')).toMatch(/latin1\.yaml: not UTF-8 text; save it as UTF-8/);
  });

  it('points at the line and column of a YAML syntax error', () => {
    const r = parseConfig('brands:\n  - id: a\n    name: [unclosed\n', 'radar.yaml');
    expect('errors' in r && r.errors[0]).toMatch(/^radar\.yaml:\d+:\d+: /);
  });

  it('says what to do about an empty file or a missing one', async () => {
    const r = parseConfig('');
    expect('errors' in r && r.errors[0]).toContain('radar init');
    const missing = await loadConfig(join(tmpdir(), 'no-such-dir-radar', 'radar.yaml'));
    expect('errors' in missing && missing.errors[0]).toMatch(/not found; create one with `radar init`/);
  });
});

describe('shipped example', () => {
  it('examples/radar.example.yaml is valid and uses every kind of source', async () => {
    const r = await loadConfig('examples/radar.example.yaml', {});
    expect('errors' in r ? r.errors : []).toEqual([]);
    if (!('config' in r)) return;
    const sources = listSources(r.config);
    expect(new Set(sources.map((s) => s.source.render))).toEqual(new Set(['auto', 'browser', 'static']));
    expect(sources.some((s) => s.source.recipe)).toBe(true);
    expect(sources.some((s) => s.source.kind === 'mentions')).toBe(true);
  });
});

describe('environment overrides', () => {
  it('lets RADAR_MONGODB_URI, RADAR_REDIS_URL, RADAR_AUTHOR_SALT and RADAR_CHROMIUM_PATH win over the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'radar-cfg-'));
    writeFileSync(join(dir, 'radar.yaml'), `${valid}\nstorage: { mongodbUri: "mongodb://file" }\n`);
    const r = await loadConfig(join(dir, 'radar.yaml'), {
      RADAR_MONGODB_URI: 'mongodb://env:27017',
      RADAR_REDIS_URL: 'redis://env:6379',
      RADAR_AUTHOR_SALT: 'pepper',
      RADAR_CHROMIUM_PATH: '/opt/chromium',
    });
    expect('config' in r).toBe(true);
    if (!('config' in r)) return;
    expect(r.config.storage.mongodbUri).toBe('mongodb://env:27017');
    expect(r.config.queue.redisUrl).toBe('redis://env:6379');
    expect(r.config.privacy.authorSalt).toBe('pepper');
    expect(r.config.crawl.chromiumPath).toBe('/opt/chromium');
    const plain = applyEnv(ConfigSchema.parse({ brands: [{ id: 'a', name: 'A' }] }), {});
    expect(plain.storage.mongodbUri).toBeUndefined();
  });
});

describe('JSON Schema', () => {
  it('describes every key of the project file', () => {
    const schema = configJsonSchema() as { properties: Record<string, { description?: string }> };
    for (const key of ['project', 'brands', 'sources', 'storage', 'queue', 'crawl', 'privacy', 'analysis', 'report']) {
      expect(schema.properties[key]?.description, key).toBeTruthy();
    }
    // Walk the whole schema: every property of every object has a description.
    const missing: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object') return;
      const n = node as {
        properties?: Record<string, { description?: string }>;
        items?: unknown;
        anyOf?: unknown[];
        additionalProperties?: unknown;
      };
      for (const [k, v] of Object.entries(n.properties ?? {})) {
        if (!v.description) missing.push(`${path}.${k}`);
        walk(v, `${path}.${k}`);
      }
      if (n.items) walk(n.items, `${path}[]`);
      for (const a of n.anyOf ?? []) walk(a, path);
      if (n.additionalProperties && typeof n.additionalProperties === 'object') walk(n.additionalProperties, `${path}{}`);
    };
    walk(schema, '');
    expect(missing).toEqual([]);
  });
});
