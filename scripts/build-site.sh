#!/usr/bin/env bash
# Builds posguide (release) and the site into public/. Extra arguments go to `posguide build`.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-system-packages.sh
swift build -c release --product posguide
.build/release/posguide build --source . "$@"
