import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderReadme, schemaFile } from '../scripts/update-docs.js';

describe('generated docs are current (run `npm run docs` after changing the schema or the CLI)', () => {
  it('README configuration and CLI references match the code', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(renderReadme(readme)).toBe(readme);
  });

  it('radar.schema.json matches the zod schema', () => {
    expect(readFileSync('radar.schema.json', 'utf8')).toBe(schemaFile());
  });

  it('the README Quickstart has exactly two commands: the demo and the tests', () => {
    const readme = readFileSync('README.md', 'utf8');
    const quick = readme.slice(readme.indexOf('## Quickstart'), readme.indexOf('\n## ', readme.indexOf('## Quickstart') + 5));
    const block = /```sh\n([\s\S]*?)```/.exec(quick)?.[1] ?? '';
    const commands = block
      .split('\n')
      .map((l) => l.replace(/#.*$/, '').trim())
      .filter(Boolean);
    expect(commands).toEqual(['npm run demo', 'npm test']);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.demo).toBeDefined();
    expect(pkg.scripts.test).toBeDefined();
  });
});
