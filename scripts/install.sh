#!/usr/bin/env bash
# Install everything from nothing on Debian with Python 3.11: a virtualenv in
# .venv with the pinned dependencies (Leaflet comes with them, from PyPI).
#   bash scripts/install.sh          the app
#   bash scripts/install.sh --test   the app, the test tools and Chromium
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-app}"

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
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "installing Debian packages: ${need[*]}"
  apt_install "${need[@]}"
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "$mode" = "--test" ]; then
  .venv/bin/python -m pip install -q -r requirements.txt -e ".[test]"
else
  .venv/bin/python -m pip install -q -r requirements.txt
fi
