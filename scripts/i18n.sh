#!/usr/bin/env bash
# The page's words in Japanese and Russian: gettext catalogues made with Babel.
#   bash scripts/i18n.sh           extract the English from the code (geo/locale/messages.pot),
#                                  update geo/locale/{ja,ru}/LC_MESSAGES/messages.po from it
#                                  (new words come in empty, or fuzzy from a near match),
#                                  then compile the .mo files the app reads
#   bash scripts/i18n.sh --check   fail if the template or a compiled catalogue is stale
# Translate in the .po files, then run this again; tests/unit/test_i18n.py checks that
# every message is translated, its placeholders kept.
set -euo pipefail
cd "$(dirname "$0")/.."
pybabel=".venv/bin/pybabel"
[ -x "$pybabel" ] || { echo "run bash scripts/install.sh first" >&2; exit 2; }
locale=geo/locale
extract() {
  "$pybabel" extract -F babel.cfg -k N_ --no-location --sort-output --omit-header \
    --no-wrap -o "$1" app.py geo 2>/dev/null
}
if [ "${1:-}" = "--check" ]; then
  tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
  extract "$tmp/messages.pot"
  diff -u "$locale/messages.pot" "$tmp/messages.pot"
  for lang in ja ru; do
    "$pybabel" compile -i "$locale/$lang/LC_MESSAGES/messages.po" -o "$tmp/$lang.mo" 2>/dev/null
    cmp "$tmp/$lang.mo" "$locale/$lang/LC_MESSAGES/messages.mo" \
      || { echo "$lang: messages.mo is stale; run bash scripts/i18n.sh" >&2; exit 1; }
  done
  exit 0
fi
extract "$locale/messages.pot"
for lang in ja ru; do
  po="$locale/$lang/LC_MESSAGES/messages.po"
  if [ -f "$po" ]; then
    "$pybabel" update -i "$locale/messages.pot" -d "$locale" -l "$lang" \
      --no-wrap --ignore-obsolete --ignore-pot-creation-date 2>/dev/null
  else
    "$pybabel" init -i "$locale/messages.pot" -d "$locale" -l "$lang" --no-wrap 2>/dev/null
  fi
done
"$pybabel" compile -d "$locale" --statistics
