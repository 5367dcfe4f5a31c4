/** `radar export`: write stored documents with their analyses as JSONL or CSV, for other tools. */
import { createWriteStream, existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
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
    const product = options.product as string | undefined;
    if (product && !config.brands.some((b) => b.products.some((p) => p.id === product))) {
      say(
        ctx,
        `note: --product ${product} is not a product in radar.yaml; exporting what is stored under that id (imports keep unknown products under their own ids)`,
      );
    }
    // An export to a file is written beside it and renamed into place when complete: a failure
    // (a dead database, a full disk) leaves the previous export as it was.
    const target = options.out ? resolve(String(options.out)) : undefined;
    const partial = target ? join(dirname(target), `.${basename(target)}.partial-${process.pid}`) : undefined;
    let out: Writable = ctx.stdout;
    let streamError: Error | undefined;
    const write = async (chunk: string) => {
      if (streamError) throw streamError;
      if (!out.write(chunk)) await new Promise((ok) => out.once('drain', ok));
    };
    const count = await withStore(
      config,
      async (store) => {
        if (partial) {
          if (!existsSync(dirname(partial)))
            throw new UsageError(`--out ${String(options.out)}: the folder ${dirname(partial)} does not exist`);
          out = createWriteStream(partial, { mode: 0o600 });
          out.on('error', (err: Error) => (streamError = new UsageError(`--out ${String(options.out)}: cannot write (${err.message})`)));
        }
        const query = {
          brand,
          product: options.product as string | undefined,
          kind: options.kind as 'review' | 'mention' | undefined,
          includeDuplicates: !!options.includeDuplicates,
        };
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
      },
      { existing: true },
    ).catch(async (err: unknown) => {
      if (partial) {
        out.destroy();
        await rm(partial, { force: true });
      }
      throw err;
    });
    if (partial && target) {
      await new Promise<void>((ok, fail) => out.end((err?: Error | null) => (err ? fail(err) : ok())));
      if (streamError) {
        await rm(partial, { force: true });
        throw streamError;
      }
      await rename(partial, target);
    }
    say(ctx, `${count} documents exported${options.out ? ` to ${String(options.out)}` : ''}`);
    return 0;
  },
};
