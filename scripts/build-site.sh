#!/usr/bin/env bash
# Builds the site into public/, guide PDFs included, compiling posguide first when a Swift source changed.
# Extra arguments go to `posguide build`, e.g. --base-url https://staging.example/ or --output DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/build-posguide.sh
# PDFs are rendered into the same staging folder as the site (build --with-pdf), so
# /guides/ shows their page counts and a failed PDF leaves the previous public/ untouched.
pdf=(--with-pdf)
if ! scripts/ensure-weasyprint.sh; then
  echo "posguide: warning: could not install WeasyPrint; building the site without guide PDFs" >&2
  pdf=()
fi
scripts/ensure-pagefind.sh || echo "posguide: warning: could not install Pagefind; building the site without search" >&2
.build/release/posguide build --source . "${pdf[@]}" "$@"

output=public
previous=
for argument in "$@"; do
  [ "$previous" = --output ] && output=$argument
  case "$argument" in --output=*) output=${argument#--output=} ;; esac
  previous=$argument
done
echo "posguide: the site is in ${output%/}/; to preview it while you write: ./posguide serve, then open http://127.0.0.1:8080/"
