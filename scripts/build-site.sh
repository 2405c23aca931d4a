#!/usr/bin/env bash
# Builds posguide (release) and the site into public/, guide PDFs included. Extra arguments go to `posguide build`.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-system-packages.sh
# PDFs are rendered into the same staging folder as the site (build --with-pdf), so
# /guides/ shows their page counts and a failed PDF leaves the previous public/ untouched.
pdf=(--with-pdf)
if ! scripts/ensure-weasyprint.sh; then
  echo "posguide: warning: could not install WeasyPrint; building the site without guide PDFs" >&2
  pdf=()
fi
scripts/ensure-pagefind.sh || echo "posguide: warning: could not install Pagefind; building the site without search" >&2
swift build -c release --product posguide
.build/release/posguide build --source . "${pdf[@]}" "$@"
