/**
 * Regenerates the generated parts of the docs: radar.schema.json and the README's configuration
 * and CLI references (between <!-- generated:NAME --> markers). `npm run docs`; a test fails when
 * they are stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { configJsonSchema } from '../config/json-schema.js';
import { configReferenceMarkdown } from '../config/reference.js';
import { COMMANDS } from '../cli/program.js';

/** The CLI reference: one table row per command and option. */
export function cliReferenceMarkdown(): string {
  const out = [
    'Global options: `-c, --config <path>` (default `./radar.yaml`), `-v, --verbose`, `-q, --quiet`, `-V, --version`, `-h, --help`.',
    '',
  ];
  for (const c of COMMANDS) {
    out.push(
      `#### \`radar ${c.name}${(c.args ?? []).map((a) => ` ${a}`).join('')}\``,
      '',
      `${c.summary.charAt(0).toUpperCase() + c.summary.slice(1)}.`,
      '',
    );
    if (c.options?.length) {
      out.push('| Option | Description |', '| --- | --- |');
      for (const o of c.options) {
        const extra = [
          o.choices ? `one of ${o.choices.join(', ')}` : '',
          o.default !== undefined ? `default ${JSON.stringify(o.default)}` : '',
        ]
          .filter(Boolean)
          .join('; ');
        out.push(`| \`${o.flags}\` | ${o.description}${extra ? ` (${extra})` : ''} |`);
      }
      out.push('');
    }
  }
  return out.join('\n').trim();
}

/** Replaces the text between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`. */
export function fill(doc: string, name: string, content: string): string {
  const re = new RegExp(`(<!-- generated:${name} -->)[\\s\\S]*?(<!-- /generated:${name} -->)`);
  if (!re.test(doc)) throw new Error(`README.md has no generated:${name} markers`);
  return doc.replace(re, (_m, a: string, b: string) => `${a}\n${content}\n${b}`);
}

/** The README with every generated region refreshed. */
export function renderReadme(current: string): string {
  let doc = fill(current, 'config', configReferenceMarkdown());
  doc = fill(doc, 'cli', cliReferenceMarkdown());
  return doc;
}

/** radar.schema.json as written to disk. */
export function schemaFile(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/dist\//, '/dist/'))) {
  writeFileSync('README.md', renderReadme(readFileSync('README.md', 'utf8')));
  writeFileSync('radar.schema.json', schemaFile());
  process.stderr.write('updated README.md and radar.schema.json\n');
}
