# Starts and stops a ContentHub server on a free loopback port for the scripts under scripts/.
# Source it, then: pick_dll [path] (or dll_and_options "$@"); use_scratch_dir; start_server NAME [ENV=VALUE ...]; stop_server.
# After start_server: $base (http://127.0.0.1:port), $server_pid, $log, $ready_ms (launch to ready). Each server NAME gets its own SQLite
# database $tmp/NAME.db unless the caller sets $database.

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
server_pid=""
# Settings for another database than the SQLite file, e.g. (Database__Provider=PostgreSql "ConnectionStrings__ContentHub=...").
database_env=()

# pick_dll [path]: the given server build, else Release, else Debug; sets $dll.
pick_dll() {
  local build="$repo_root/src/ContentHub.Server/bin"
  if [[ -n "${1:-}" ]]; then
    dll="$1"
  elif [[ -f "$build/Release/net10.0/ContentHub.Server.dll" ]]; then
    dll="$build/Release/net10.0/ContentHub.Server.dll"
  else
    dll="$build/Debug/net10.0/ContentHub.Server.dll"
  fi
  [[ -f "$dll" ]] || { echo "no server build at $dll (run dotnet build -c Release src/ContentHub.Server)" >&2; exit 2; }
  dll="$(realpath "$dll")"
}

# dll_and_options ARGS...: a leading server build path (anything not starting with -) picks the build, as
# pick_dll does; the rest are the script's own options, left in the array $options.
dll_and_options() {
  if [[ $# -gt 0 && "$1" != -* ]]; then
    pick_dll "$1"
    shift
  else
    pick_dll
  fi
  options=("$@")
}

# use_scratch_dir: a temporary folder $tmp, removed (with any server stopped) when the script exits.
use_scratch_dir() {
  tmp="$(mktemp -d)"
  trap 'stop_server; rm -rf "$tmp"' EXIT
  trap 'exit 130' INT TERM
}

# database_of NAME: the SQLite file server NAME uses.
database_of() {
  echo "${database:-$tmp/$1.db}"
}

# run_cli NAME ARGS...: runs a verb of the server executable (keys, seed) on database NAME.
run_cli() {
  local name="$1"
  shift
  (cd "$(dirname "$dll")" && exec env ConnectionStrings__ContentHub="Data Source=$(database_of "$name")" "${database_env[@]}" dotnet "$dll" "$@")
}

stop_server() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 20); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}

# start_server NAME [ENV=VALUE ...]: a new server with its own SQLite database $tmp/NAME.db.
start_server() {
  local name="$1"
  shift
  local port
  port="$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"
  base="http://127.0.0.1:$port"
  log="$tmp/$name.log"
  local launched; launched="$(date +%s%N)"
  # Started from the build output folder so its appsettings.json is the configuration in force.
  (cd "$(dirname "$dll")" && exec env ConnectionStrings__ContentHub="Data Source=$(database_of "$name")" "${database_env[@]}" "$@" \
    dotnet "$dll" --urls "$base") >"$log" 2>&1 &
  server_pid=$!
  local deadline=$((SECONDS + 60))
  while ((SECONDS < deadline)); do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "the server exited during start-up; its log:" >&2
      cat "$log" >&2
      exit 2
    fi
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$base/health/ready")" == 200 ]]; then
      ready_ms=$((($(date +%s%N) - launched) / 1000000))
      return 0
    fi
    sleep 0.1
  done
  echo "$base/health/ready did not answer 200 within 60 s; server log:" >&2
  cat "$log" >&2
  exit 2
}

# server_errors: how many Error/Critical entries the server has logged (JSON console logs outside Development).
server_errors() {
  grep -c -E '"LogLevel":"(Error|Critical)"' "$log" || true
}
