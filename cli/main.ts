#!/usr/bin/env node
/** The `radar` executable: runs the program with the process's arguments and streams. */
// natural pulls in dotenv, which would print to stdout; JSONL output must stay clean.
process.env.DOTENV_CONFIG_QUIET ??= 'true';

// Output piped into `head` and the like: the reader left, so stop quietly, as other tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const { main } = await import('./program.js');
const { ExitCode } = await import('../domain/errors.js');

main(process.argv.slice(2), { verbose: false, quiet: false, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`radar: ${String(err)}\n`);
    process.exitCode = ExitCode.failure;
  },
);
