#!/usr/bin/env bash
# Makes a fresh clone runnable: installs the locked npm dependencies when they are missing or
# stale, and compiles the TypeScript. Safe to run again: it does nothing when all is current.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm dependencies (npm ci)…" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
else
  # npm ci runs the build through "prepare"; without it, rebuild when a source is newer than the build.
  if [ ! -f dist/cli/main.js ] || [ -n "$(find domain config storage crawlers analyzers reports pipeline jobs web importers cli demo privacy log bench -name '*.ts' -newer dist/cli/main.js -print -quit 2>/dev/null)" ]; then
    echo "setup: compiling TypeScript…" >&2
    npm run --silent build >&2
  fi
fi
