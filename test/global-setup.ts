/**
 * Compiles the project once before the tests: the end-to-end tests run the real `radar` binary
 * (dist/cli/main.js) and crash tests spawn real processes. Type errors are the build's and the
 * typecheck's business; here tsc emits JavaScript regardless, so tests still see the current code.
 */
import { spawnSync } from 'node:child_process';

export default function setup(): void {
  spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'ignore' });
}
