#!/usr/bin/env bash
# Installs Pagefind's extended build from PyPI into .venv, if missing (never system pip): `posguide build`
# runs its binary to make the site's search index. Only the extended build segments Chinese words.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! compgen -G ".venv/lib/python*/site-packages/pagefind_bin_extended/pagefind_extended" >/dev/null; then
  echo "posguide: installing pagefind[extended] into .venv" >&2
  [ -x .venv/bin/pip ] || python3 -m venv .venv
  .venv/bin/pip install -q --disable-pip-version-check 'pagefind[extended]'
fi
