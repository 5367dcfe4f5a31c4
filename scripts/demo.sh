#!/usr/bin/env bash
# The demo command (`npm run demo`): sets up the project (and Chromium for the JavaScript-rendered
# demo product, when it can), then runs `radar demo` — crawl, analyse, report into ./radar-report.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ ! -x "${RADAR_CHROMIUM_PATH:-/usr/bin/chromium}" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "demo: installing Chromium with apt-get (for the JavaScript-rendered demo product)…" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2 || true
fi
exec node dist/cli/main.js demo "$@"
