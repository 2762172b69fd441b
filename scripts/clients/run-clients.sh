#!/usr/bin/env bash
# Real GraphQL clients (graphql-js, Apollo Client) against a freshly started ContentHub server on loopback.
# Usage: bash scripts/clients/run-clients.sh [path/to/ContentHub.Server.dll]   (build the server first)
# Exits with client-checks.mjs's code: 0 when every check passes, 1 when one fails, 2 on a setup problem.
set -euo pipefail

clients_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib/server.sh
source "$clients_dir/../lib/server.sh"
pick_dll "${1:-}"

npm ci --prefix "$clients_dir" --no-audit --no-fund --loglevel=error

use_scratch_dir
run_cli clients seed >/dev/null
key="$(run_cli clients keys create --name clients --role editor 2>/dev/null | grep -o 'chk_[A-Za-z0-9_-]*')"
start_server clients
status=0
node "$clients_dir/client-checks.mjs" "$base/graphql" --key "$key" || status=$?
if [[ "$status" != 0 ]]; then
  echo "run-clients: the server's last log lines:"
  tail -n 20 "$log"
fi
exit "$status"
