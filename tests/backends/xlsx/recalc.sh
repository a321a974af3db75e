#!/bin/sh
# Opens the funding workbook in LibreOffice headless with recalculation forced, exports every
# sheet, and compares each formula cell with the engine's value (the cached value written next
# to the formula). To prove LibreOffice really recalculated, the cached values are blanked in a
# copy first: what LibreOffice prints can then only come from evaluating the formulas.
# usage: recalc.sh path/to/digivestland SOURCE_DIR
set -eu
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$bin" --quiet --inputs "$src/inputs" --templates "$src/templates" --out "$tmp/out" --year 2021 arbeidsbok
book="$tmp/out/arbeidsbok/finansiering-2021.xlsx"

# A LibreOffice profile that recalculates OOXML files on load (OOXMLRecalcMode 0 = always).
mkdir -p "$tmp/profile/user"
cat > "$tmp/profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU

python3 "$src/tests/backends/xlsx/recalc_check.py" blank "$book" "$tmp/blank.xlsx"
# CSV options: comma, double quote, UTF-8, from line 1, standard cell format, raw values (not
# as shown), all sheets (-1).
HOME="$tmp" soffice --headless --norestore -env:UserInstallation="file://$tmp/profile" \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1' \
  --outdir "$tmp/csv" "$tmp/blank.xlsx" >"$tmp/soffice.log" 2>&1 || { cat "$tmp/soffice.log"; exit 1; }
python3 "$src/tests/backends/xlsx/recalc_check.py" compare "$book" "$tmp/csv" blank
