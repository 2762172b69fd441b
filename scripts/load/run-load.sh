#!/usr/bin/env bash
# HTTP load run of the four workloads in tests/ContentHub.Benchmarks/Workloads/ against a Release server on loopback,
# over a fresh SQLite database seeded with seed-data/ and `seed --synthetic 1000` (LOAD_ARTICLES). Two servers in turn, on the same
# database, each also serving the fixed-JSON baseline (Benchmark__BaselineEndpoint=true) in the same process:
#   uncached  GraphQL__ResponseCache__Enabled=false: every POST runs the query against SQLite;
#   cached    the default cache: the same POST repeated, then GET with If-None-Match of its ETag (304).
# Anonymous requests through the whole pipeline (authentication, draft filtering), rate limiting off.
# The uncached pass also runs the list page as an editor (editor-list: authenticated, drafts included, never cached).
# Prints, per workload: requests/s, p50, p99, the ratio to the baseline, the target and whether it is met; for the
# uncached pass also what the server's runtime counters say (dotnet-counters, pinned in .config/dotnet-tools.json):
# bytes allocated, CPU time and lock contentions per request, and the share of wall time spent in GC pauses; and how
# long that server took from launch to ready (a cold start) and its peak resident memory.
# Usage: bash scripts/load/run-load.sh [path/to/ContentHub.Server.dll]   (build first: dotnet build -c Release src/ContentHub.Server)
# Each server first runs every workload for LOAD_SERVER_WARMUP (5s): the figures are its steady state, after the JIT's
# tiered compilation has optimised the hot code, not its first seconds (a cold start is measured by the benchmarks).
# Environment: LOAD_DURATION (10s per run), LOAD_WARMUP (2s), LOAD_SERVER_WARMUP (5s), LOAD_CONNECTIONS (32), LOAD_THREADS (2),
# LOAD_ARTICLES (1000: synthetic articles seeded; 1000000 takes some 5 minutes and 8.5 GB of disk);
# LOAD_DATABASE=PostgreSql to run on a private PostgreSQL cluster on loopback (scripts/lib/postgres.sh) instead of SQLite.
# Exits 0 when every target is met, 1 when one is not, 2 when the run cannot be made.
set -euo pipefail

load_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib/server.sh
source "$load_dir/../lib/server.sh"
# shellcheck source=../lib/wrk.sh
source "$load_dir/../lib/wrk.sh"
# shellcheck source=../lib/postgres.sh
source "$load_dir/../lib/postgres.sh"
pick_dll "${1:-}"
workloads="$repo_root/tests/ContentHub.Benchmarks/Workloads"
articles="${LOAD_ARTICLES:-1000}" duration="${LOAD_DURATION:-10s}" warmup="${LOAD_WARMUP:-2s}" server_warmup="${LOAD_SERVER_WARMUP:-5s}" connections="${LOAD_CONNECTIONS:-32}" threads="${LOAD_THREADS:-2}"

require_wrk
for tool in jq curl; do command -v "$tool" >/dev/null || { echo "run-load: $tool is required" >&2; exit 2; }; done

use_scratch_dir
database="$tmp/contenthub.db" # both passes serve the same content
trap 'stop_server; pg_private_stop; rm -rf "$tmp"' EXIT
use_load_database

echo "run-load: seeding $where (seed-data/ + $articles synthetic articles)"
run_cli load seed --synthetic "$articles" >"$tmp/seed.log" 2>&1 || { cat "$tmp/seed.log" >&2; exit 2; }
# Editors' requests are never cached: the uncached pass also runs the list page as an editor.
editor_key="$(run_cli load keys create --name load --role editor 2>/dev/null | grep -o 'chk_[A-Za-z0-9_-]*')" || { echo "run-load: no editor key" >&2; exit 2; }

# body NAME [VARIABLES_JSON]: the POST body of a workload into $tmp/NAME.json, checked to answer data without errors.
body() {
  local file="$tmp/$1.json"
  jq -n --rawfile query "$workloads/$1.graphql" --argjson variables "${2:-{\}}" '{query: $query, variables: $variables}' >"$file"
  local answer
  answer="$(curl -s -H 'Content-Type: application/json' --data-binary "@$file" "$base/graphql")"
  if ! jq -e '.data and (.errors | not)' <<<"$answer" >/dev/null; then
    echo "run-load: workload $1 does not answer cleanly: ${answer:0:400}" >&2
    exit 2
  fi
}

