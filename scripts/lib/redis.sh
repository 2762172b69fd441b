# A private, throwaway Redis on loopback for scripts and CI: its own folder and port, no persistence, never the
# system service. Source this file, then: redis_private_install (only when redis-server is missing),
# redis_private_start (sets REDIS_PRIVATE_URL, a StackExchange.Redis configuration string host:port) ...
# redis_private_stop.

redis_private_install() {
  if ! command -v redis-server >/dev/null; then
    apt-get update -qq
    # Only the binary is wanted: a policy-rc.d refusing every start keeps the package's system service down.
    local policy=/usr/sbin/policy-rc.d created=""
    if [[ ! -e "$policy" ]]; then
      printf '#!/bin/sh\nexit 101\n' >"$policy"
      chmod +x "$policy"
      created=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
    if [[ -n "$created" ]]; then rm -f "$policy"; fi
  fi
}

# redis_private_ping PORT: whether a Redis answers PONG on 127.0.0.1:PORT (bash's /dev/tcp: no redis-cli needed).
redis_private_ping() {
  (
    exec 9<>"/dev/tcp/127.0.0.1/$1" && printf 'PING\r\n' >&9 && read -r -t 2 answer <&9 && [[ "$answer" == "+PONG"* ]]
  ) 2>/dev/null
}

redis_private_start() {
  local port
  REDIS_PRIVATE_DIR="$(mktemp -d "${TMPDIR:-/tmp}/contenthub-redis.XXXXXX")"
  # A free port: try random ones until the server answers on one.
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + RANDOM % 40000))
    redis-server --bind 127.0.0.1 --port "$port" --dir "$REDIS_PRIVATE_DIR" --save "" --appendonly no \
      --daemonize no --logfile "$REDIS_PRIVATE_DIR/server.log" &
    REDIS_PRIVATE_PID=$!
    for _ in $(seq 50); do
      if redis_private_ping "$port"; then
        REDIS_PRIVATE_URL="127.0.0.1:$port"
        return 0
      fi
      kill -0 "$REDIS_PRIVATE_PID" 2>/dev/null || break # the port was taken: try another
      sleep 0.1
    done
    kill "$REDIS_PRIVATE_PID" 2>/dev/null || true
    wait "$REDIS_PRIVATE_PID" 2>/dev/null || true
  done
  REDIS_PRIVATE_PID=""
  echo "redis.sh: the private Redis did not start; see $REDIS_PRIVATE_DIR/server.log" >&2
  return 1
}

redis_private_stop() {
  if [[ -n "${REDIS_PRIVATE_PID:-}" ]]; then
    kill "$REDIS_PRIVATE_PID" 2>/dev/null || true
    wait "$REDIS_PRIVATE_PID" 2>/dev/null || true
    REDIS_PRIVATE_PID=""
  fi
  if [[ -n "${REDIS_PRIVATE_DIR:-}" ]]; then
    rm -rf "$REDIS_PRIVATE_DIR"
    REDIS_PRIVATE_DIR=""
  fi
}
