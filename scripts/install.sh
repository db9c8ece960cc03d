#!/usr/bin/env bash
# Install from nothing on Debian with Python 3.11: .venv holds exactly the versions
# in uv.lock, installed by uv (itself pinned, from PyPI, in .tools/). Leaflet comes
# with them (the xstatic-leaflet package): no npm, no CDN.
#   bash scripts/install.sh          the app
#   bash scripts/install.sh --test   the app, the test and lint tools, Chromium,
#                                    HAProxy (scripts/replicas.sh, tests/deploy/) and
#                                    axe-core (the accessibility audit) in .tools/axe/
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-app}"
UV_VERSION="0.13.9"
# axe-core, for tests/browser/test_a11y.py: the npm registry's tarball, checked against
# the sha512 the registry publishes for it (`dist.integrity` of axe-core@AXE_VERSION).
AXE_VERSION="4.14.1"
AXE_INTEGRITY="sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="

apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

need=()
python3 -c 'import venv, ensurepip' 2>/dev/null || need+=(python3-venv)
# Japanese glyphs for the map's PNG download (Matplotlib, on the server) and for Chromium.
[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || need+=(fonts-noto-cjk)
if [ "$mode" = "--test" ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
  command -v curl >/dev/null || need+=(curl)
  [ -f /etc/ssl/certs/ca-certificates.crt ] || need+=(ca-certificates)
  [ -x /usr/sbin/haproxy ] || need+=(haproxy)
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "installing Debian packages: ${need[*]}"
  apt_install "${need[@]}"
fi

# sha512-<base64>, the npm registry's form of a file's digest.
integrity() {
  python3 -c 'import base64, hashlib, sys
print("sha512-" + base64.b64encode(hashlib.sha512(open(sys.argv[1], "rb").read()).digest()).decode())' "$1"
}

# Fetch the pinned axe-core tarball (unless already here and intact), refuse it if its
# digest differs from the pinned one, and unpack axe.min.js and its licence.
fetch_axe() {
  local dir=.tools/axe
  local tgz="$dir/axe-core-$AXE_VERSION.tgz"
  mkdir -p "$dir"
  rm -f "$dir/axe.min.js"
  if [ ! -f "$tgz" ] || [ "$(integrity "$tgz")" != "$AXE_INTEGRITY" ]; then
    curl -fsSL --retry 3 -o "$tgz.part" \
      "https://registry.npmjs.org/axe-core/-/axe-core-$AXE_VERSION.tgz"
    local got
    got="$(integrity "$tgz.part")"
    if [ "$got" != "$AXE_INTEGRITY" ]; then
      rm -f "$tgz.part"
      echo "axe-core $AXE_VERSION: integrity mismatch (got $got, pinned $AXE_INTEGRITY)" >&2
      exit 1
    fi
    mv "$tgz.part" "$tgz"
  fi
  tar -xzf "$tgz" -C "$dir" --strip-components=1 package/axe.min.js package/LICENSE
}

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
if [ "$mode" = "--test" ]; then
  fetch_axe
fi
