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
# shellcheck source=../lib/server.sh
source "$abuse_dir/../lib/server.sh"
dll_and_options "$@"

use_scratch_dir

# run_pass NAME LABEL [ENV=VALUE ...]
overall=0
run_pass() {
  local name="$1" label="$2"
  shift 2
  echo "=== pass: $label; server $dll ==="
  start_server "$name" "$@"
  local status=0
  # The script bounds itself; timeout(1) is a second bound in case the node process itself wedges.
  timeout --kill-after=10 900 node "$abuse_dir/abuse.mjs" "$base/graphql" --label "$label" "${options[@]}" || status=$?
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "run-abuse: the server DIED during the pass; last log lines:"
    tail -n 20 "$log"
    status=1
  fi
  # Server-side errors logged during the pass (JSON console logs outside Development).
  local errors
  errors="$(server_errors)"
  echo "server log: ${errors} Error/Critical entries"
  if [[ "$errors" != 0 ]]; then
    grep -E '"LogLevel":"(Error|Critical)"' "$log" | head -n 5 | cut -c1-400
  fi
  stop_server
  echo "=== pass: $label exit $status ==="
  echo
  if [[ "$status" -gt "$overall" ]]; then overall="$status"; fi
}

run_pass rate-limit-off "rate limit off (Http__RateLimitBurst=0)" Http__RateLimitBurst=0
run_pass rate-limit-on "rate limit on (defaults: 100/s, burst 200 per address)"
exit "$overall"
