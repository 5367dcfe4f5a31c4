/**
 * `radar import FILE`: load exported reviews, survey answers or social posts from CSV or JSONL.
 * Every row is checked first; a fatal problem (unreadable file, no text column, unknown brand)
 * imports nothing, and row problems are listed row by row.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import type { CommandSpec } from '../command.js';
import { loadProject, say, withWritableStore } from '../context.js';
import { InputError, UsageError } from '../../domain/errors.js';
import { firstInvalidUtf8 } from '../utf8.js';

/** Marks a JSONL line that could not be read: it keeps its row number, and its error is said once. */
export const UNREADABLE_ROW = '\u0000unreadable';

/**
 * The text of an import file: UTF-8 (a BOM is dropped) or UTF-16 with its BOM; anything else must
 * be named with --encoding, rather than being read as UTF-8 and stored garbled.
 */
export async function readText(file: string, encoding?: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new InputError(`cannot read ${file}: ${(err as Error).message}`);
  }
  if (encoding) {
    const iconv = (await import('iconv-lite')).default;
    if (!iconv.encodingExists(encoding))
      throw new UsageError(
        `--encoding ${encoding}: not an encoding this build knows (e.g. utf-8, windows-1252, latin1, utf-16le, shift_jis, gbk)`,
      );
    return iconv.decode(bytes, encoding).replace(/^\uFEFF/, '');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, at).toString('latin1').split('\n').length;
    throw new InputError(
      `${file} is not UTF-8 (line ${line}, byte ${at} is not valid UTF-8): re-save it as UTF-8, or name its encoding, e.g. --encoding windows-1252`,
    );
  }
}

/** Reads CSV or JSONL rows; JSONL lines that are not objects become row errors. */
export async function readRows(
  file: string,
  format: 'csv' | 'tsv' | 'jsonl',
  encoding?: string,
  names?: string[],
): Promise<{ rows: Record<string, unknown>[]; columns: string[]; errors: string[] }> {
  const text = await readText(file, encoding);
  if (!text.trim()) throw new InputError(`${file} is empty: nothing to import`);
  if (format === 'csv' || format === 'tsv') {
    const { parse } = await import('csv-parse/sync');
    const what = format.toUpperCase();
    // Tab-separated files are mostly written without quoting: a quote is part of the text.
    const dialect = format === 'tsv' ? { delimiter: '\t', quote: false as const } : {};
    let header: string[];
    try {
      header = names ?? (parse(text, { to_line: 1, bom: true, ...dialect }) as string[][])[0] ?? [];
    } catch (err) {
      throw new InputError(`${file} is not readable ${what}: ${(err as Error).message}`);
    }
    if (format === 'csv' && !names && header.length === 1 && header[0]!.includes('\t')) {
      throw new InputError(`${file}: its first line is separated by tabs, not commas; pass --format tsv`);
    }
    const twice = header.filter((c, i) => c.trim() && header.indexOf(c) !== i);
    if (twice.length)
      throw new InputError(
        `${file}: the column${twice.length > 1 ? 's' : ''} ${[...new Set(twice)].map((c) => `"${c}"`).join(', ')} appear${twice.length > 1 ? '' : 's'} twice; rename one so no answer is dropped`,
      );
    try {
      const rows = parse(text, {
        columns: names ?? true,
        skip_empty_lines: true,
        relax_column_count: true,
        bom: true,
        trim: false,
        ...dialect,
      }) as Record<string, unknown>[];
      return { rows, columns: header, errors: [] };
    } catch (err) {
      throw new InputError(
        `${file} is not readable ${what}: ${(err as Error).message}${names ? '' : ' (a file without a header row needs --columns)'}`,
      );
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
      rows.push({ [UNREADABLE_ROW]: true });
    }
  });
  return { rows, columns: [...columns], errors };
}

