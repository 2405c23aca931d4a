#!/usr/bin/env bash
# Runs every test: the Swift suite (unit, integration, CommonMark conformance, CLI end to end).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-system-packages.sh

# --- printable guides: GuideExportTests render PDFs and check them with poppler-utils and zbarimg.
scripts/ensure-system-packages.sh poppler-utils zbar-tools
scripts/ensure-weasyprint.sh
# --- end printable guides

# --- merchant tools: the page script against the shared vectors (node ships on this machine kind;
# ToolPagesTests runs the same check from the Swift suite).
if command -v node >/dev/null; then node Tests/js/tools-vectors.js; else echo "posguide: node not found; tool script vectors run in the Swift suite only when node is present"; fi

swift build --build-tests
swift test --skip-build
