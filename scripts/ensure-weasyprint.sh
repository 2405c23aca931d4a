#!/usr/bin/env bash
# Installs what guide PDFs need, if missing: WeasyPrint from PyPI into .venv (never system pip;
# Debian's weasyprint is ~10x slower), the Pango libraries it runs on, Noto CJK fonts, and
# HarfBuzz's subsetter (without it WeasyPrint falls back to fontTools: ~20x slower on CJK fonts).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-system-packages.sh fonts-noto-cjk libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 python3-venv

if ! .venv/bin/weasyprint --version >/dev/null 2>&1; then
  echo "posguide: installing weasyprint into .venv" >&2
  [ -x .venv/bin/pip ] || python3 -m venv .venv
  .venv/bin/pip install -q --disable-pip-version-check weasyprint
fi
