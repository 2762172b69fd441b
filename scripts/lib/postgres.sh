# A private, throwaway PostgreSQL cluster on loopback for tests and CI: its own folder and port, never the
# system service. Source this file, then: pg_private_start (sets PG_PRIVATE_URL, an Npgsql connection string for
# a superuser "contenthub" with trust auth) ... pg_private_stop. As root the server runs as the "postgres" user
# (initdb and postgres refuse root). Installs the Debian package when no PostgreSQL is found.

pg_private_install() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    # The package's own "main" cluster and service are not wanted: only binaries.
    mkdir -p /etc/postgresql-common
    echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.conf
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
}

pg_private_start() {
  local bin port
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  PG_PRIVATE_DIR="$(mktemp -d "${TMPDIR:-/tmp}/contenthub-pg.XXXXXX")"
  PG_PRIVATE_BIN="$bin"
  PG_PRIVATE_AS=()
  if [[ "$(id -u)" == 0 ]]; then
    chown postgres "$PG_PRIVATE_DIR"
    PG_PRIVATE_AS=(runuser -u postgres --)
  fi
  "${PG_PRIVATE_AS[@]}" "$bin/initdb" -D "$PG_PRIVATE_DIR/data" -U contenthub --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$PG_PRIVATE_DIR/initdb.log"
  # A free port: try random ones until the server starts on one.
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + RANDOM % 40000))
    if "${PG_PRIVATE_AS[@]}" "$bin/pg_ctl" -D "$PG_PRIVATE_DIR/data" -l "$PG_PRIVATE_DIR/server.log" -w start \
      -o "-p $port -k $PG_PRIVATE_DIR -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      >/dev/null; then
      PG_PRIVATE_URL="Host=127.0.0.1;Port=$port;Username=contenthub;Database=postgres"
      return 0
    fi
  done
  echo "postgres.sh: the private PostgreSQL cluster did not start; see $PG_PRIVATE_DIR/server.log" >&2
  return 1
}

pg_private_stop() {
  if [[ -n "${PG_PRIVATE_DIR:-}" ]]; then
    "${PG_PRIVATE_AS[@]}" "$PG_PRIVATE_BIN/pg_ctl" -D "$PG_PRIVATE_DIR/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$PG_PRIVATE_DIR"
    PG_PRIVATE_DIR=""
  fi
}

# use_load_database: for the load scripts. With LOAD_DATABASE=PostgreSql, a private cluster (the caller's EXIT trap
# calls pg_private_stop) that database_env points the servers and the command line at; else the SQLite file
# $database. Sets $where to the database's description.
use_load_database() {
  where="$database"
  [[ "${LOAD_DATABASE:-Sqlite}" == PostgreSql ]] || return 0
  pg_private_install
  pg_private_start || exit 2
  where="PostgreSQL ($PG_PRIVATE_URL)"
  database_env=(Database__Provider=PostgreSql "ConnectionStrings__ContentHub=$PG_PRIVATE_URL")
}
