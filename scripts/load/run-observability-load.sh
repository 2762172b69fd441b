#!/usr/bin/env bash
# The cost of observability (docs/operations.md#metrics-and-traces): throughput of one GraphQL list query, uncached
# (GraphQL__ResponseCache__Enabled=false: every POST runs against SQLite) and cached (the same POST answered from the
# response cache), under four settings, each on a server of its own over the same seeded database:
#   off        nothing configured (the default)
#   metrics    Observability__Prometheus__Path=/metrics (metrics collected; nobody scrapes during the run)
#   sampled-0  metrics and traces to OTLP/HTTP with TraceSamplingRatio=0 (listeners in place, no span recorded)
#   sampled-1  metrics and every request traced, all exported over OTLP/HTTP (to otlp-sink.py, which drops them)
# (The traced settings export metrics over OTLP instead of a scrape path: one metrics exporter in each setting, so
# the difference to "metrics" is what tracing costs. Both at once aggregate every measurement twice.)
# The settings take turns, round after round (OBS_LOAD_ROUNDS, 3), so a neighbour's load on a shared machine falls
# on all of them alike; prints each round, then per setting the median requests/s and the median CPU time the server
# spent per request (from /proc: less disturbed by neighbours than throughput), each with its ratio to "off".
# Usage: bash scripts/load/run-observability-load.sh [path/to/ContentHub.Server.dll]   (build: dotnet build -c Release src/ContentHub.Server)
# Each server is warmed up for LOAD_WARMUP (20s) before it is measured: under this load tiered compilation takes
# about 15 s on 2 cores to bring the hot path to its final code, and a shorter warm-up measures the JIT instead.
# Environment: LOAD_DURATION (8s), LOAD_WARMUP (20s), LOAD_CONNECTIONS (32), LOAD_THREADS (2), OBS_LOAD_ROUNDS (3).
set -euo pipefail

load_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib/server.sh
source "$load_dir/../lib/server.sh"
# shellcheck source=../lib/wrk.sh
source "$load_dir/../lib/wrk.sh"
pick_dll "${1:-}"
duration="${LOAD_DURATION:-8s}" warmup="${LOAD_WARMUP:-20s}" connections="${LOAD_CONNECTIONS:-32}" threads="${LOAD_THREADS:-2}"
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
trap 'stop_server; kill "$sink_pid" 2>/dev/null || true; rm -rf "$tmp"' EXIT

settings_of() {
  local otlp=(Observability__Otlp__Endpoint="http://127.0.0.1:$sink_port" Observability__Otlp__Protocol=HttpProtobuf)
  case "$1" in
    off) ;;
    metrics) echo Observability__Prometheus__Path=/metrics ;;
    sampled-0) echo "${otlp[@]}" Observability__TraceSamplingRatio=0 ;;
    sampled-1) echo "${otlp[@]}" Observability__TraceSamplingRatio=1 ;;
  esac
}

# cpu_ticks: the server's user + system CPU time so far, in clock ticks.
cpu_ticks() {
  awk '{ print $14 + $15 }' "/proc/$server_pid/stat"
}

declare -A results cpu
modes=(off metrics sampled-0 sampled-1)
for round in $(seq "$rounds"); do
  for mode in "${modes[@]}"; do
    for cache in uncached cached; do
      cache_env=()
      [[ "$cache" == cached ]] || cache_env=(GraphQL__ResponseCache__Enabled=false)
      # shellcheck disable=SC2046
      start_server "$mode-$cache" Http__RateLimitBurst=0 Scheduling__Enabled=false Webhooks__Enabled=false "${cache_env[@]}" $(settings_of "$mode")
      answer="$(curl -s -H 'Content-Type: application/json' --data-binary "@$tmp/list.json" "$base/graphql")"
      jq -e '.data and (.errors | not)' <<<"$answer" >/dev/null || { echo "the list query fails: ${answer:0:300}" >&2; exit 2; }
      duration="$warmup" BODY_FILE="$tmp/list.json" wrk_run -s "$load_dir/post.lua" "$base/graphql" >/dev/null
      cpu_before="$(cpu_ticks)"
      read -r rps p50 p99 errors <<<"$(BODY_FILE="$tmp/list.json" wrk_run -s "$load_dir/post.lua" "$base/graphql")"
      cpu_ms="$(awk -v t="$(($(cpu_ticks) - cpu_before))" -v hz="$(getconf CLK_TCK)" -v r="$rps" -v d="${duration%s}" 'BEGIN { printf "%.3f", 1000 * t / hz / (r * d) }')"
      stop_server
      [[ "$errors" == 0 ]] || { echo "$mode $cache: $errors bad answers" >&2; exit 1; }
      results["$mode $cache"]+="$rps "
      cpu["$mode $cache"]+="$cpu_ms "
      printf 'round %s  %-9s %-8s %8s req/s  p50 %6s ms  p99 %7s ms  %s CPU ms/request\n' "$round" "$mode" "$cache" "$rps" "$p50" "$p99" "$cpu_ms"
    done
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo
printf '%-9s %-8s %9s %8s %14s %8s   (medians of %s rounds; %s connections, %s per run)\n' \
  setting cache "req/s" "vs off" "CPU ms/req" "vs off" "$rounds" "$connections" "$duration"
for cache in uncached cached; do
  off="$(median <<<"${results["off $cache"]}")" off_cpu="$(median <<<"${cpu["off $cache"]}")"
  for mode in "${modes[@]}"; do
    value="$(median <<<"${results["$mode $cache"]}")" value_cpu="$(median <<<"${cpu["$mode $cache"]}")"
    printf '%-9s %-8s %9s %7s%% %14s %7s%%\n' "$mode" "$cache" "$value" "$(awk -v v="$value" -v o="$off" 'BEGIN { printf "%.1f", 100 * v / o }')" \
      "$value_cpu" "$(awk -v v="$value_cpu" -v o="$off_cpu" 'BEGIN { printf "%.1f", 100 * v / o }')"
  done
done
