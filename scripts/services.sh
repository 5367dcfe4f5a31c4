#!/usr/bin/env bash
# Services the tests need: Redis (BullMQ), a MongoDB wire-protocol server (FerretDB 1.24 on its
# SQLite backend) and Chromium. Installs what is missing (apt as root; FerretDB built once with Go
# into ~/.cache/review-radar), starts private instances on free loopback ports, and writes their
# addresses to the file named by $1 as shell exports. `services.sh stop FILE` stops them.
set -euo pipefail
FERRETDB_VERSION=v1.24.2
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/review-radar"
STATE_FILE="${2:-${1:-}}"

log() { echo "services: $*" >&2; }

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

wait_port() { # host port seconds
  for _ in $(seq 1 "$(( $3 * 10 ))"); do
    if node -e "const c=require('net').connect($2,'$1',()=>{c.end();process.exit(0)});c.on('error',()=>process.exit(1))" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  return 1
}

apt_install() {
  local missing=()
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  [ -x "${RADAR_CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
  # Chinese and Persian text in screenshots of reports and the web app needs fonts that have them.
  if command -v fc-list >/dev/null 2>&1; then
    [ -n "$(fc-list :lang=zh 2>/dev/null)" ] || missing+=(fonts-wqy-microhei)
    [ -n "$(fc-list :lang=fa 2>/dev/null)" ] || missing+=(fonts-noto-core)
  else
    missing+=(fonts-wqy-microhei fonts-noto-core)
  fi
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing ${missing[*]} with apt-get…"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
  else
    log "missing ${missing[*]}: install them (e.g. sudo apt-get install -y ${missing[*]})"
  fi
}

ferretdb_bin() {
  local bin="$CACHE/ferretdb-$FERRETDB_VERSION/ferretdb"
  if [ -n "${RADAR_FERRETDB_BIN:-}" ]; then echo "$RADAR_FERRETDB_BIN"; return 0; fi
  if [ -x "$bin" ]; then echo "$bin"; return 0; fi
  local go
  go="$(command -v go || true)"
  [ -z "$go" ] && [ -x /usr/local/go/bin/go ] && go=/usr/local/go/bin/go
  if [ -z "$go" ]; then log "Go is not installed: cannot build FerretDB"; return 1; fi
  log "building FerretDB $FERRETDB_VERSION with Go (once; cached in $CACHE)…"
  # `go install …@version` fails here (the proxy refuses the module list it checks for deprecation),
  # so download the module, copy it, write the version file its build expects, and build it.
  local dir src
  dir="$("$go" mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.parse(s).Dir))")"
  src="$(mktemp -d)"
  cp -r "$dir/." "$src/"
  chmod -R u+w "$src"
  echo "$FERRETDB_VERSION" > "$src/build/version/version.txt"
  mkdir -p "$(dirname "$bin")"
  (cd "$src" && GOFLAGS=-mod=mod "$go" build -o "$bin" ./cmd/ferretdb) >&2
  rm -rf "$src"
  echo "$bin"
}

start() {
  local state="$1"
  apt_install
  : > "$state"
  local chromium="${RADAR_CHROMIUM_PATH:-/usr/bin/chromium}"
  [ -x "$chromium" ] && echo "export RADAR_CHROMIUM_PATH=$chromium" >> "$state"

  if command -v redis-server >/dev/null 2>&1; then
    local rport; rport="$(free_port)"
    redis-server --bind 127.0.0.1 --port "$rport" --save "" --appendonly no --daemonize no >/dev/null 2>&1 &
    echo "REDIS_PID=$!" >> "$state"
    if wait_port 127.0.0.1 "$rport" 10; then
      echo "export RADAR_TEST_REDIS_URL=redis://127.0.0.1:$rport" >> "$state"
      log "redis on 127.0.0.1:$rport"
    else log "redis did not start"; fi
  fi

  local fbin
  if fbin="$(ferretdb_bin)"; then
    local mport data; mport="$(free_port)"; data="$(mktemp -d)"
    "$fbin" --handler=sqlite --sqlite-url="file:$data/" --listen-addr="127.0.0.1:$mport" --telemetry=disable \
      --state-dir=- --debug-addr=- --log-level=error >"$data/ferretdb.log" 2>&1 &
    echo "FERRETDB_PID=$!" >> "$state"
    echo "FERRETDB_DATA=$data" >> "$state"
    if wait_port 127.0.0.1 "$mport" 20; then
      echo "export RADAR_TEST_MONGODB_URI=mongodb://127.0.0.1:$mport/" >> "$state"
      log "FerretDB $FERRETDB_VERSION (MongoDB wire protocol) on 127.0.0.1:$mport"
    else log "FerretDB did not start (see $data/ferretdb.log)"; fi
  fi
}

stop() {
  local state="$1"
  [ -f "$state" ] || return 0
  # shellcheck disable=SC1090
  . "$state"
  [ -n "${REDIS_PID:-}" ] && kill "$REDIS_PID" 2>/dev/null || true
  [ -n "${FERRETDB_PID:-}" ] && kill "$FERRETDB_PID" 2>/dev/null || true
  [ -n "${FERRETDB_DATA:-}" ] && rm -rf "$FERRETDB_DATA" || true
  rm -f "$state"
}

case "${1:-}" in
  stop) stop "$STATE_FILE" ;;
  start) start "$STATE_FILE" ;;
  *) echo "usage: services.sh start|stop STATE_FILE" >&2; exit 2 ;;
esac
