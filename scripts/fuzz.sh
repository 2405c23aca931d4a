#!/usr/bin/env bash
# Builds the fuzz targets (Fuzz/, libFuzzer with address sanitizer) into .build-fuzz and runs each
# for a fixed time on its seed corpus (Tests/fuzz/corpus/<target>/).
#
#   scripts/fuzz.sh                      every target, 5 seconds each (the CI budget)
#   scripts/fuzz.sh --minutes 10         every target, 10 minutes each
#   scripts/fuzz.sh --seconds 60 mustache markdown
#
# Inputs found new are kept in .build-fuzz/corpus/<target>/ (not the repository's seeds); a crash,
# hang or broken invariant is written to .build-fuzz/artifacts/<target>/ and fails the script.
# Turn each into a regression test (Tests/PosGuideTests/FuzzRegressionTests.swift) before fixing it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

seconds=5
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) seconds=$(( $2 * 60 )); shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    -*) echo "posguide: fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(front-matter mustache directives request-path cli-parsers markdown utf8)

start=$(date +%s)
mkdir -p .build-fuzz
# The linker's "Cannot export local symbol" warnings are ASan's, one per symbol: not shown.
# -Xcc: the C targets too, so the cmark arena (Sources/CCmarkArena) gives each allocation its own
# malloc, which ASan watches, instead of slices of its chunks.
if ! swift build --package-path Fuzz --scratch-path "$root/.build-fuzz" -c debug \
     -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing -Xcc -fsanitize=address >.build-fuzz/build.log 2>&1; then
  grep -v "warning: Cannot export local symbol" .build-fuzz/build.log | tail -30 >&2
  echo "posguide: fuzz.sh: the fuzz build failed" >&2
  exit 1
fi
binary="$root/.build-fuzz/debug/PosGuideFuzz"
echo "posguide: fuzz build took $(( $(date +%s) - start ))s"

# The Swift runtime's own crash reporter waits on a symbolizer here; libFuzzer's report is enough.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:symbolize=0}
export POSGUIDE_FUZZ_SITE="$root"

failed=()
for target in "${targets[@]}"; do
  seeds="Tests/fuzz/corpus/$target"
  [ -d "$seeds" ] || { echo "posguide: fuzz.sh: no seed corpus $seeds" >&2; exit 2; }
  work=".build-fuzz/corpus/$target" artifacts=".build-fuzz/artifacts/$target/"
  mkdir -p "$work" "$artifacts"
  log=".build-fuzz/$target.log"
  if POSGUIDE_FUZZ_TARGET=$target "$binary" "$work" "$seeds" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
       -max_len=16384 -artifact_prefix="$artifacts" -print_final_stats=1 >"$log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
    echo "posguide: fuzz $target: ${seconds}s, $runs runs, no failure"
  else
    echo "posguide: fuzz $target FAILED; the input is in $artifacts:" >&2
    grep -E 'invariant broken|ERROR: (libFuzzer|AddressSanitizer)|Fatal error|Test unit written' "$log" | head -5 >&2 || tail -20 "$log" >&2
    failed+=("$target")
  fi
done
[ ${#failed[@]} -eq 0 ] || { echo "posguide: fuzz failures: ${failed[*]}" >&2; exit 1; }
