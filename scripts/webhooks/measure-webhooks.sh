#!/usr/bin/env bash
# Measures webhook delivery against a live server and a receiver on loopback (docs/webhooks.md#performance):
#  1. publish → delivery latency (p50, p99) of WEBHOOK_SAMPLES publications, ~10 a second, and what a hanging
#     second endpoint does to the mutations' own times;
#  2. how fast a backlog of WEBHOOK_BACKLOG events (created while the dispatcher was off) drains to a healthy receiver.
# Usage: scripts/webhooks/measure-webhooks.sh [server.dll]   (default: the Release build, else Debug)
set -euo pipefail
source "$(dirname "$0")/../lib/server.sh"
dll_and_options "$@"
use_scratch_dir
samples="${WEBHOOK_SAMPLES:-300}"
backlog="${WEBHOOK_BACKLOG:-10000}"
script="$(dirname "$0")/measure-webhooks.mjs"
common=(Seeding__OnStartup=false Webhooks__AllowedNetworks__0=127.0.0.1/32 Http__RateLimitBurst=0 Logging__LogLevel__Default=Warning)

run_cli webhooks keys create --name webhooks --role admin >"$tmp/key" 2>/dev/null
key="$(grep -o 'chk_[A-Za-z0-9_-]*' "$tmp/key")" || { echo "measure-webhooks: no admin key" >&2; exit 2; }

start_server webhooks "${common[@]}"
node "$script" latency "$base" "$key" "$samples"
stop_server

# The backlog is written while no dispatcher runs, then a fresh server drains it.
receiver_port="$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"
start_server webhooks "${common[@]}" Webhooks__Enabled=false
node "$script" backlog "$base" "$key" "$backlog" "$receiver_port"
stop_server
node "$script" drain "$receiver_port" "$backlog" &
drainer=$!
start_server webhooks "${common[@]}"
wait "$drainer"
