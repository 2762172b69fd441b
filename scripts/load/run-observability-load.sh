#!/usr/bin/env bash
# The cost of observability (docs/operations.md#what-it-costs): one GraphQL list query, uncached
# (GraphQL__ResponseCache__Enabled=false: every POST runs against SQLite) and cached (the same POST answered from the
# response cache), each observability setting against "off" (nothing configured, the default):
#   metrics    Observability__Prometheus__Path=/metrics (metrics collected; nobody scrapes during the run)
#   sampled-0  metrics and traces to OTLP/HTTP with TraceSamplingRatio=0 (listeners in place, no span recorded)
#   sampled-1  metrics and every request traced, all exported over OTLP/HTTP (to otlp-sink.py, which drops them)
# (The traced settings export metrics over OTLP instead of a scrape path: one metrics exporter in each setting, so
# the difference to "metrics" is what tracing costs. Both at once aggregate every measurement twice.)
# Paired runs: the setting's server and an "off" server run side by side over the same database, each loaded by its
# own wrk with half the connections, so whatever else the machine does falls on both alike; a ratio of two runs
# taken one after the other swings by 10 % and more on a shared machine, a paired ratio by 2-3 %. Both servers are
# first warmed up together for LOAD_WARMUP (25s): under this load tiered compilation takes about 15 s on 2 cores to
# bring the hot path to its final code, and a shorter warm-up measures the JIT. Then OBS_LOAD_ROUNDS paired runs;
# prints each, then per setting the median of the ratios setting/off: requests/s and the server's CPU time per
# request (from /proc).
# Usage: bash scripts/load/run-observability-load.sh [path/to/ContentHub.Server.dll]   (build: dotnet build -c Release src/ContentHub.Server)
# Environment: LOAD_DURATION (10s), LOAD_WARMUP (25s), LOAD_CONNECTIONS (16 per server), LOAD_THREADS (1 per wrk), OBS_LOAD_ROUNDS (3).
set -euo pipefail

load_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib/server.sh
source "$load_dir/../lib/server.sh"
# shellcheck source=../lib/wrk.sh
source "$load_dir/../lib/wrk.sh"
pick_dll "${1:-}"
duration="${LOAD_DURATION:-10s}" warmup="${LOAD_WARMUP:-25s}" connections="${LOAD_CONNECTIONS:-16}" threads="${LOAD_THREADS:-1}"
rounds="${OBS_LOAD_ROUNDS:-3}"
require_wrk
for tool in jq curl python3; do command -v "$tool" >/dev/null || { echo "run-observability-load: $tool is required" >&2; exit 2; }; done

use_scratch_dir
database="$tmp/contenthub.db"
echo "run-observability-load: seeding (seed-data/ + 500 synthetic articles)"
run_cli load seed --synthetic 500 >"$tmp/seed.log" 2>&1 || { cat "$tmp/seed.log" >&2; exit 2; }
jq -n --rawfile query "$repo_root/tests/ContentHub.Benchmarks/Workloads/list.graphql" '{query: $query, operationName: null}' >"$tmp/list.json"

sink_port="$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"
python3 "$load_dir/otlp-sink.py" "$sink_port" &
sink_pid=$!
off_pid="" setting_pid=""
trap 'kill $off_pid $setting_pid "$sink_pid" 2>/dev/null || true; rm -rf "$tmp"' EXIT

settings_of() {
  local otlp=(Observability__Otlp__Endpoint="http://127.0.0.1:$sink_port" Observability__Otlp__Protocol=HttpProtobuf)
  case "$1" in
    off) ;;
    metrics) echo Observability__Prometheus__Path=/metrics ;;
    sampled-0) echo "${otlp[@]}" Observability__TraceSamplingRatio=0 ;;
    sampled-1) echo "${otlp[@]}" Observability__TraceSamplingRatio=1 ;;
  esac
}

# start NAME SETTING CACHE: a server for the pair; sets $started_pid and $started_base.
start() {
  local cache_env=()
  [[ "$3" == cached ]] || cache_env=(GraphQL__ResponseCache__Enabled=false)
  # shellcheck disable=SC2046
  start_server "$1" Http__RateLimitBurst=0 Scheduling__Enabled=false Webhooks__Enabled=false "${cache_env[@]}" $(settings_of "$2")
  started_pid="$server_pid" started_base="$base"
  server_pid="" # stopped by this script, not by stop_server
  answer="$(curl -s -H 'Content-Type: application/json' --data-binary "@$tmp/list.json" "$started_base/graphql")"
  jq -e '.data and (.errors | not)' <<<"$answer" >/dev/null || { echo "the list query fails: ${answer:0:300}" >&2; exit 2; }
}

BODY_FILE="$tmp/list.json"
export BODY_FILE

declare -A rps_ratios cpu_ratios
modes=(metrics sampled-0 sampled-1)
for cache in uncached cached; do
  for mode in "${modes[@]}"; do
    start "off-$mode-$cache" off "$cache"
    off_pid="$started_pid" off_base="$started_base"
    start "$mode-$cache" "$mode" "$cache"
    setting_pid="$started_pid" setting_base="$started_base"
    paired_warmup "$off_base" "$setting_base"
    for round in $(seq "$rounds"); do
      read -r off_rps _ _ off_us rps p50 p99 us < <(paired_round "$off_pid" "$off_base" "$setting_pid" "$setting_base")
      [[ -n "$us" ]] || { echo "$mode $cache: the paired run failed" >&2; exit 1; }
      rps_ratios["$mode $cache"]+="$(awk -v r="$rps" -v o="$off_rps" 'BEGIN { print r / o }') "
      cpu_ratios["$mode $cache"]+="$(awk -v u="$us" -v o="$off_us" 'BEGIN { print u / o }') "
      printf '%-8s %-9s round %s  off %6s req/s %7s µs CPU/request | %-9s %6s req/s %7s µs (p50 %s ms, p99 %s ms)\n' \
        "$cache" "$mode" "$round" "$off_rps" "$off_us" "$mode" "$rps" "$us" "$p50" "$p99"
    done
    kill "$off_pid" "$setting_pid" 2>/dev/null || true
    wait "$off_pid" "$setting_pid" 2>/dev/null || true
    off_pid="" setting_pid=""
  done
done

echo
printf '%-9s %-8s %14s %18s   (medians of %s paired rounds; %s connections per server, %s per run)\n' \
  setting cache "req/s vs off" "CPU/request vs off" "$rounds" "$connections" "$duration"
for cache in uncached cached; do
  for mode in "${modes[@]}"; do
    printf '%-9s %-8s %13.1f%% %17.1f%%\n' "$mode" "$cache" \
      "$(median <<<"${rps_ratios["$mode $cache"]}" | awk '{ print 100 * $1 }')" "$(median <<<"${cpu_ratios["$mode $cache"]}" | awk '{ print 100 * $1 }')"
  done
done
