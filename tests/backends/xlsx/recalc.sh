#!/bin/sh
# Makes the funding workbook for YEAR, has LibreOffice headless recalculate it, and compares every
# formula cell with the value the program cached for it, type included: a number must be the
# same number, a text the same text ("" included), so a text result cached as 0 fails. To prove
# LibreOffice really recalculated, the cached values are blanked in a copy first: what
# LibreOffice writes for a formula can then only come from evaluating it. LibreOffice saves its
# result as XLSX, which keeps each formula result's type (t="str" for text, t="n" for a number).
# A self-test then damages cached values in copies of the workbook and requires the comparison
# to catch each one.
# usage: recalc.sh path/to/digivestland SOURCE_DIR YEAR
set -eu
bin=$1
src=$2
year=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
check="$src/tests/backends/xlsx/recalc_check.py"

"$bin" --quiet --inputs "$src/inputs" --templates "$src/templates" --out "$tmp/out" --year "$year" arbeidsbok
book="$tmp/out/arbeidsbok/finansiering-$year.xlsx"

# A LibreOffice profile that recalculates OOXML files on load (OOXMLRecalcMode 0 = always).
mkdir -p "$tmp/profile/user"
cat > "$tmp/profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU

mkdir "$tmp/blank" "$tmp/recalc"
python3 "$check" blank "$book" "$tmp/blank/finansiering.xlsx"
HOME="$tmp" soffice --headless --norestore -env:UserInstallation="file://$tmp/profile" \
  --convert-to 'xlsx:Calc MS Excel 2007 XML' \
  --outdir "$tmp/recalc" "$tmp/blank/finansiering.xlsx" >"$tmp/soffice.log" 2>&1 || { cat "$tmp/soffice.log"; exit 1; }
[ -s "$tmp/recalc/finansiering.xlsx" ] || { echo "recalc: LibreOffice wrote no workbook"; cat "$tmp/soffice.log"; exit 1; }
python3 "$check" compare "$book" "$tmp/recalc/finansiering.xlsx" "$year"
python3 "$check" selftest "$book" "$tmp/recalc/finansiering.xlsx" "$tmp/blank/finansiering.xlsx"
