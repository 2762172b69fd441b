# require_wrk: installs wrk (the HTTP load generator the load and soak scripts drive) from the Debian packages when missing.
require_wrk() {
  command -v wrk >/dev/null 2>&1 && return 0
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
}

# wrk_run [wrk args...]: one run of $duration with $threads threads and $connections connections (the caller's
# settings); prints "requests/s p50_ms p99_ms errors" (errors: non-2xx answers, plus 1 for any socket error).
wrk_run() {
  wrk -t"$threads" -c"$connections" -d"$duration" --latency "$@" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000 }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
    /^Requests\/sec/ { rps = $2 } /Non-2xx/ { errors += $NF } /Socket errors/ { errors += 1 }
    END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, errors }'
}
