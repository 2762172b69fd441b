#!/usr/bin/env bash
# Soak: starts a Release server on loopback with the seed content plus 1,000 synthetic articles, creates an
# editor key, and runs soak.mjs (default 10 minutes, 64 connections, 4 of them writing through mutations, the
# others reading through wrk, installed from the Debian packages when missing), then
# prints the response cache's hit rate from the server's counters (dotnet-counters, pinned in .config/dotnet-tools.json).
# Usage: bash scripts/soak/run-soak.sh [path/to/ContentHub.Server.dll] [soak.mjs options, e.g. --seconds 120]
# Exits with soak.mjs's code: 0 PASS, 1 FAIL, 2 setup problem.
set -euo pipefail

soak_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib/server.sh
source "$soak_dir/../lib/server.sh"
# shellcheck source=../lib/wrk.sh
source "$soak_dir/../lib/wrk.sh"
dll_and_options "$@"
require_wrk

use_scratch_dir

run_cli soak seed --synthetic 1000 >/dev/null
key="$(run_cli soak keys create --name soak --role editor 2>/dev/null | grep -o 'chk_[A-Za-z0-9_-]*')"
# Rate limits off: 64 clients on one address would otherwise be throttled, which is not what is measured.
start_server soak Http__RateLimitBurst=0
# The response cache's own counters (meter ContentHub.ResponseCache), for its hit rate under the editing load.
counters="$tmp/counters.csv"
(cd "$repo_root" && exec dotnet tool run dotnet-counters collect --process-id "$server_pid" --counters ContentHub.ResponseCache \
  --format csv --output "$counters" --refresh-interval 1 >/dev/null 2>&1) &
counters_pid=$!
status=0
timeout --kill-after=10 1200 node "$soak_dir/soak.mjs" "$base/graphql" --key "$key" --pid "$server_pid" "${options[@]}" || status=$?
if ! kill -0 "$server_pid" 2>/dev/null; then
  echo "run-soak: the server DIED during the soak; last log lines:"
  tail -n 20 "$log"
  status=1
fi
errors="$(server_errors)"
# The collector ends (and writes its file out) when the server does.
stop_server
for _ in $(seq 30); do kill -0 "$counters_pid" 2>/dev/null || break; sleep 1; done
kill -9 "$counters_pid" 2>/dev/null || true
if [[ -s "$counters" ]]; then
  awk -F, '/response_cache\.(hits|misses|stale)/ { split($3, name, " "); total[name[1]] += $5 }
    END { h = total["contenthub.response_cache.hits"]; m = total["contenthub.response_cache.misses"]; s = total["contenthub.response_cache.stale"];
          if (h + m + s > 0) printf "response cache: %d hits, %d misses, %d stale: hit rate %.1f%%\n", h, m, s, 100 * h / (h + m + s) }' "$counters"
else
  echo "response cache: no counters collected (dotnet tool restore installs dotnet-counters)"
fi
echo "server log: $errors Error/Critical entries"
exit "$status"