export const importCommand: CommandSpec = {
  name: 'import',
  summary: 'import reviews, survey answers or posts from a CSV, TSV or JSONL file',
  args: ['<file>'],
  help: `
Columns are recognised by common names (text, review text, title, rating, author, date, id, url,
lang, product, location); map others with --map "COLUMN=field". A row with an id is that
document; a row without one is known by its text, author and date, so importing a file again adds
nothing and another file of the same name adds its own rows. In JSONL, texts must be JSON strings
and ids strings or whole numbers; a row with another type there, or with an id an earlier row
already used, is left out and named. Example:
  radar import answers.csv --brand brewlab --map "What did you like?=body" --kind review`,
  options: [
    {
      flags: '--format <format>',
      description: 'file format (default: from the file extension: .csv, .tsv/.tab/.txt, .jsonl/.json)',
      choices: ['csv', 'tsv', 'jsonl'],
    },
    {
      flags: '--columns <names>',
      description: 'comma-separated column names of a CSV/TSV file without a header row (its first line is then a row)',
    },
    { flags: '--brand <id>', description: 'brand every row is about (or map a brand column)' },
    { flags: '--product <id>', description: 'product every row is about (or map a product column)' },
    { flags: '--kind <kind>', description: 'what the rows are', choices: ['review', 'mention'], default: 'review' },
    {
      flags: '--map <col=field...>',
      description: 'map a column to a field: body, title, rating, author, publishedAt, id, url, lang, brand, product, location',
    },
    { flags: '--source <id>', description: 'source id to store the rows under (default: import-<file name>)' },
    {
      flags: '--rating-scale <n>',
      description: 'best value of bare-number ratings, or worst-best for a scale that does not start at 1 (e.g. 0-10 for NPS answers)',
      default: '5',
    },
    { flags: '--strict', description: 'import nothing if any row has a problem' },
    { flags: '--errors <file>', description: 'write the per-row problems to this file' },
    {
      flags: '--encoding <name>',
      description: "the file's character encoding when it is not UTF-8 (or UTF-16 with a BOM), e.g. windows-1252",
    },
  ],
  async run(args, options, ctx) {
    const file = args[0]!;
    const ext = extname(file).toLowerCase();
    const format =
      (options.format as 'csv' | 'tsv' | 'jsonl' | undefined) ??
      (/\.jsonl?$/i.test(file) ? 'jsonl' : ext === '.csv' ? 'csv' : ['.tsv', '.tab', '.txt'].includes(ext) ? 'tsv' : undefined);
    if (!format) throw new UsageError(`cannot tell the format of ${file}; pass --format csv, tsv or jsonl`);
    const names =
      options.columns === undefined
        ? undefined
        : String(options.columns)
            .split(',')
            .map((c) => c.trim());
    if (names && (format === 'jsonl' || names.some((c) => !c) || new Set(names).size !== names.length)) {
      throw new UsageError(
        `--columns ${String(options.columns)}: ${format === 'jsonl' ? 'JSONL rows name their own fields' : 'give each column a name, once, separated by commas (e.g. --columns text,label)'}`,
      );
    }
    const { config } = await loadProject(ctx);
    const brand = options.brand as string | undefined;
    if (brand && !config.brands.some((b) => b.id === brand))
      throw new UsageError(`--brand ${brand}: no such brand in radar.yaml (brands: ${config.brands.map((b) => b.id).join(', ')})`);
    const product = options.product as string | undefined;
    if (product) {
      const products = config.brands.filter((b) => !brand || b.id === brand).flatMap((b) => b.products.map((p) => p.id));
      if (!products.includes(product)) {
        throw new UsageError(
          `--product ${product}: no such product${brand ? ` of ${brand}` : ''} in radar.yaml (${products.length ? `products: ${products.join(', ')}` : 'it lists none; add the product under its brand first'})`,
        );
      }
    }
    const { parseMappings, resolveColumns, planImport } = await import('../../importers/import-rows.js');
    let mappings: ReturnType<typeof parseMappings>;
    try {
      mappings = parseMappings((options.map as string[] | undefined) ?? []);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    if (options.errors && resolve(String(options.errors)) === resolve(file))
      throw new UsageError(`--errors ${String(options.errors)}: that is the file being imported; name another file for the problems`);
    const { rows, columns, errors: readErrors } = await readRows(file, format, options.encoding as string | undefined, names);
    const { fields, problems } = resolveColumns(columns, mappings);
    if (problems.length) throw new InputError(`nothing imported from ${file}:\n  ${problems.join('\n  ')}`);
    const scaleText = String(options.ratingScale).trim();
    const range = /^(\d+(?:\.\d+)?)\s*[-–]\s*(\d+(?:\.\d+)?)$/.exec(scaleText);
    const scale = range ? Number(range[2]) : Number(scaleText);
    const worst = range ? Number(range[1]) : undefined;
    if (!(scale > 0) || (worst !== undefined && !(worst < scale)))
      throw new UsageError(`--rating-scale ${scaleText}: expected the best value (e.g. 5 or 10) or worst-best (e.g. 0-10)`);
    const name = basename(file);
    if (options.source !== undefined && !/^[a-z0-9][a-z0-9_-]*$/.test(String(options.source)))
      throw new UsageError(`--source ${String(options.source)}: use lower-case letters, digits, "-" and "_" (like the ids in radar.yaml)`);
    const sourceId =
      (options.source as string | undefined) ??
      `import-${name
        .replace(/\.[^.]+$/, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')}`;
    return withWritableStore(ctx, config, async (store) => {
      const { resolveSalt } = await import('../../pipeline/salt.js');
      const salt = await resolveSalt(config, store);
      const plan = planImport(
        rows,
        fields,
        {
          sourceId,
          kind: options.kind as 'review' | 'mention',
          brand,
          product: options.product as string | undefined,
          ratingScale: scale,
          ...(worst !== undefined ? { ratingWorst: worst } : {}),
          file: name,
          now: new Date().toISOString(),
        },
        config,
        { salt, storeAuthorNames: config.privacy.storeAuthorNames, redactPII: config.privacy.redactPII },
      );
      const rowErrors = [...readErrors, ...plan.errors];
      if (options.errors) {
        await writeFile(String(options.errors), rowErrors.map((e) => `${e}\n`).join('')).catch((err: Error) => {
          throw new UsageError(`--errors ${String(options.errors)}: cannot write the problems there (${err.message})`);
        });
      }
      for (const e of rowErrors.slice(0, 20)) say(ctx, `  ${e}`);
      if (rowErrors.length > 20)
        say(
          ctx,
          `  … and ${rowErrors.length - 20} more${options.errors ? ` (all in ${String(options.errors)})` : ' (use --errors FILE for all)'}`,
        );
      if (options.strict && rowErrors.length)
        throw new InputError(`nothing imported: ${rowErrors.length} of ${rows.length} rows have problems (--strict)`);
      // People who asked to be forgotten stay forgotten.
      const { forgottenAuthors } = await import('../../storage/forget.js');
      const forgotten = await forgottenAuthors(store);
      const documents = plan.documents.filter((d) => !d.authorKey || !forgotten.has(d.authorKey));
      const authors = plan.authors.filter((a) => !forgotten.has(a._id));
      if (documents.length < plan.documents.length)
        say(ctx, `${plan.documents.length - documents.length} rows by authors removed on request (radar forget) were left out`);
      if (!documents.length) throw new InputError(`nothing imported: none of the ${rows.length} rows is usable`);
      const result = await store.upsertDocuments(documents);
      // What the store holds now, not what was sent: the plan gives each row its own document id.
      const stored = result.inserted.length + result.updated.length + result.unchanged;
      if (authors.length) await store.upsertAuthors(authors);
      if (plan.unknownProducts.length)
        say(
          ctx,
          `note: products not in radar.yaml were imported under their own ids: ${plan.unknownProducts.slice(0, 10).join(', ')}${plan.unknownProducts.length > 10 ? ', …' : ''}`,
        );
      say(
        ctx,
        `${file}: ${stored} of ${rows.length} rows imported into ${sourceId} (${result.inserted.length} new, ${result.updated.length} updated, ${result.unchanged} unchanged)${rowErrors.length ? `; ${rowErrors.length} rows skipped` : ''}`,
      );
      return 0;
    });
  },
};
