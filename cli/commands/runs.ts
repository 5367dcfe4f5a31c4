/** `radar runs`: the recent crawl runs — pages fetched/failed/blocked, documents found/new/updated, errors. */
import type { CommandSpec } from '../command.js';
import { loadProject, wholeNumber, withStore } from '../context.js';

export const runs: CommandSpec = {
  name: 'runs',
  summary: 'list recent crawl runs with their page and document counts',
  options: [
    { flags: '--source <id>', description: 'only runs of this source' },
    { flags: '--limit <n>', description: 'how many runs', default: '20' },
    { flags: '--errors', description: "also print each run's page errors" },
    { flags: '--json', description: 'print runs as JSON lines' },
  ],
  async run(_args, options, ctx) {
    const { config } = await loadProject(ctx);
    const list = await withStore(
      config,
      (store) => store.listRuns({ sourceId: options.source as string | undefined, limit: wholeNumber(options.limit, '--limit') }),
      { existing: true },
    );
    if (options.json) {
      for (const r of list) ctx.stdout.write(`${JSON.stringify(r)}\n`);
      return 0;
    }
    if (!list.length) {
      ctx.stdout.write('no crawl runs yet (run radar crawl)\n');
      return 0;
    }
    const rows = [['started (UTC)', 'source', 'status', 'pages ok/failed/blocked/skipped', 'documents found/new/updated', 'listed']];
    for (const r of list) {
      const s = r.stats;
      rows.push([
        r.startedAt.slice(0, 19).replace('T', ' '),
        r.sourceId,
        r.status,
        `${s.pagesFetched}/${s.pagesFailed}/${s.pagesBlocked}/${s.pagesSkipped}`,
        `${s.documentsFound}/${s.documentsNew}/${s.documentsUpdated}`,
        s.listedCount === undefined ? '–' : String(s.listedCount),
      ]);
    }
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const r of rows)
      ctx.stdout.write(
        `${r
          .map((c, i) => c.padEnd(widths[i]!))
          .join('  ')
          .trimEnd()}\n`,
      );
    if (options.errors) {
      for (const r of list) for (const e of r.errors) ctx.stdout.write(`${r._id}  ${e.url}  ${e.message}\n`);
    }
    return 0;
  },
};