# Page 3 of the filtered list needs page 2's cursor.
filtered_variables() {
  local after=null
  for _ in 1 2; do
    after="$(jq -n --rawfile query "$workloads/filtered.graphql" --argjson after "$after" '{query: $query, variables: {after: $after}}' |
      curl -s -H 'Content-Type: application/json' --data-binary @- "$base/graphql" | jq '.data.articles.pageInfo.endCursor')"
  done
  echo "{\"after\": $after}"
}

failed=0
rows=()
runtime_rows=()

# start_counters: the server's System.Runtime counters, every second, into $tmp/counters.csv; started with the
# warm-up (the collector takes a moment to attach) and ending a second before the measured run does, so that every
# sample is taken under the same workload.
start_counters() {
  rm -f "$tmp/counters.csv"
  local seconds=$((${warmup%s} + ${duration%s} - 1))
  (cd "$repo_root" && exec dotnet tool run dotnet-counters collect --process-id "$server_pid" --counters System.Runtime \
    --format csv --output "$tmp/counters.csv" --refresh-interval 1 --duration "00:00:$((seconds / 60)):$((seconds % 60))") >/dev/null 2>&1 &
  counters_pid=$!
}

# runtime_row WORKLOAD RPS: per request, from the counters just collected: KB allocated, CPU ms, lock contentions; GC pause share.
runtime_row() {
  wait "$counters_pid" 2>/dev/null || true
  local row
  row="$(awk -F, -v rps="$2" '
    /total_allocated/ { allocated += $5; n++ } /gc\.pause\.time/ { pause += $5 } /cpu\.time/ { cpu += $5 } /lock_contentions/ { locks += $5 }
    END { if (n == 0 || rps == 0) { print "- - - -"; exit } printf "%.0f %.1f %.2f %.2f\n", allocated / n / rps / 1024, 100 * pause / n, 1000 * cpu / n / rps, locks / n / rps }' \
    "$tmp/counters.csv" 2>/dev/null || echo "- - - -")"
  local kb pause cpu locks met=yes target="<= 100 KB, GC pause < 3%"
  read -r kb pause cpu locks <<<"$row"
  if [[ -z "${uncached_share[$1]:-}" ]]; then
    met="-" target="" # search and editors' requests are measured, without a target of their own
  elif [[ "$kb" == - ]] || awk -v k="$kb" -v p="$pause" 'BEGIN { exit !(k > 100 || p >= 3) }'; then
    met=NO
    [[ "$kb" == - ]] || failed=1
  fi
  runtime_rows+=("$(printf '%-11s %9s %9s %9s %11s  %-28s %s' "$1" "$kb" "$pause" "$cpu" "$locks" "$target" "$met")")
}
# record PASS WORKLOAD "rps p50 p99 errors" TARGET MIN_RPS MAX_P50 MAX_P99 (empty: no bound)
record() {
  local pass="$1" workload="$2" target="$4" min_rps="$5" max_p50="$6" max_p99="$7" rps p50 p99 errors met=yes
  read -r rps p50 p99 errors <<<"$3"
  local ratio; ratio="$(awk -v r="$rps" -v b="$baseline_rps" 'BEGIN { printf "%.1f%%", 100 * r / b }')"
  if [[ "$errors" != 0 ]] \
    || { [[ -n "$min_rps" ]] && awk -v r="$rps" -v m="$min_rps" 'BEGIN { exit !(r < m) }'; } \
    || { [[ -n "$max_p50" ]] && awk -v p="$p50" -v m="$max_p50" 'BEGIN { exit !(p > m) }'; } \
    || { [[ -n "$max_p99" ]] && awk -v p="$p99" -v m="$max_p99" 'BEGIN { exit !(p > m) }'; }; then
    met=NO
    failed=1
  fi
  [[ "$errors" == 0 ]] || target="$target; $errors bad answers"
  [[ -n "$target" ]] || met="-"
  rows+=("$(printf '%-8s %-9s %9s %8s %8s %9s  %-34s %s' "$pass" "$workload" "$rps" "$p50" "$p99" "$ratio" "$target" "$met")")
  echo "  ${rows[-1]}"
}

# warm_up WORKLOAD...: each workload for $server_warmup, unmeasured. Tiered compilation recompiles a method with full
# optimisations only after it has run a while, on a background thread sharing the 2 cores: measured from a fresh
# start, the first workloads would mostly measure the JIT (the article page at 2.65-2.93 CPU ms per request 2 s after
# start, 0.64-0.84 ms after 20 s).
warm_up() {
  local workload
  for workload; do
    BODY_FILE="$tmp/$workload.json" wrk -t"$threads" -c"$connections" -d"$server_warmup" -s "$load_dir/post.lua" "$base/graphql" >/dev/null
  done
}

