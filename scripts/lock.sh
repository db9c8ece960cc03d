#!/usr/bin/env bash
# uv.lock from pyproject.toml, and requirements.txt exported from it (every runtime
# package, transitive ones included: what pip-only hosts install).
#   bash scripts/lock.sh           re-lock after editing pyproject.toml (locked versions
#                                  are kept wherever they still fit)
#   bash scripts/lock.sh --check   fail if uv.lock or requirements.txt is stale
set -euo pipefail
cd "$(dirname "$0")/.."
uv=".tools/bin/uv"
[ -x "$uv" ] || { echo "run bash scripts/install.sh first (it installs uv in .tools/)" >&2; exit 2; }
export UV_PYTHON_DOWNLOADS=never

export_requirements() {
  echo "# Every runtime package, pinned: exported from uv.lock by scripts/lock.sh. Do not edit."
  echo "# Streamlit Community Cloud reads uv.lock first; pip users: pip install -r requirements.txt"
  "$uv" export --frozen --no-hashes --no-annotate --no-header --format requirements-txt
}

if [ "${1:-}" = "--check" ]; then
  "$uv" lock --check --offline --quiet
  diff -u requirements.txt <(export_requirements)
else
  "$uv" lock
  export_requirements > requirements.txt
fi
