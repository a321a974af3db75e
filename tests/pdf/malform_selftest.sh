#!/bin/bash
# The målform check must fail when a bokmål template says something in nynorsk (and the other way):
# a copy of the sources with one leaked word each way.
set -u
bin="$1"; src="$2"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src/tests"
cp -r "$src/inputs" "$src/templates" "$src/schemas" "$work/src/"
cp -r "$src/tests/pdf" "$work/src/tests/"
printf '\nDette er ikkje riktig.\n' >> "$work/src/templates/nb/folgjebrev-vedtak.md"
out="$(/usr/bin/python3 "$src/tests/pdf/malform_check.py" "$bin" "$work/src" 2>&1)" && {
  echo "FAIL: malform_check.py accepts a bokmål letter with \"ikkje\""; exit 1; }
grep -q "ikkje" <<<"$out" || { echo "FAIL: the report does not name the word"; echo "$out" | tail -5; exit 1; }
echo "OK: malform_check.py rejects a leaked nynorsk word in a bokmål document"
