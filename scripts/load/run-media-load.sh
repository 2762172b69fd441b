#!/usr/bin/env bash
# Media load run (docs/media.md#performance), against a Release server on loopback with its own asset store:
#  1. first renditions: on a fresh server, the time of the first 800 px WebP and then AVIF of a 4000 × 3000 JPEG (the
#     request's, as curl sees it: decoding, encoding, storing and serving) and the server's peak memory after each.
#  2. cached rendition: wrk GETs one rendition that is already made (an 800 px WebP of a 4000 × 3000 JPEG) and, in
#     alternation, the same file as a plain static file from the same process (GET /benchmark/static/…, ASP.NET Core's
#     static file middleware over the asset store, mapped with Benchmark__BaselineEndpoint=true): the ceiling.
#     Prints requests/s and p99 of each and the rendition's share of the ceiling, per round and the medians.
#  3. memory under a burst of new renditions: rounds of 8 clients at once, each asking for a rendition not made yet
#     (WebP, 1,700–3,100 px wide, of four 4000 × 3000 JPEGs), on a fresh server for each setting of
#     Media:MaxConcurrentRenditions (the default, 2, and MEDIA_HIGH_CONCURRENCY); prints the server's resident memory
#     after start and its peak (VmHWM from /proc/<pid>/status), and how long the renditions took.
# Usage: bash scripts/load/run-media-load.sh [path/to/ContentHub.Server.dll]   (build first: dotnet build -c Release src/ContentHub.Server)
# Environment: MEDIA_ROUNDS (3 measured repetitions of each part; medians printed), LOAD_DURATION (10s per wrk run),
# LOAD_WARMUP (5s), LOAD_CONNECTIONS (32), LOAD_THREADS (2), MEDIA_BURST_ROUNDS (3 bursts of 8), MEDIA_HIGH_CONCURRENCY (16).
# Exits 0 after a clean run, 2 when the run cannot be made (no targets are checked: the figures go to the docs).
set -euo pipefail

load_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib/server.sh
source "$load_dir/../lib/server.sh"
# shellcheck source=../lib/wrk.sh
source "$load_dir/../lib/wrk.sh"
pick_dll "${1:-}"
rounds="${MEDIA_ROUNDS:-3}" duration="${LOAD_DURATION:-10s}" warmup="${LOAD_WARMUP:-5s}" connections="${LOAD_CONNECTIONS:-32}" threads="${LOAD_THREADS:-2}"
bursts="${MEDIA_BURST_ROUNDS:-3}" high="${MEDIA_HIGH_CONCURRENCY:-16}"
images=4 burst_widths=(1700 1900 2100 2300 2500 2700 2900 3100)

require_wrk
for tool in jq curl node; do command -v "$tool" >/dev/null || { echo "run-media-load: $tool is required" >&2; exit 2; }; done

use_scratch_dir
database="$tmp/media.db"
store="$tmp/media-store"
# Uploads of the 4000 × 3000 PNGs the JPEGs are made from are larger than the default limit.
settings=(Http__RateLimitBurst=0 Seeding__OnStartup=false Benchmark__BaselineEndpoint=true "Media__Path=$store" Media__MaxBytes=67108864 Media__MaxRenditionWidth=4000)

# gql QUERY [VARIABLES_JSON]: the answer's data, as the editor; fails the run on errors.
gql() {
  local answer
  answer="$(jq -n --arg query "$1" --argjson variables "${2:-{\}}" '{query: $query, variables: $variables}' |
    curl -s -H "Authorization: Bearer $editor_key" -H 'Content-Type: application/json' --data-binary @- "$base/graphql")"
  jq -e '.data and (.errors | not)' <<<"$answer" >/dev/null || { echo "run-media-load: ${answer:0:400}" >&2; exit 2; }
  jq -c .data <<<"$answer"
}

