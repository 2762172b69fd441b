#!/usr/bin/env bash
# Before and after, side by side: two server builds over the same database (seed-data/ + 1,000 synthetic articles),
# uncached (GraphQL__ResponseCache__Enabled=false: every POST runs its SQL), rate limiting off, each loaded at the same
# time by its own wrk with LOAD_CONNECTIONS connections, so whatever else the shared machine does falls on both alike.
# A ratio of two runs taken one after the other swings by 10 % and more here; a paired ratio by 2-3 %.
# For each workload of tests/ContentHub.Benchmarks/Workloads/ given (article, list and filtered by default): both
# servers are warmed up together for LOAD_WARMUP (tiered compilation needs about 15 s under load on 2 cores), then
# PAIRED_ROUNDS paired runs; prints each round and the medians of the ratios after/before of requests/s and of the
# server's CPU time per request (from /proc), with each build's median p50 and p99.
# Usage: bash scripts/load/run-paired-load.sh BEFORE.dll AFTER.dll [workload…]
#   e.g. git worktree add --detach /tmp/before <commit> && dotnet build -c Release /tmp/before/src/ContentHub.Server
#        bash scripts/load/run-paired-load.sh /tmp/before/src/ContentHub.Server/bin/Release/net10.0/ContentHub.Server.dll \
#          src/ContentHub.Server/bin/Release/net10.0/ContentHub.Server.dll
# Environment: LOAD_DURATION (10s), LOAD_WARMUP (25s), LOAD_CONNECTIONS (16 per server), LOAD_THREADS (1 per wrk), PAIRED_ROUNDS (3);
# LOAD_DATABASE=PostgreSql to run both on a private PostgreSQL cluster on loopback (scripts/lib/postgres.sh) instead of SQLite.
# The database is created with AFTER's command line: BEFORE must read the same schema (no migration in between).
set -euo pipefail

load_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib/server.sh
source "$load_dir/../lib/server.sh"
# shellcheck source=../lib/wrk.sh
source "$load_dir/../lib/wrk.sh"
# shellcheck source=../lib/postgres.sh
source "$load_dir/../lib/postgres.sh"
[[ $# -ge 2 ]] || { echo "usage: $0 BEFORE.dll AFTER.dll [workload…]" >&2; exit 2; }
before_dll="$(realpath "$1")" after_dll="$(realpath "$2")"
shift 2
workloads=("$@")
[[ ${#workloads[@]} -gt 0 ]] || workloads=(article list filtered)
duration="${LOAD_DURATION:-10s}" warmup="${LOAD_WARMUP:-25s}" connections="${LOAD_CONNECTIONS:-16}" threads="${LOAD_THREADS:-1}"
rounds="${PAIRED_ROUNDS:-3}"
workload_dir="$repo_root/tests/ContentHub.Benchmarks/Workloads"
require_wrk
for tool in jq curl; do command -v "$tool" >/dev/null || { echo "run-paired-load: $tool is required" >&2; exit 2; }; done

use_scratch_dir
database="$tmp/contenthub.db"
before_pid="" after_pid=""
trap 'kill $before_pid $after_pid 2>/dev/null || true; pg_private_stop; rm -rf "$tmp"' EXIT
use_load_database
dll="$after_dll"
echo "run-paired-load: seeding $where (seed-data/ + 1,000 synthetic articles)"
run_cli load seed --synthetic 1000 >"$tmp/seed.log" 2>&1 || { cat "$tmp/seed.log" >&2; exit 2; }
settings=(Http__RateLimitBurst=0 Scheduling__Enabled=false Webhooks__Enabled=false GraphQL__ResponseCache__Enabled=false)
dll="$before_dll"
start_server before "${settings[@]}"
before_pid="$server_pid" before_base="$base"
dll="$after_dll"
start_server after "${settings[@]}"
after_pid="$server_pid" after_base="$base"
server_pid="" # both stopped by the trap

BODY_FILE="$tmp/body.json"
export BODY_FILE
# body NAME: the POST body of a workload into $BODY_FILE (page 3 of the filtered list: page 2's endCursor as $after).
body() {
  local variables='{}'
  if [[ "$1" == filtered ]]; then
    local after=null
    for _ in 1 2; do
      after="$(jq -n --rawfile query "$workload_dir/filtered.graphql" --argjson after "$after" '{query: $query, variables: {after: $after}}' |
        curl -s -H 'Content-Type: application/json' --data-binary @- "$after_base/graphql" | jq '.data.articles.pageInfo.endCursor')"
    done
    variables="{\"after\": $after}"
  fi
  jq -n --rawfile query "$workload_dir/$1.graphql" --argjson variables "$variables" '{query: $query, variables: $variables}' >"$BODY_FILE"
}

# answer BASE: the workload's answer from one server.
answer() {
  curl -s -H 'Content-Type: application/json' --data-binary "@$BODY_FILE" "$1/graphql"
}

summary=()
for workload in "${workloads[@]}"; do
  body "$workload"
  before_answer="$(answer "$before_base")"
  jq -e '.data and (.errors | not)' <<<"$before_answer" >/dev/null || { echo "$workload fails: ${before_answer:0:300}" >&2; exit 2; }
  [[ "$(answer "$after_base")" == "$before_answer" ]] || echo "run-paired-load: $workload answers differently after (compare them by hand)" >&2
  paired_warmup "$before_base" "$after_base"
  rps_ratios="" cpu_ratios="" p50s_before="" p50s_after="" p99s_before="" p99s_after=""
  for round in $(seq "$rounds"); do
    read -r before_rps before_p50 before_p99 before_us after_rps after_p50 after_p99 after_us < <(paired_round "$before_pid" "$before_base" "$after_pid" "$after_base")
    [[ -n "$after_us" ]] || exit 1
    rps_ratios+="$(awk -v a="$after_rps" -v b="$before_rps" 'BEGIN { print a / b }') "
    cpu_ratios+="$(awk -v a="$after_us" -v b="$before_us" 'BEGIN { print a / b }') "
    p50s_before+="$before_p50 " p50s_after+="$after_p50 " p99s_before+="$before_p99 " p99s_after+="$after_p99 "
    printf '%-9s round %s  before %6s req/s %5s µs CPU/request p50 %6s ms | after %6s req/s %5s µs p50 %6s ms\n' \
      "$workload" "$round" "$before_rps" "$before_us" "$before_p50" "$after_rps" "$after_us" "$after_p50"
  done
  summary+=("$(printf '%-9s %11.2f× %16.2f× %10s → %-8s %10s → %s' "$workload" \
    "$(median <<<"$rps_ratios")" "$(median <<<"$cpu_ratios")" \
    "$(median <<<"$p50s_before")" "$(median <<<"$p50s_after")" "$(median <<<"$p99s_before")" "$(median <<<"$p99s_after")")")
done

echo
printf '%-9s %12s %17s %20s %20s   (medians of %s paired rounds; %s connections per server, %s per run)\n' \
  workload "req/s after÷before" "CPU/request a÷b" "p50 ms before → after" "p99 ms before → after" "$rounds" "$connections" "$duration"
printf '%s\n' "${summary[@]}"
