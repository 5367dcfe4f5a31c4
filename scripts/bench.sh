#!/usr/bin/env bash
# `npm run bench`: sets up the project, starts the services the store and queue benchmarks need
# (Redis, FerretDB, Chromium — as the tests do), runs bench/run.ts, stops the services.
# Extra arguments go to the bench (e.g. `npm run bench -- --only=score,queue`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
state="$(mktemp)"
trap 'bash scripts/services.sh stop "$state"' EXIT
bash scripts/services.sh start "$state"
# shellcheck disable=SC1090
. "$state"
export RADAR_REDIS_URL="${RADAR_REDIS_URL:-${RADAR_TEST_REDIS_URL:-}}"
export RADAR_MONGODB_BENCH_URI="${RADAR_MONGODB_URI:-${RADAR_TEST_MONGODB_URI:-}}"
node dist/bench/run.js "$@"