# upload FILE: the new asset's id (multipart request spec, with the preflight header multipart requests need).
upload() {
  local answer
  answer="$(curl -s -H "Authorization: Bearer $editor_key" -H 'GraphQL-Preflight: 1' \
    -F operations='{"query":"mutation($file: Upload!) { uploadAsset(file: $file, details: { alt: \"Load\" }) { asset { id } errors { code message } } }","variables":{"file":null}}' \
    -F map='{"0":["variables.file"]}' -F "0=@$1" "$base/graphql")"
  jq -er '.data.uploadAsset.asset.id' <<<"$answer" || { echo "run-media-load: upload of $1: ${answer:0:400}" >&2; exit 2; }
}

# hero_image SLUG ASSET_ID FIELDS: a draft article showing the asset, and its heroImage { FIELDS } (rendition URLs are signed per article read).
hero_image() {
  gql "mutation(\$input: ArticleInput!) { createArticle(input: \$input) { article { heroImage { $3 } } errors { code message } } }" \
    "$(jq -n --arg slug "$1" --arg id "$2" '{input: {slug: $slug, title: $slug, body: "Load.", heroImage: {assetId: $id, alt: "Load"}}}')" |
    jq -c '.createArticle.article.heroImage'
}


echo "run-media-load: making $images photos (4000 × 3000 PNG → JPEG, quality 80, through the server); server $dll"
start_server prep "${settings[@]}"
editor_key="$(run_cli prep keys create --name load --role editor 2>/dev/null | grep -o 'chk_[A-Za-z0-9_-]*')" || { echo "run-media-load: no editor key" >&2; exit 2; }
widths_json="[$(IFS=,; echo "${burst_widths[*]}")]"
for i in $(seq "$images"); do
  node "$load_dir/photo.mjs" "$tmp/photo-$i.png" "$i"
  jpeg_url="$(hero_image "png-$i" "$(upload "$tmp/photo-$i.png")" 'url(width: 4000, format: JPEG)' | jq -r .url)"
  curl -sf -o "$tmp/photo-$i.jpg" "$base$jpeg_url"
  rm "$tmp/photo-$i.png"
  hero_image "photo-$i" "$(upload "$tmp/photo-$i.jpg")" "card: url(width: 800, format: WEBP) avif: url(width: 800, format: AVIF) srcSet(widths: $widths_json, format: WEBP)" >"$tmp/photo-$i.json"
done
stop_server

# forget_renditions: removes every rendition made so far (with the server stopped), so that the next are new.
forget_renditions() { find "$store" -type d -name '*.d' -prune -exec rm -rf {} +; }
forget_renditions

# rss KIND: the server's VmRSS or VmHWM (peak) in MB.
rss() { awk -v kind="$1" '$1 == kind ":" { print int($2 / 1024) }' "/proc/$server_pid/status"; }

echo
echo "1. first renditions of a 4000 × 3000 JPEG, 800 px wide, each on a fresh server: WebP first, then AVIF; $rounds rounds"
echo "  round  RSS after start MB  WebP ms  peak RSS MB  AVIF ms  peak RSS MB"
webp_ms=() avif_ms=() webp_peak=() avif_peak=()
for round in $(seq "$rounds"); do
  forget_renditions
  start_server first "${settings[@]}"
  started="$(rss VmRSS)"
  webp_ms+=("$(curl -sf -o /dev/null -w '%{time_total}' "$base$(jq -r .card "$tmp/photo-2.json")" | awk '{ printf "%.0f", $1 * 1000 }')")
  webp_peak+=("$(rss VmHWM)")
  avif_ms+=("$(curl -sf -o /dev/null -w '%{time_total}' "$base$(jq -r .avif "$tmp/photo-2.json")" | awk '{ printf "%.0f", $1 * 1000 }')")
  avif_peak+=("$(rss VmHWM)")
  stop_server
  printf '  %5s  %18s  %7s  %11s  %7s  %11s\n' "$round" "$started" "${webp_ms[-1]}" "${webp_peak[-1]}" "${avif_ms[-1]}" "${avif_peak[-1]}"
done
printf '  median %18s  %7s  %11s  %7s  %11s\n' "" "$(printf '%s\n' "${webp_ms[@]}" | median)" "$(printf '%s\n' "${webp_peak[@]}" | median)" \
  "$(printf '%s\n' "${avif_ms[@]}" | median)" "$(printf '%s\n' "${avif_peak[@]}" | median)"

echo
echo "2. cached rendition against the static-file ceiling: wrk -t$threads -c$connections -d$duration per run, $rounds rounds"
start_server cached "${settings[@]}"
rendition="$base$(jq -r .card "$tmp/photo-1.json")"
curl -sf -o "$tmp/rendition.webp" "$rendition"
path="${rendition#"$base/media/"}"
path="${path%%\?*}"
sha="${path%%/*}"
static="$base/benchmark/static/${sha:0:2}/${sha:2:2}/$sha.d/${path#*/}"
curl -sf -o "$tmp/static.webp" "$static"
cmp -s "$tmp/rendition.webp" "$tmp/static.webp" || { echo "run-media-load: $static is not the rendition's file" >&2; exit 2; }
echo "  $(stat -c %s "$tmp/rendition.webp") bytes: $rendition"
echo "  round  static req/s  p99 ms  rendition req/s  p99 ms  share"
for url in "$static" "$rendition"; do wrk -t"$threads" -c"$connections" -d"$warmup" "$url" >/dev/null; done
shares=() static_rps=() rendition_rps=()
for round in $(seq "$rounds"); do
  read -r s_rps _ s_p99 s_errors <<<"$(wrk_run "$static")"
  read -r r_rps _ r_p99 r_errors <<<"$(wrk_run "$rendition")"
  [[ "$s_errors$r_errors" == 00 ]] || { echo "run-media-load: $s_errors / $r_errors bad answers" >&2; exit 2; }
  share="$(awk -v r="$r_rps" -v s="$s_rps" 'BEGIN { printf "%.1f", 100 * r / s }')"
  static_rps+=("$s_rps") rendition_rps+=("$r_rps") shares+=("$share")
  printf '  %5s  %12s  %6s  %15s  %6s  %4s%%\n' "$round" "$s_rps" "$s_p99" "$r_rps" "$r_p99" "$share"
done
printf '  median %11s  %6s  %15s  %6s  %4s%%\n' "$(printf '%s\n' "${static_rps[@]}" | median)" "" \
  "$(printf '%s\n' "${rendition_rps[@]}" | median)" "" "$(printf '%s\n' "${shares[@]}" | median)"
stop_server

# memory_run CONCURRENCY: a fresh server; $bursts bursts of 8 new renditions at once; prints "rss_after_start_MB peak_MB seconds".
memory_run() {
  forget_renditions
  start_server memory "${settings[@]}" "Media__MaxConcurrentRenditions=$1"
  local started peak begin end burst i
  started="$(rss VmRSS)"
  begin="$(date +%s.%N)"
  for burst in $(seq 0 $((bursts - 1))); do
    local pids=()
    # 8 clients: two widths of each of the four photos, never asked for before.
    for i in $(seq "$images"); do
      for width in "${burst_widths[$((burst * 2 % ${#burst_widths[@]}))]}" "${burst_widths[$(((burst * 2 + 1) % ${#burst_widths[@]}))]}"; do
        url="$(jq -r --arg w "${width}w" '.srcSet | split(", ")[] | select(endswith(" " + $w)) | split(" ")[0]' "$tmp/photo-$i.json")"
        curl -sf -o /dev/null "$base$url" &
        pids+=($!)
      done
    done
    for pid in "${pids[@]}"; do wait "$pid" || { echo "run-media-load: a rendition failed" >&2; exit 2; }; done
  done
  end="$(date +%s.%N)"
  peak="$(rss VmHWM)"
  stop_server
  echo "$started $peak $(awk -v b="$begin" -v e="$end" 'BEGIN { printf "%.1f", e - b }')"
}

echo
echo "3. memory while 8 clients at once ask for new renditions ($bursts bursts of 8, WebP 1,700–3,100 px of 4000 × 3000 JPEGs), $rounds rounds"
echo "  MaxConcurrentRenditions  round  RSS after start MB  peak RSS MB  seconds"
for concurrency in 2 "$high"; do
  peaks=() durations=()
  for round in $(seq "$rounds"); do
    read -r started peak seconds <<<"$(memory_run "$concurrency")"
    peaks+=("$peak") durations+=("$seconds")
    printf '  %23s  %5s  %18s  %11s  %7s\n' "$concurrency" "$round" "$started" "$peak" "$seconds"
  done
  printf '  %23s  median %18s  %11s  %7s\n' "$concurrency" "" "$(printf '%s\n' "${peaks[@]}" | median)" "$(printf '%s\n' "${durations[@]}" | median)"
done
