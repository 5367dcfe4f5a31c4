/**
 * `radar import FILE`: load exported reviews, survey answers or social posts from CSV or JSONL.
 * Every row is checked first; a fatal problem (unreadable file, no text column, unknown brand)
 * imports nothing, and row problems are listed row by row.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { CommandSpec } from '../command.js';
import { loadProject, say, withStore } from '../context.js';
import { InputError, UsageError } from '../../domain/errors.js';

/** Reads CSV or JSONL rows; JSONL lines that are not objects become row errors. */
export async function readRows(file: string, format: 'csv' | 'jsonl'): Promise<{ rows: Record<string, unknown>[]; columns: string[]; errors: string[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read ${file}: ${(err as Error).message}`);
  }
  if (format === 'csv') {
    const { parse } = await import('csv-parse/sync');
    try {
      const rows = parse(text, { columns: true, skip_empty_lines: true, relax_column_count: true, bom: true, trim: false }) as Record<string, unknown>[];
      const columns = rows.length ? Object.keys(rows[0]!) : (parse(text, { to_line: 1, bom: true }) as string[][])[0] ?? [];
      return { rows, columns, errors: [] };
    } catch (err) {
      throw new InputError(`${file} is not readable CSV: ${(err as Error).message}`);
    }
  }
  const rows: Record<string, unknown>[] = [];
  const errors: string[] = [];
  const columns = new Set<string>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const obj = JSON.parse(line) as unknown;
      if (!obj || typeof obj !== 'object' || Array.isArray(obj)) throw new Error('not a JSON object');
      Object.keys(obj).forEach((k) => columns.add(k));
      rows.push(obj as Record<string, unknown>);
    } catch (err) {
      errors.push(`line ${i + 1}: ${(err as Error).message}`);
      rows.push({});
    }
  });
  return { rows, columns: [...columns], errors };
}

export const importCommand: CommandSpec = {
  name: 'import',
  summary: 'import reviews, survey answers or posts from a CSV or JSONL file',
  args: ['<file>'],
  help: `
Columns are recognised by common names (text, review text, title, rating, author, date, id, url,
lang, product, location); map others with --map "COLUMN=field". A row with an id is that
document; a row without one is known by its text, author and date, so importing a file again adds
nothing and another file of the same name adds its own rows. Example:
  radar import answers.csv --brand brewlab --map "What did you like?=body" --kind review`,
  options: [
    { flags: '--format <format>', description: 'file format (default: from the file extension)', choices: ['csv', 'jsonl'] },
    { flags: '--brand <id>', description: 'brand every row is about (or map a brand column)' },
    { flags: '--product <id>', description: 'product every row is about (or map a product column)' },
    { flags: '--kind <kind>', description: 'what the rows are', choices: ['review', 'mention'], default: 'review' },
    { flags: '--map <col=field...>', description: 'map a column to a field: body, title, rating, author, publishedAt, id, url, lang, brand, product, location' },
    { flags: '--source <id>', description: 'source id to store the rows under (default: import-<file name>)' },
    { flags: '--rating-scale <n>', description: 'best value of bare-number ratings', default: '5' },
    { flags: '--strict', description: 'import nothing if any row has a problem' },
    { flags: '--errors <file>', description: 'write the per-row problems to this file' },
  ],
  async run(args, options, ctx) {
    const file = args[0]!;
    const format = (options.format as 'csv' | 'jsonl' | undefined) ?? (/\.jsonl?$/i.test(file) ? 'jsonl' : extname(file).toLowerCase() === '.csv' ? 'csv' : undefined);
    if (!format) throw new UsageError(`cannot tell the format of ${file}; pass --format csv or --format jsonl`);
    const { config } = await loadProject(ctx);
    const brand = options.brand as string | undefined;
    if (brand && !config.brands.some((b) => b.id === brand)) throw new UsageError(`--brand ${brand}: no such brand in radar.yaml (brands: ${config.brands.map((b) => b.id).join(', ')})`);
    const { parseMappings, resolveColumns, planImport } = await import('../../jobs/import-rows.js');
    let mappings;
    try {
      mappings = parseMappings((options.map as string[] | undefined) ?? []);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    const { rows, columns, errors: readErrors } = await readRows(file, format);
    const { fields, problems } = resolveColumns(columns, mappings);
    if (problems.length) throw new InputError(`nothing imported from ${file}:\n  ${problems.join('\n  ')}`);
    const scale = Number(options.ratingScale);
    if (!(scale > 0)) throw new UsageError(`--rating-scale ${String(options.ratingScale)}: expected a positive number`);
    const name = basename(file);
    const sourceId = (options.source as string | undefined) ?? `import-${name.replace(/\.[^.]+$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
    return withStore(config, async (store) => {
      const { resolveSalt } = await import('../../jobs/salt.js');
      const salt = await resolveSalt(config, store);
      const plan = planImport(
        rows,
        fields,
        { sourceId, kind: options.kind as 'review' | 'mention', brand, product: options.product as string | undefined, ratingScale: scale, file: name, now: new Date().toISOString() },
        config,
        { salt, storeAuthorNames: config.privacy.storeAuthorNames, redactPII: config.privacy.redactPII },
      );
      const rowErrors = [...readErrors, ...plan.errors];
      if (options.errors) await writeFile(String(options.errors), rowErrors.map((e) => `${e}\n`).join(''));
      for (const e of rowErrors.slice(0, 20)) say(ctx, `  ${e}`);
      if (rowErrors.length > 20) say(ctx, `  … and ${rowErrors.length - 20} more${options.errors ? ` (all in ${String(options.errors)})` : ' (use --errors FILE for all)'}`);
      if (options.strict && rowErrors.length) throw new InputError(`nothing imported: ${rowErrors.length} of ${rows.length} rows have problems (--strict)`);
      // People who asked to be forgotten stay forgotten.
      const { forgottenAuthors } = await import('../../storage/forget.js');
      const forgotten = await forgottenAuthors(store);
      const documents = plan.documents.filter((d) => !d.authorKey || !forgotten.has(d.authorKey));
      const authors = plan.authors.filter((a) => !forgotten.has(a._id));
      if (documents.length < plan.documents.length) say(ctx, `${plan.documents.length - documents.length} rows by authors removed on request (radar forget) were left out`);
      if (!documents.length) throw new InputError(`nothing imported: none of the ${rows.length} rows is usable`);
      const result = await store.upsertDocuments(documents);
      if (authors.length) await store.upsertAuthors(authors);
      if (plan.unknownProducts.length) say(ctx, `note: products not in radar.yaml were imported under their own ids: ${plan.unknownProducts.slice(0, 10).join(', ')}${plan.unknownProducts.length > 10 ? ', …' : ''}`);
      say(ctx, `${file}: ${documents.length} of ${rows.length} rows imported into ${sourceId} (${result.inserted.length} new, ${result.updated.length} updated, ${result.unchanged} unchanged)${rowErrors.length ? `; ${rowErrors.length} rows skipped` : ''}`);
      return 0;
    });
  },
};
