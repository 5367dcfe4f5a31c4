#!/usr/bin/env bash
# The test command (`npm test`): sets up the project, starts the services the integration tests
# need (Redis, FerretDB, Chromium — installed when missing), runs every test, stops the services.
# Extra arguments go to vitest (e.g. `npm test -- storage`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
state="$(mktemp)"
trap 'bash scripts/services.sh stop "$state"' EXIT
bash scripts/services.sh start "$state"
# shellcheck disable=SC1090
. "$state"
npx vitest run "$@"
