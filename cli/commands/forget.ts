/**
 * `radar forget`: deletion on request. Removes an author's documents, analyses, profile and persona
 * quotes from the store, and their quotes from the report files already written.
 */
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CommandSpec } from '../command.js';
import { loadProject, say, withStore } from '../context.js';
import { UsageError } from '../../domain/errors.js';
import type { ReportData } from '../../reports/model.js';

export const forget: CommandSpec = {
  name: 'forget',
  summary: 'delete everything of one author (documents, analyses, profile, quotes) on request',
  help: `
Find the key from what the person tells you (their name on a site, or their profile URL):
  radar forget --name "Dana K." --site shop.example.com
  radar forget --author 3f9c0a1b2c3d4e5f6a7b`,
  options: [
    { flags: '--author <key>', description: 'the pseudonymous author key' },
    { flags: '--name <display name>', description: 'the name (or profile URL) the person used on --site' },
    { flags: '--site <host>', description: 'the site (host name) where they wrote, with --name' },
  ],
  async run(_args, options, ctx) {
    const { config } = await loadProject(ctx);
    return withStore(
      config,
      async (store) => {
        let key = options.author as string | undefined;
        if (key !== undefined && !/^[0-9a-f]{20}$/.test(key))
          throw new UsageError(`--author ${key}: an author key is 20 hexadecimal characters (as in exports' "authorKey")`);
        if (!key) {
          if (!options.name || !options.site) throw new UsageError('pass --author KEY, or --name NAME with --site HOST');
          const { resolveSalt } = await import('../../pipeline/salt.js');
          const { authorKeyOf, isPlaceholderName, siteOf } = await import('../../domain/document.js');
          const name = String(options.name);
          const site = String(options.site);
          const isUrl = /^https?:\/\//i.test(name);
          if (!isUrl && isPlaceholderName(name)) {
            throw new UsageError(
              `--name ${name}: sites show this for people who gave no name, so it names nobody in particular: no author key is kept for it, and no one's reviews can be found by it (a profile URL can: pass that as --name)`,
            );
          }
          key = authorKeyOf(
            await resolveSalt(config, store),
            /^[a-z]+:\/\//i.test(site) ? siteOf(site) : siteOf(`http://${site}`),
            isUrl ? name : undefined,
            isUrl ? undefined : name,
          )!;
        }
        // Remembered first: crawls and imports skip the person from now on, even if this run is cut short.
        const { finishRemoval, recordRemoval, rememberForgotten, withForgetLock } = await import('../../storage/forget.js');
        await rememberForgotten(store, key);
        const authorKey = key;
        // One removal at a time across processes: each rewrites whole persona sets and report files.
        return withForgetLock(store, async () => {
          const found = new Set<string>();
          for await (const d of store.findDocuments({ authorKey, includeDuplicates: true })) found.add(d._id);
          // Recorded before anything goes, with what an earlier, interrupted run took out: report
          // files still quoting those documents are cleaned now even though the store no longer has them.
          const docIds = await recordRemoval(store, authorKey, found);
          const result = await store.forgetAuthor(authorKey);
          // Reports already written must stop quoting the person too: in the configured folder and in
          // every folder a report was written to with --out.
          const { reportFolders } = await import('../../pipeline/report.js');
          let scrubbedFiles = 0;
          const stale: string[] = [];
          const folders = await reportFolders(store, resolve(config.report.outDir));
          for (const outDir of folders.here) {
            const cleaned = await cleanReportFolder(outDir, authorKey, docIds);
            scrubbedFiles += cleaned.scrubbed;
            stale.push(...cleaned.stale);
          }
          // Every file that could be cleaned here is: the removal is done (files named below need writing again).
          await finishRemoval(store, authorKey);
          ctx.stdout.write(`${JSON.stringify({ authorKey, ...result, reportFiles: scrubbedFiles })}\n`);
          say(
            ctx,
            `removed ${result.documents} documents, ${result.analyses} analyses, ${result.authors} profile${result.authors === 1 ? '' : 's'}, quotes in ${result.personaSets} persona sets and ${scrubbedFiles} report files; crawls and imports will not store this author again`,
          );
          for (const f of stale)
            say(ctx, `radar forget: ${f} may still quote this person and could not be cleaned here: write that report again`);
          for (const f of folders.elsewhere)
            say(
              ctx,
              `radar forget: reports were also written to ${f.dir} on ${f.host}, which this machine cannot reach: run the same radar forget there, or write those reports again`,
            );
          if (!options.author && docIds.size === 0 && result.authors === 0) {
            say(
              ctx,
              `radar forget: nothing was stored under the name "${String(options.name)}" on ${String(options.site)}. Reviewers with a profile page are known by its URL: pass --name with the profile URL instead (for imported files, --site is the file's name)`,
            );
            return 1;
          }
          return 0;
        });
      },
      { existing: true },
    );
  },
};

