#!/bin/bash
# make test: every PDF the pipeline makes, checked as an archive would: validate.sh (qpdf, pdffonts,
# pdfinfo -struct-text, mutool, ghostscript, PDFBox Preflight, pdfcheck.py), text round-trip of
# æøå and key figures through pdftotext, and byte-identical output on a second run.
# usage: check_outputs.sh BIN SOURCE_DIR
set -u
bin="$1"; src="$2"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
rc=0
"$bin" --quiet --inputs "$src/inputs" --templates "$src/templates" --out "$work/a" kunnskapsgrunnlag || exit 1
"$bin" --quiet --inputs "$src/inputs" --templates "$src/templates" --out "$work/b" kunnskapsgrunnlag || exit 1
n=0
while IFS= read -r -d '' f; do
  n=$((n+1))
  rel="${f#$work/a/}"
  if ! bash "$here/validate.sh" "$f" > "$work/validate.log" 2>&1; then
    echo "FAIL: $rel does not pass validate.sh:"; grep -E 'FAIL|ERROR|^[0-9.]+ :' "$work/validate.log" | grep -v -E '^(7\.11\.2|3\.1\.11) '; rc=1
  fi
  cmp -s "$f" "$work/b/$rel" || { echo "FAIL: $rel differs between two runs with the same inputs"; rc=1; }
  pdfinfo -struct-text "$f" | grep -q 'TOCI' || { echo "FAIL: $rel has no contents (TOCI) in its structure tree"; rc=1; }
  txt="$(pdftotext -enc UTF-8 "$f" -)"
  for want in 'Masfjorden' '133 820' '79,14' '10 371 420' 'Kunnskapsgrunnlag før ny' 'Øygarden' 'Årdal'; do
    grep -qF -- "$want" <<<"$txt" || { echo "FAIL: $rel: pdftotext does not give \"$want\""; rc=1; }
  done
done < <(find "$work/a" -name '*.pdf' -print0 | sort -z)
[ "$n" -ge 2 ] || { echo "FAIL: expected the knowledge base in nb and nn, found $n PDF(s)"; rc=1; }
[ $rc = 0 ] && echo "OK: $n PDF(s) pass the archive checks and are reproducible"
exit $rc
