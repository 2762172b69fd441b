#!/usr/bin/env bash
# Mutation testing with Stryker.NET (pinned in .config/dotnet-tools.json) on the critical set: the files given are
# mutated in ONE Stryker run (a --mutate per file), tested by the union of the test classes that cover them
# (scripts/mutation/critical-set.tsv), so the build and the compilation of the mutants are paid once.
# Usage: bash scripts/mutation/run-mutation.sh [--since <git-ref>] [file…]
#   no file        every file of the critical set
#   file…          these files (paths relative to the repository or to src/ContentHub.Server/; each must be in the set)
#   --since REF    the files of the critical set that changed since REF (e.g. --since main)
# Prints one line per file from the JSON report: its mutation score ((killed + timeout) / (killed + timeout +
# survived + no coverage), as Stryker counts it) and those counts, then the HTML report's path.
# The run is bounded by MUTATION_TIMEOUT seconds for the first file and half that for each further one
# (default 2400: one core, a busy two-core machine).
# Exits 1 when a file scores under MUTATION_BREAK_AT percent (default 90) or the run fails. Not part of CI.
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
    [[ " ${files[*]} " == *" $file "* ]] || files+=("$file")
  done
else
  files=("${order[@]}")
fi

command -v jq >/dev/null || { echo "run-mutation: needs jq to read the report" >&2; exit 2; }
cd "$root"
dotnet tool restore >/dev/null

test_classes=()
for file in "${files[@]}"; do
  IFS=, read -ra own <<<"${tests_of[$file]}"
  for class in "${own[@]}"; do
    [[ " ${test_classes[*]} " == *" $class "* ]] || test_classes+=("$class")
  done
done
filter="("
for class in "${test_classes[@]}"; do
  filter+="FullyQualifiedName~.$class.|FullyQualifiedName~.$class+|"
done
# Whole class names only: "~" matches case-insensitively anywhere, and "Browser" alone dropped a test about browsers.
filter="${filter%|})&FullyQualifiedName!~+OnPostgreSql.&FullyQualifiedName!~FuzzTests.&FullyQualifiedName!~BrowserTests."
mutate=()
for file in "${files[@]}"; do
  mutate+=(--mutate "**/$file")
done

timeout_seconds=$((timeout_seconds + (${#files[@]} - 1) * timeout_seconds / 2))
run_out="$out/$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$run_out"
echo "run-mutation: ${files[*]}"
echo "  against ${test_classes[*]}"
echo "  bounded by ${timeout_seconds}s (log: $run_out/stryker.log)"
set +e
(cd tests/ContentHub.Tests && timeout "$timeout_seconds" dotnet stryker \
  --project ContentHub.Server.csproj \
  "${mutate[@]}" \
  --test-case-filter "$filter" \
  --concurrency 1 \
  --reporter Progress --reporter ClearText --reporter Html --reporter Json \
  --output "$run_out" \
  --skip-version-check) >"$run_out/stryker.log" 2>&1
code=$?
set -e
report="$(find "$run_out" -name 'mutation-report.json' | head -1)"
if [[ $code -eq 124 ]]; then
  echo "run-mutation: TIMEOUT after ${timeout_seconds}s (see the log)" >&2
  exit 1
elif [[ -z "$report" ]]; then
  echo "run-mutation: FAILED (exit $code; see the log)" >&2
  exit 1
fi

status=0
echo
echo "Mutation scores (report: ${report%.json}.html):"
for file in "${files[@]}"; do
  read -r killed timeout survived uncovered < <(jq -r --arg f "/src/ContentHub.Server/$file" '
    [.files | to_entries[] | select(.key | endswith($f)) | .value.mutants[].status] as $s
    | [("Killed", "Timeout", "Survived", "NoCoverage") as $k | [$s[] | select(. == $k)] | length] | @tsv' "$report")
  tested=$((killed + timeout + survived + uncovered))
  if [[ $tested -eq 0 ]]; then
    echo "  $file: no mutant tested"
    continue
  fi
  score="$(awk -v d=$((killed + timeout)) -v t=$tested 'BEGIN { printf "%.1f", 100 * d / t }')"
  line="$file: $score % (killed $killed, timeout $timeout, survived $survived, no coverage $uncovered)"
  awk -v d=$((killed + timeout)) -v t=$tested -v b="$break_at" 'BEGIN { exit !(100 * d < b * t) }' && { line+="  < $break_at %"; status=1; }
  echo "  $line"
done
exit $status