measure_baseline() {
  wrk -t"$threads" -c"$connections" -d"$warmup" "$base/benchmark/baseline" >/dev/null
  local result; result="$(wrk_run "$base/benchmark/baseline")"
  baseline_rps="${result%% *}"
  record "$1" baseline "$result" "" "" "" ""
}

# The uncached targets, as shares of the baseline measured in the same pass (about 2,800 / 4,200 / 3,800 requests/s here).
declare -A uncached_share=( [article]=4.2 [list]=6.3 [filtered]=6.0 [search]="" )
declare -A cached_rps

echo "run-load: wrk -t$threads -c$connections -d$duration per run, $warmup warm-up (each server first runs every workload $server_warmup); server $dll"
echo "  pass     workload       req/s   p50 ms   p99 ms  baseline  target                             met?"

# bodies: the POST body of every workload, in $tmp/WORKLOAD.json.
bodies() {
  local after workload
  after="$(filtered_variables)"
  for workload in article list filtered search; do
    body "$workload" "$([[ $workload == filtered ]] && echo "$after" || echo '{}')"
  done
}

start_server uncached Http__RateLimitBurst=0 Benchmark__BaselineEndpoint=true GraphQL__ResponseCache__Enabled=false
bodies
warm_up article list filtered search
measure_baseline uncached
for workload in article list filtered search editor-list; do
  file="$tmp/${workload#editor-}.json"
  as=()
  if [[ "$workload" == editor-* ]]; then as=(-H "Authorization: Bearer $editor_key"); fi
  start_counters
  BODY_FILE="$file" wrk -t"$threads" -c"$connections" -d"$warmup" "${as[@]}" -s "$load_dir/post.lua" "$base/graphql" >/dev/null
  share="${uncached_share[$workload]:-}"
  min=""
  [[ -z "$share" ]] || min="$(awk -v b="$baseline_rps" -v s="$share" 'BEGIN { printf "%.0f", b * s / 100 }')"
  result="$(BODY_FILE="$file" wrk_run "${as[@]}" -s "$load_dir/post.lua" "$base/graphql")"
  record uncached "$workload" "$result" "${share:+>= $share% ($min/s), }p50 <= 10, p99 <= 50" "$min" 10 50
  runtime_row "$workload" "${result%% *}"
done
uncached_ready_ms="$ready_ms"
uncached_peak_rss="$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$server_pid/status")"
stop_server

start_server cached Http__RateLimitBurst=0 Benchmark__BaselineEndpoint=true
bodies
warm_up article list filtered search
measure_baseline cached
for workload in article list filtered search; do
  file="$tmp/$workload.json"
  BODY_FILE="$file" wrk -t"$threads" -c"$connections" -d"$warmup" -s "$load_dir/post.lua" "$base/graphql" >/dev/null
  result="$(BODY_FILE="$file" wrk_run -s "$load_dir/post.lua" "$base/graphql")"
  cached_rps[$workload]="${result%% *}"
  min="$(awk -v b="$baseline_rps" 'BEGIN { printf "%.0f", 0.6 * b }')"
  record cached "$workload" "$result" ">= 60% of baseline, p99 <= 5" "$min" "" 5

  # A GET of the same request, then its revalidation with the ETag that GET carried.
  url="$base/graphql?$(jq -r '"query=\(.query | @uri)&variables=\(.variables | tojson | @uri)"' "$file")"
  etag="$(curl -s -o /dev/null -D - "$url" | tr -d '\r' | awk -F': ' 'tolower($1) == "etag" { print $2 }')"
  [[ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$url")" == 304 ]] ||
    { echo "run-load: $workload: If-None-Match $etag did not answer 304" >&2; exit 2; }
  wrk -t"$threads" -c"$connections" -d"$warmup" -H "If-None-Match: $etag" "$url" >/dev/null
  record 304 "$workload" "$(wrk_run -H "If-None-Match: $etag" "$url")" "> cached (${cached_rps[$workload]}/s), p99 <= 5" \
    "$((cached_rps[$workload] + 1))" "" 5
done
stop_server

echo
echo "pass     workload       req/s   p50 ms   p99 ms  baseline  target                             met?"
printf '%s\n' "${rows[@]}"
echo
echo "uncached, per request (server's runtime counters):"
echo "workload     alloc KB  GC pause%    CPU ms  lock waits  target                       met?"
printf '%s\n' "${runtime_rows[@]}"
echo "uncached server: ready ${uncached_ready_ms} ms after launch, peak resident memory ${uncached_peak_rss} MiB ($articles synthetic articles)"
exit "$failed"
