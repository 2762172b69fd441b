#!/usr/bin/env bash
# Cluster: a private PostgreSQL and Redis and 3 Release server nodes on loopback sharing them (seed content plus
# 300 synthetic articles, schedulers on every node every 2 s), then cluster.mjs: a bounded mixed load through all
# nodes (default 75 s) that kills one node with SIGKILL mid-run; this script restarts it on the same port. Reports
# errors, killed in-flight requests, stale reads across nodes, scheduled items published exactly once, p50/p99 per node.
# Usage: bash scripts/cluster/run-cluster.sh [path/to/ContentHub.Server.dll] [cluster.mjs options, e.g. --seconds 120]
# Without a server build path it builds src/ContentHub.Server in Release first.
# Exits with cluster.mjs's code: 0 PASS, 1 FAIL (also when a node dies unasked or logs errors), 2 setup problem.
set -euo pipefail

cluster_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib/server.sh
source "$cluster_dir/../lib/server.sh"
# shellcheck source=../lib/postgres.sh
source "$cluster_dir/../lib/postgres.sh"
# shellcheck source=../lib/redis.sh
source "$cluster_dir/../lib/redis.sh"

setup_failed() {
  echo "run-cluster: $*" >&2
  exit 2
}

if [[ $# -eq 0 || "$1" == -* ]]; then
  dotnet build -c Release "$repo_root/src/ContentHub.Server" -v q -nologo >/dev/null || setup_failed "the Release build failed"
  pick_dll "$repo_root/src/ContentHub.Server/bin/Release/net10.0/ContentHub.Server.dll"
  options=("$@")
else
  dll_and_options "$@"
fi

node_count=3
node_pids=()
node_ports=()
node_logs=()
tmp="$(mktemp -d)"

stop_nodes() {
  local pid
  for pid in "${node_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${node_pids[@]}"; do
    for _ in $(seq 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  done
}
loader=""
cleanup() {
  if [[ -n "$loader" ]]; then kill "$loader" 2>/dev/null; fi
  stop_nodes
  redis_private_stop
  pg_private_stop
  rm -rf "$tmp"
}
# Called in a list, so errexit is off in it and the script's exit code stands.
trap 'cleanup || true' EXIT
trap 'exit 130' INT TERM

pg_private_install
pg_private_start || setup_failed "PostgreSQL did not start"
redis_private_install
redis_private_start || setup_failed "Redis did not start"

# Every node: the same database and Redis; rate limits off (all clients share one address); a short scheduler
# interval so scheduled items fall due during the run, and a short scheduler lease so that a node killed holding it
# holds up the others for 10 s only; no start-up seeding (done once below, before any node runs). The nodes also
# inherit the caller's environment: e.g. GraphQL__ResponseCache__Enabled=false bash run-cluster.sh.
node_env=(
  Database__Provider=PostgreSql
  "ConnectionStrings__ContentHub=$PG_PRIVATE_URL"
  "ConnectionStrings__Redis=$REDIS_PRIVATE_URL"
  Http__RateLimitBurst=0
  Scheduling__IntervalSeconds=2
  Scheduling__LeaseSeconds=10
  Seeding__OnStartup=false
)

cli() {
  (cd "$(dirname "$dll")" && env "${node_env[@]}" dotnet "$dll" "$@")
}
cli seed --synthetic 300 >"$tmp/seed.log" 2>&1 || { cat "$tmp/seed.log" >&2; setup_failed "seeding failed"; }
key="$(cli keys create --name cluster-editor --role editor 2>/dev/null | grep -o 'chk_[A-Za-z0-9_-]*')" || setup_failed "no editor key"
admin_key="$(cli keys create --name cluster-admin --role admin 2>/dev/null | grep -o 'chk_[A-Za-z0-9_-]*')" || setup_failed "no admin key"

# launch_node I: node I on its port (a restart keeps the port), logging to nodeN.<how many starts before>.log.
launch_node() {
  local i="$1"
  local starts=0
  while [[ -e "$tmp/node$((i + 1)).$starts.log" ]]; do starts=$((starts + 1)); done
  node_logs[i]="$tmp/node$((i + 1)).$starts.log"
  # Started from the build output folder so its appsettings.json is the configuration in force.
  (cd "$(dirname "$dll")" && exec env "${node_env[@]}" dotnet "$dll" --urls "http://127.0.0.1:${node_ports[i]}") >"${node_logs[i]}" 2>&1 &
  node_pids[i]=$!
  disown "${node_pids[i]}" # its death (the SIGKILL) is reported below, not by the shell
}

# await_node I: waits up to 90 s for node I's /health/ready to answer 200.
await_node() {
  local i="$1"
  for _ in $(seq 180); do
    kill -0 "${node_pids[i]}" 2>/dev/null || { echo "node$((i + 1)) exited during start-up; its log:" >&2; cat "${node_logs[i]}" >&2; return 1; }
    [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:${node_ports[i]}/health/ready")" == 200 ]] && return 0
    sleep 0.5
  done
  echo "node$((i + 1)) did not become ready within 90 s; its log:" >&2
  cat "${node_logs[i]}" >&2
  return 1
}

for ((i = 0; i < node_count; i++)); do
  node_ports[i]="$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"
  launch_node "$i"
done
for ((i = 0; i < node_count; i++)); do await_node "$i" || setup_failed "node$((i + 1)) did not start"; done
all_logs=("${node_logs[@]}")

nodes="$(printf 'http://127.0.0.1:%s,' "${node_ports[@]}")"
pids="$(printf '%s,' "${node_pids[@]}")"
timeout --kill-after=10 900 node "$cluster_dir/cluster.mjs" --nodes "${nodes%,}" --pids "${pids%,}" \
  --key "$key" --admin-key "$admin_key" "${options[@]}" &
loader=$!

# The supervisor: a node that dies (cluster.mjs kills one) is restarted on the same port.
deaths=0
while kill -0 "$loader" 2>/dev/null; do
  for ((i = 0; i < node_count; i++)); do
    if ! kill -0 "${node_pids[i]}" 2>/dev/null; then
      deaths=$((deaths + 1))
      echo "run-cluster: node$((i + 1)) (pid ${node_pids[i]}) is gone; restarting it on port ${node_ports[i]}"
      launch_node "$i"
      all_logs+=("${node_logs[i]}")
      await_node "$i" || echo "run-cluster: node$((i + 1)) did not come back"
    fi
  done
  sleep 0.2
done
status=0
wait "$loader" || status=$?
if [[ "$status" != [012] ]]; then
  echo "run-cluster: FAIL: cluster.mjs ended with code $status (124: it ran out of time)"
  status=1
fi

for log in "${all_logs[@]}"; do
  errors="$(grep -c -E '"LogLevel":"(Error|Critical)"' "$log" || true)"
  echo "server log $(basename "$log"): $errors Error/Critical entries"
  if [[ "$errors" != 0 ]]; then
    grep -E '"LogLevel":"(Error|Critical)"' "$log" | head -n 3 | cut -c1-400
    ((status)) || status=1
  fi
done
if [[ "$deaths" -gt 1 ]]; then
  echo "run-cluster: FAIL: $deaths node deaths; only the one killed on purpose was expected"
  ((status)) || status=1
fi
if [[ "$status" != 0 ]]; then
  kept="$(mktemp -d "${TMPDIR:-/tmp}/contenthub-cluster-logs.XXXXXX")"
  cp "${all_logs[@]}" "$kept/"
  echo "run-cluster: the node logs are kept in $kept"
fi
exit "$status"