/** Writes a file whole or not at all: a removal killed half-way never leaves a truncated report. */
async function replaceFile(path: string, text: string): Promise<void> {
  const partial = `${path}.${process.pid}.partial`;
  await writeFile(partial, text);
  await rename(partial, path);
}

/** Removes a person's quotes and rows from the report files in one folder; names the files it could not clean. */
async function cleanReportFolder(outDir: string, key: string, docIds: Set<string>): Promise<{ scrubbed: number; stale: string[] }> {
  let scrubbedFiles = 0;
  const stale: string[] = [];
  const jsonFile = join(outDir, 'report.json');
  // A PDF is printed from the HTML by a browser: it cannot be edited here, only written again.
  if (docIds.size && existsSync(join(outDir, 'report.pdf'))) stale.push(join(outDir, 'report.pdf'));
  // The files rendered from report.json alone (HTML, Markdown and the per-section CSVs), by the
  // same mapping `radar report` writes with; documents.csv is cleaned row by row below.
  const fromReport = docIds.size ? (await import('../../reports/render/report-files.js')).REPORT_FILES.filter((f) => f.fromReport) : [];
  const rendered = fromReport.map((f) => f.name);
  if (!existsSync(jsonFile) && docIds.size) {
    // Without report.json the HTML, Markdown and those CSVs cannot be re-rendered here: say which to regenerate.
    for (const f of rendered) if (existsSync(join(outDir, f))) stale.push(join(outDir, f));
  }
  if (existsSync(jsonFile) && docIds.size) {
    const { scrubReport } = await import('../../reports/scrub.js');
    const before = await readFile(jsonFile, 'utf8');
    let parsed: ReportData | undefined;
    try {
      parsed = JSON.parse(before) as ReportData;
    } catch {
      // A damaged report.json cannot be re-rendered from: name the files to write again instead.
      for (const f of ['report.json', ...rendered]) if (existsSync(join(outDir, f))) stale.push(join(outDir, f));
    }
    const report = parsed && scrubReport(parsed, key, docIds);
    if (report) {
      const after = `${JSON.stringify(report, null, 2)}\n`;
      if (after !== before) {
        await replaceFile(jsonFile, after);
        scrubbedFiles++;
        for (const file of fromReport) {
          if (!existsSync(join(outDir, file.name))) continue;
          await replaceFile(join(outDir, file.name), file.render(report, []));
          scrubbedFiles++;
        }
      }
    }
  }
  const docsCsv = join(outDir, 'documents.csv');
  if (existsSync(docsCsv) && docIds.size) {
    const { parse } = await import('csv-parse/sync');
    const { stringify } = await import('csv-stringify/sync');
    const rows = parse(await readFile(docsCsv, 'utf8')) as string[][];
    const kept = rows.filter((r, i) => i === 0 || !docIds.has(r[0] ?? ''));
    if (kept.length !== rows.length) {
      await replaceFile(docsCsv, stringify(kept));
      scrubbedFiles++;
    }
  }
  return { scrubbed: scrubbedFiles, stale };
}
