#!/usr/bin/env bash
# Runs the graphql-http server audit against a freshly started ContentHub server on loopback.
# Usage: bash scripts/audit/run-audit.sh [path/to/ContentHub.Server.dll]   (build the server first)
# Exits with the audit's exit code: 0 when every MUST and SHOULD audit passes.
set -euo pipefail

audit_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$audit_dir/../.." && pwd)"
dll="$(realpath "${1:-$repo_root/src/ContentHub.Server/bin/Debug/net10.0/ContentHub.Server.dll}")"
[[ -f "$dll" ]] || { echo "run-audit: no server build at $dll (run dotnet build src/ContentHub.Server)" >&2; exit 2; }

npm ci --prefix "$audit_dir" --no-audit --no-fund --loglevel=error

tmp="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

port="$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"
base="http://127.0.0.1:$port"

# Started from the build output folder so its appsettings.json is the configuration in force.
(cd "$(dirname "$dll")" && ConnectionStrings__ContentHub="Data Source=$tmp/audit.db" \
  exec dotnet "$dll" --urls "$base") >"$tmp/server.log" 2>&1 &
server_pid=$!

for _ in $(seq 60); do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "run-audit: the server exited during start-up; its log:" >&2
    cat "$tmp/server.log" >&2
    exit 2
  fi
  if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$base/health/ready")" == 200 ]]; then
    break
  fi
  sleep 1
done
if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$base/health/ready")" != 200 ]]; then
  echo "run-audit: $base/health/ready did not answer 200 within 60 s; server log:" >&2
  cat "$tmp/server.log" >&2
  exit 2
fi

status=0
node "$audit_dir/graphql-http-audit.mjs" "$base/graphql" || status=$?
exit "$status"
