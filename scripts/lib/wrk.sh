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

# Paired runs: two servers loaded at the same time, each by its own wrk, so that whatever else the machine does falls
# on both alike (a ratio of two runs taken one after the other swings by 10 % and more on a shared machine).
# paired_warmup BASE_A BASE_B: both loaded for $warmup with the POST body in $BODY_FILE, unmeasured.
paired_warmup() {
  (duration="$warmup" wrk_run -s "$repo_root/scripts/load/post.lua" "$1/graphql" >/dev/null) &
  local first=$!
  (duration="$warmup" wrk_run -s "$repo_root/scripts/load/post.lua" "$2/graphql" >/dev/null) &
  wait "$first" $!
}

# paired_round PID_A BASE_A PID_B BASE_B: both loaded for $duration with the POST body in $BODY_FILE; prints
# "rps_a p50_a p99_a us_a rps_b p50_b p99_b us_b" (us: the server's CPU microseconds per request, from /proc).
# Fails when either answers a request with an error.
paired_round() {
  local ticks_a ticks_b first second
  ticks_a="$(cpu_ticks "$1")" ticks_b="$(cpu_ticks "$3")"
  (wrk_run -s "$repo_root/scripts/load/post.lua" "$2/graphql" >"$tmp/paired-a.out") &
  first=$!
  (wrk_run -s "$repo_root/scripts/load/post.lua" "$4/graphql" >"$tmp/paired-b.out") &
  second=$!
  wait "$first" "$second"
  ticks_a=$(($(cpu_ticks "$1") - ticks_a)) ticks_b=$(($(cpu_ticks "$3") - ticks_b))
  local rps_a p50_a p99_a errors_a rps_b p50_b p99_b errors_b
  read -r rps_a p50_a p99_a errors_a <"$tmp/paired-a.out"
  read -r rps_b p50_b p99_b errors_b <"$tmp/paired-b.out"
  [[ "$errors_a" == 0 && "$errors_b" == 0 ]] || { echo "paired run: error answers ($errors_a on $2, $errors_b on $4)" >&2; return 1; }
  awk -v ra="$rps_a" -v rb="$rps_b" -v ta="$ticks_a" -v tb="$ticks_b" -v hz="$(getconf CLK_TCK)" -v d="${duration%s}" \
    -v pa="$p50_a" -v qa="$p99_a" -v pb="$p50_b" -v qb="$p99_b" \
    'BEGIN { printf "%s %s %s %.0f %s %s %s %.0f\n", ra, pa, qa, 1e6 * ta / hz / (ra * d), rb, pb, qb, 1e6 * tb / hz / (rb * d) }'
}

# cpu_ticks PID: the process's user + system CPU time so far, in clock ticks.
cpu_ticks() {
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

# median: the median of the numbers on standard input (separated by spaces or lines).
median() {
  tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
