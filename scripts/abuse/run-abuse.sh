#!/usr/bin/env bash
# Sends a battery of malicious GraphQL requests to a freshly started ContentHub server on loopback and reports
# the p99 of a normal query meanwhile (target: under 5x its idle value). Two passes, each on a new server and
# database: the rate limiter off (Http__RateLimitBurst=0, so it cannot hide the engine's own resistance), then
# the default rate limit on.
# Usage: bash scripts/abuse/run-abuse.sh [path/to/ContentHub.Server.dll] [abuse.mjs options, e.g. --seconds 10]
#        (build the server first: dotnet build -c Release src/ContentHub.Server; Release is preferred, else Debug)
# Exits 0 when both passes pass, 1 when either fails, 2 when the server cannot be started.
set -euo pipefail

abuse_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$abuse_dir/../.." && pwd)"
build="$repo_root/src/ContentHub.Server/bin"
if [[ $# -gt 0 && "$1" != -* ]]; then
  dll="$1"
  shift
elif [[ -f "$build/Release/net10.0/ContentHub.Server.dll" ]]; then
  dll="$build/Release/net10.0/ContentHub.Server.dll"
else
  dll="$build/Debug/net10.0/ContentHub.Server.dll"
fi
[[ -f "$dll" ]] || { echo "run-abuse: no server build at $dll (run dotnet build -c Release src/ContentHub.Server)" >&2; exit 2; }
dll="$(realpath "$dll")"

tmp="$(mktemp -d)"
server_pid=""
stop_server() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 20); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
cleanup() {
  stop_server
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_server NAME [ENV=VALUE ...]: a new server on a free loopback port with its own SQLite database.
start_server() {
  local name="$1"
  shift
  local port
  port="$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"
  base="http://127.0.0.1:$port"
  log="$tmp/$name.log"
  # Started from the build output folder so its appsettings.json is the configuration in force.
  (cd "$(dirname "$dll")" && exec env ConnectionStrings__ContentHub="Data Source=$tmp/$name.db" "$@" \
    dotnet "$dll" --urls "$base") >"$log" 2>&1 &
  server_pid=$!
  for _ in $(seq 60); do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "run-abuse: the server exited during start-up; its log:" >&2
      cat "$log" >&2
      exit 2
    fi
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$base/health/ready")" == 200 ]]; then
      return 0
    fi
    sleep 1
  done
  echo "run-abuse: $base/health/ready did not answer 200 within 60 s; server log:" >&2
  cat "$log" >&2
  exit 2
}

# run_pass NAME LABEL [ENV=VALUE ...]
overall=0
run_pass() {
  local name="$1" label="$2"
  shift 2
  echo "=== pass: $label; server $dll ==="
  start_server "$name" "$@"
  local status=0
  # The script bounds itself; timeout(1) is a second bound in case the node process itself wedges.
  timeout --kill-after=10 900 node "$abuse_dir/abuse.mjs" "$base/graphql" --label "$label" "${script_args[@]}" || status=$?
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "run-abuse: the server DIED during the pass; last log lines:"
    tail -n 20 "$log"
    status=1
  fi
  # Server-side errors logged during the pass (JSON console logs outside Development).
  local errors
  errors="$(grep -c -E '"LogLevel":"(Error|Critical)"' "$log" || true)"
  echo "server log: ${errors} Error/Critical entries"
  if [[ "$errors" != 0 ]]; then
    grep -E '"LogLevel":"(Error|Critical)"' "$log" | head -n 5 | cut -c1-400
  fi
  stop_server
  echo "=== pass: $label exit $status ==="
  echo
  if [[ "$status" -gt "$overall" ]]; then overall="$status"; fi
}

script_args=("$@")
run_pass rate-limit-off "rate limit off (Http__RateLimitBurst=0)" Http__RateLimitBurst=0
run_pass rate-limit-on "rate limit on (defaults: 100/s, burst 200 per address)"
exit "$overall"
