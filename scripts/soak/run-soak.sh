#!/usr/bin/env bash
# Soak: starts a Release server on loopback with the seed content plus 1,000 synthetic articles, creates an
# editor key, and runs soak.mjs (default 10 minutes, 64 connections, 4 of them writing through mutations).
# Usage: bash scripts/soak/run-soak.sh [path/to/ContentHub.Server.dll] [soak.mjs options, e.g. --seconds 120]
# Exits with soak.mjs's code: 0 PASS, 1 FAIL, 2 setup problem.
set -euo pipefail

soak_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib/server.sh
source "$soak_dir/../lib/server.sh"
dll_and_options "$@"

use_scratch_dir

run_cli soak seed --synthetic 1000 >/dev/null
key="$(run_cli soak keys create --name soak --role editor 2>/dev/null | grep -o 'chk_[A-Za-z0-9_-]*')"
# Rate limits off: 64 clients on one address would otherwise be throttled, which is not what is measured.
start_server soak Http__RateLimitBurst=0
status=0
timeout --kill-after=10 1200 node "$soak_dir/soak.mjs" "$base/graphql" --key "$key" --pid "$server_pid" "${options[@]}" || status=$?
if ! kill -0 "$server_pid" 2>/dev/null; then
  echo "run-soak: the server DIED during the soak; last log lines:"
  tail -n 20 "$log"
  status=1
fi
echo "server log: $(server_errors) Error/Critical entries"
exit "$status"
