#!/usr/bin/env bash
# Runs every test: the Swift suite (unit, integration, CommonMark conformance, CLI end to end).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-system-packages.sh

# --- printable guides: GuideExportTests render PDFs and check them with poppler-utils and zbarimg.
scripts/ensure-system-packages.sh poppler-utils zbar-tools
scripts/ensure-weasyprint.sh
# --- end printable guides

swift build --build-tests
swift test --skip-build
