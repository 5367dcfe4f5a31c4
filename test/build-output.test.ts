/**
 * What ships: the build in dist/ holds the product only. Test helpers stay in the source tree, and
 * nothing compiled imports a package that `npm install --omit=dev` would leave out.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = 'dist';

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return path.endsWith('.js') ? [path] : [];
  });
}

/** The package a bare specifier names ('@scope/name/sub' → '@scope/name'). */
function packageOf(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

describe('the build (dist/)', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
  const runtime = new Set(Object.keys(pkg.dependencies));
  const builtins = new Set(builtinModules);
  const files = jsFiles(DIST);

  it('holds no tests or test helpers', () => {
    expect(files.length).toBeGreaterThan(50);
    const testish = files.filter((f) => /\.test\.js$/.test(f) || relative(DIST, f).startsWith('test/'));
    expect(testish).toEqual([]);
  });

  it('imports only runtime dependencies and Node built-ins', () => {
    const wrong: string[] = [];
    // Static imports and re-exports, dynamic import(), and require() (also through createRequire).
    const specifier =
      /^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|(?:\brequire|createRequire\([^)]*\))\(\s*['"]([^'"]+)['"]\s*\)/gm;
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      for (const m of code.matchAll(specifier)) {
        const spec = (m[1] ?? m[2] ?? m[3] ?? m[4])!;
        if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('node:') || spec.includes('${')) continue;
        const name = packageOf(spec);
        if (!runtime.has(name) && !builtins.has(name)) wrong.push(`${relative(DIST, file)} imports ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
