#!/usr/bin/env bash
# Compiles .build/release/posguide when it is missing or a Swift source changed since it was compiled
# (a stamp file records when): a content or template edit never recompiles. A few lines of progress on
# stderr; the compiler's output goes to .build/posguide-compile.log and is shown only if compiling fails.
set -euo pipefail
cd "$(dirname "$0")/.."

binary=.build/release/posguide
stamp=.build/posguide-compiled.stamp
log=.build/posguide-compile.log

# Newer than the stamp: a Swift source saved, added, removed or renamed (that changes its folder's time),
# or the package's manifest or pinned versions. Why not let `swift build` decide: it is not free.
# Whenever SwiftPM plans the build again (after a debug build such as scripts/test.sh's, or another
# product) it takes 4-12 s here; and while Hummingbird had two traits enabled, their -D flags came out in
# either order and recompiled it (20 s to 2 min: Package.swift now enables one). This check takes
# milliseconds, and `./posguide` makes it before every command.
inputs=(Sources Package.swift)
[ -f Package.resolved ] && inputs+=(Package.resolved)
if [ -x "$binary" ] && [ -f "$stamp" ] && [ -z "$(find "${inputs[@]}" -newer "$stamp" -print -quit)" ]; then
  exit 0
fi

scripts/ensure-system-packages.sh
mkdir -p .build
# Taken before compiling: a file saved while the compiler runs is newer than the stamp, so it is compiled next time.
touch "$stamp.next"
if [ -x "$binary" ]; then
  echo "posguide: compiling the changed Swift sources… (compiler output: $log)" >&2
else
  echo "posguide: compiling (the first time takes a few minutes)… (compiler output: $log)" >&2
fi
start=$SECONDS
if ! swift build -c release --product posguide >"$log" 2>&1; then
  rm -f "$stamp.next"
  echo "posguide: compiling failed:" >&2
  # Each error with the source lines the compiler quotes, once (the driver can report one more than once).
  errors=$(grep -E --no-group-separator -A3 "error:" "$log" | awk '!seen[$0]++' | head -n 60 || true)
  if [ -n "$errors" ]; then echo "$errors" >&2; else tail -n 30 "$log" >&2; fi
  echo "posguide: the compiler's full output is in $log" >&2
  exit 1
fi
mv "$stamp.next" "$stamp"
# The project's own code compiles without warnings; one that appears is shown. The dependencies' are not.
grep -E "^$PWD/Sources/[^ ]*: warning:" "$log" | sort -u >&2 || true
echo "posguide: compiled in $((SECONDS - start)) s" >&2
