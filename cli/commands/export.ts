/** `radar export`: write stored documents with their analyses as JSONL or CSV, for other tools. */
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { CommandSpec } from '../command.js';
import { loadProject, say, withStore } from '../context.js';
import { UsageError } from '../../domain/errors.js';

export const exportCommand: CommandSpec = {
  name: 'export',
  summary: 'export documents with their analyses as JSONL or CSV',
  options: [
    { flags: '--format <format>', description: 'output format', choices: ['jsonl', 'csv'], default: 'jsonl' },
    { flags: '--out <file>', description: 'write to a file instead of stdout' },
    { flags: '--brand <id>', description: 'only documents about this brand' },
    { flags: '--product <id>', description: 'only documents about this product' },
    { flags: '--kind <kind>', description: 'only reviews or only mentions', choices: ['review', 'mention'] },
    { flags: '--include-duplicates', description: 'also documents linked as duplicates of another' },
  ],
  async run(_args, options, ctx) {
    const { config } = await loadProject(ctx);
    const brand = options.brand as string | undefined;
    if (brand && !config.brands.some((b) => b.id === brand)) throw new UsageError(`--brand ${brand}: no such brand in radar.yaml`);
    const out: Writable = options.out ? createWriteStream(String(options.out)) : ctx.stdout;
    const write = async (chunk: string) => {
      if (!out.write(chunk)) await new Promise((ok) => out.once('drain', ok));
    };
    const count = await withStore(config, async (store) => {
      const query = { brand, product: options.product as string | undefined, kind: options.kind as 'review' | 'mention' | undefined, includeDuplicates: !!options.includeDuplicates };
      let n = 0;
      let batch: import('../../domain/types.js').RadarDocument[] = [];
      let csvHeader = true;
      const flush = async () => {
        const analyses = new Map((await store.getAnalyses(batch.map((d) => d._id))).map((a) => [a.docId, a]));
        if (options.format === 'csv') {
          const { documentsCsv } = await import('../../reports/render/csv.js');
          const text = documentsCsv(batch.map((doc) => ({ doc, analysis: analyses.get(doc._id) })));
          // Each batch renders its own header; keep only the first.
          await write(csvHeader ? text : text.slice(text.indexOf('\n') + 1));
          csvHeader = false;
        } else {
          for (const doc of batch) await write(`${JSON.stringify({ ...doc, analysis: analyses.get(doc._id) ?? null })}\n`);
        }
        n += batch.length;
        batch = [];
      };
      // Names stored while privacy.storeAuthorNames was on are not handed out once it is off.
      const names = config.privacy.storeAuthorNames;
      for await (const doc of store.findDocuments(query, { sort: '_id' })) {
        if (!names && doc.authorName !== undefined) {
          const { authorName: _name, ...rest } = doc;
          batch.push(rest);
        } else batch.push(doc);
        if (batch.length >= 1000) await flush();
      }
      if (batch.length || (options.format === 'csv' && csvHeader)) await flush();
      return n;
    });
    if (options.out) await new Promise<void>((ok, fail) => out.end((err?: Error | null) => (err ? fail(err) : ok())));
    say(ctx, `${count} documents exported${options.out ? ` to ${String(options.out)}` : ''}`);
    return 0;
  },
};
