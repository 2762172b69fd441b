#!/usr/bin/env bash
# Mutation testing with Stryker.NET (pinned in .config/dotnet-tools.json) on the critical set: each source file
# is mutated on its own and tested only by the test classes that cover it (scripts/mutation/critical-set.tsv).
# Usage: bash scripts/mutation/run-mutation.sh [--since <git-ref>] [file…]
#   no file        every file of the critical set
#   file…          these files (paths relative to the repository or to src/ContentHub.Server/; each must be in the set)
#   --since REF    the files of the critical set that changed since REF (e.g. --since main)
# Prints one line per file: its mutation score, killed/survived/no-coverage counts and the HTML report's path.
# Each file's run is bounded by MUTATION_TIMEOUT seconds (default 2400: one core, a busy two-core machine).
# Exits 1 when a file scores under MUTATION_BREAK_AT percent (default 90) or a run fails. Not part of CI.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
config="$here/critical-set.tsv"
timeout_seconds="${MUTATION_TIMEOUT:-2400}"
break_at="${MUTATION_BREAK_AT:-90}"
out="$root/artifacts/mutation"

declare -A tests_of=()
declare -a order=()
while IFS=$'\t' read -r file classes; do
  [[ -z "$file" || "$file" == \#* ]] && continue
  tests_of["$file"]="$classes"
  order+=("$file")
done <"$config"

files=()
if [[ "${1:-}" == "--since" ]]; then
  [[ $# -eq 2 ]] || { echo "usage: $0 --since <git-ref>" >&2; exit 2; }
  changed="$(git -C "$root" diff --name-only "$2" -- src/ContentHub.Server)"
  for file in "${order[@]}"; do
    grep -qxF "src/ContentHub.Server/$file" <<<"$changed" && files+=("$file")
  done
  [[ ${#files[@]} -gt 0 ]] || { echo "run-mutation: no file of the critical set changed since $2"; exit 0; }
elif [[ $# -gt 0 ]]; then
  for arg in "$@"; do
    file="${arg#src/ContentHub.Server/}"
    [[ -n "${tests_of[$file]:-}" ]] || { echo "run-mutation: $arg is not in $config: add it with its covering test classes" >&2; exit 2; }
    files+=("$file")
  done
else
  files=("${order[@]}")
fi

cd "$root"
dotnet tool restore >/dev/null

status=0
summary=()
for file in "${files[@]}"; do
  filter="("
  IFS=, read -ra classes <<<"${tests_of[$file]}"
  for class in "${classes[@]}"; do
    filter+="FullyQualifiedName~.$class.|FullyQualifiedName~.$class+|"
  done
  filter="${filter%|})&FullyQualifiedName!~OnPostgreSql&FullyQualifiedName!~Fuzz&FullyQualifiedName!~Browser"
  run_out="$out/${file//\//_}"
  rm -rf "$run_out"
  mkdir -p "$run_out"
  echo "run-mutation: $file against ${tests_of[$file]} (log: $run_out/stryker.log)"
  set +e
  (cd tests/ContentHub.Tests && timeout "$timeout_seconds" dotnet stryker \
    --project ContentHub.Server.csproj \
    --mutate "**/$file" \
    --test-case-filter "$filter" \
    --concurrency 1 \
    --reporter Progress --reporter ClearText --reporter Html --reporter Json \
    --output "$run_out" \
    --skip-version-check) >"$run_out/stryker.log" 2>&1
  code=$?
  set -e
  score="$(grep -oE 'final mutation score is [0-9.]+' "$run_out/stryker.log" | grep -oE '[0-9.]+$' | tail -1 || true)"
  report="$(find "$run_out" -name 'mutation-report.json' | head -1)"
  counts=""
  if [[ -n "$report" ]] && command -v jq >/dev/null; then
    counts="$(jq -r --arg f "/$file" '[.files | to_entries[] | select(.key | endswith($f)) | .value.mutants[].status]
      | group_by(.) | map("\(.[0]) \(length)") | join(", ")' "$report")"
  fi
  if [[ $code -eq 124 ]]; then
    line="$file: TIMEOUT after ${timeout_seconds}s"
    status=1
  elif [[ -z "$score" ]]; then
    line="$file: FAILED (exit $code; see the log)"
    status=1
  else
    line="$file: $score % ($counts)"
    awk -v s="$score" -v b="$break_at" 'BEGIN { exit !(s < b) }' && { line+="  < $break_at %"; status=1; }
  fi
  echo "  $line"
  summary+=("$line")
done

echo
echo "Mutation scores (reports under artifacts/mutation/):"
printf '  %s\n' "${summary[@]}"
exit $status
