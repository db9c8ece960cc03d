#!/usr/bin/env bash
# Install from nothing on Debian with Python 3.11: .venv holds exactly the versions
# in uv.lock, installed by uv (itself pinned, from PyPI, in .tools/). Leaflet comes
# with them (the xstatic-leaflet package): no npm, no CDN.
#   bash scripts/install.sh          the app
#   bash scripts/install.sh --test   the app, the test and lint tools, Chromium and
#                                    HAProxy (scripts/replicas.sh, tests/deploy/)
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-app}"
UV_VERSION="0.13.9"

apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

need=()
python3 -c 'import venv, ensurepip' 2>/dev/null || need+=(python3-venv)
if [ "$mode" = "--test" ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
  [ -x /usr/sbin/haproxy ] || need+=(haproxy)
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "installing Debian packages: ${need[*]}"
  apt_install "${need[@]}"
fi

if ! .tools/bin/uv --version 2>/dev/null | grep -q "uv $UV_VERSION"; then
  python3 -m venv .tools
  .tools/bin/python -m pip install -q --disable-pip-version-check "uv==$UV_VERSION"
fi
export UV_PYTHON_DOWNLOADS=never UV_LINK_MODE=copy
groups=()
[ "$mode" = "--test" ] && groups=(--group test)
# --frozen: install what uv.lock says, never re-resolve; tests/unit/test_packaging.py
# keeps the lock in step with pyproject.toml.
.tools/bin/uv sync --frozen --python "$(command -v python3)" "${groups[@]}"
