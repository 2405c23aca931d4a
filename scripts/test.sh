#!/usr/bin/env bash
# Runs every test: the Swift suite (unit, integration, CommonMark conformance, CLI end to end).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-system-packages.sh
swift build --build-tests
swift test --skip-build
