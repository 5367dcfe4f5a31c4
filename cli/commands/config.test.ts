import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { radar, tempDir } from '../../test/cli.js';

const YAML = `# Kettle project — edited as code, reviewed in pull requests
project: kettles
brands:
  - id: acme # our own brand
    name: Acme
    own: true
    sources:
      - id: shop
        urls: ["http://127.0.0.1:9/kettle"]
        schedule: "0 6 * * *"   # before the team starts
`;

describe('radar config export / apply', () => {
  it('round-trips radar.yaml through the store, comments kept, and says when the file and the store differ', async () => {
    const cwd = tempDir('radar-config-cli-');
    writeFileSync(join(cwd, 'radar.yaml'), YAML);
    const none = await radar(['config', 'export'], { cwd });
    expect(none.code).toBe(2);

    const applied = await radar(['config', 'apply', 'radar.yaml'], { cwd });
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stderr).toContain('as revision 1');
    const exported = await radar(['config', 'export'], { cwd });
    expect(exported.stdout).toBe(YAML);

    // The file edited but not applied: commands run the store's project, and say so.
    writeFileSync(join(cwd, 'radar.yaml'), YAML.replace('name: Acme', 'name: Acme Kettles'));
    const runs = await radar(['runs'], { cwd });
    expect(runs.code).toBe(0);
    expect(runs.stderr).toContain('differs from the project configuration kept in the store (revision 1');
    expect(runs.stderr).toContain('radar config apply');

    const again = await radar(['config', 'apply', 'radar.yaml'], { cwd });
    expect(again.stderr).toContain('as revision 2');
    expect((await radar(['runs'], { cwd })).stderr).not.toContain('differs');

    // An invalid file changes nothing.
    writeFileSync(join(cwd, 'bad.yaml'), 'brands:\n  - id: Bad Id\n    name: X\n');
    const bad = await radar(['config', 'apply', 'bad.yaml'], { cwd });
    expect(bad.code).toBe(78);
    expect(bad.stderr).toContain('brands[0].id');
    await radar(['config', 'export', '--out', 'back.yaml'], { cwd });
    expect(readFileSync(join(cwd, 'back.yaml'), 'utf8')).toContain('name: Acme Kettles');

    // Without radar.yaml the store's project is the project.
    rmSync(join(cwd, 'radar.yaml'));
    const bare = await radar(['runs'], { cwd });
    expect(bare.code, bare.stderr).toBe(0);
  }, 60_000);
});
