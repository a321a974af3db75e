#!/bin/bash
# make test: the invoicing run's EHF files pass check_ehf.py (UBL order, EN 16931 / Peppol rules for
# a no-VAT invoice, sums, check digits, the embedded PDF), for invoices and credit notes; and the
# checker fails on files broken on purpose.
set -u
bin="$1"; src="$2"; here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
rc=0
# the shipped inputs: test runs (unconfirmed account and amounts) for 2025 and 2026
for y in 2025 2026; do
  "$bin" --quiet --inputs "$src/inputs" --templates "$src/templates" --out "$work/t$y" --ny-reskontro --reskontro "$work/t.sqlite" --year $y fakturaer || exit 1
  /usr/bin/python3 "$here/check_ehf.py" "$work"/t$y/fakturaer/$y/ehf/*.xml || rc=1
done
# a real run: account, amounts and memberships marked confirmed in a copy
cp -r "$src/inputs" "$work/in"
/usr/bin/python3 - "$work/in" <<'PY'
import json, sys
d = sys.argv[1]
s = json.load(open(d + '/samarbeid.json'))
s['vertskommune']['kontonummer_stadfesta'] = True
for m in s['finansieringsmodellar']: m['stadfesta'] = True
json.dump(s, open(d + '/samarbeid.json', 'w'), ensure_ascii=False, indent=2)
k = json.load(open(d + '/kommunar.json'))
for m in k['kommunar']:
    for p in m['medlemskap']: p['stadfesta'] = True
# the references the finance officer collects before a real run (tests/references_util.h does the same)
sample = {'^[0-9]{5}$': '12345', '^[0-9]{6}$': '123456', '^[0-9A-Za-zÆØÅæøå]+$': 'AB123'}
for m in k['kommunar']:
    f = m['faktura']
    if f.get('referanse_krevst') is True and f.get('referanse') is None:
        f['referanse'] = sample[f['referanseformat']] if f.get('referanseformat') else 'REF' + m['kommunenummer']
        f['referansefelt'] = f.get('referansefelt') or 'BuyerReference'
# per-buyer references in each field the EHF can carry them (issue 13)
refs = {'4602': ('BuyerReference', 'ABC123'), '4611': ('OrderReference', '4500012345'), '4612': ('AccountingCost', '1234.5678.90')}
for m in k['kommunar']:
    if m['kommunenummer'] in refs:
        m['faktura'].update(referansefelt=refs[m['kommunenummer']][0], referanse=refs[m['kommunenummer']][1], kontakt='Kari Nordmann',
                            postadresse={'adresse': 'Postboks 1', 'postnummer': '5401', 'stad': 'Stord'}, mottakar_orgnr='964338531')
json.dump(k, open(d + '/kommunar.json', 'w'), ensure_ascii=False, indent=2)
PY
"$bin" --quiet --inputs "$work/in" --templates "$src/templates" --out "$work/a" --ny-reskontro --reskontro "$work/l.sqlite" --year 2021 fakturaer || exit 1
# a correction: one municipality's population changes → a credit note and a new invoice
/usr/bin/python3 - "$work/in/kommunar.json" <<'PY'
import json, sys
p = sys.argv[1]; d = json.load(open(p))
for k in d['kommunar']:
    if k['kommunenummer'] == '4634': k['folketal']['2020-01-01'] += 10
json.dump(d, open(p, 'w'), ensure_ascii=False, indent=2)
PY
"$bin" --quiet --inputs "$work/in" --templates "$src/templates" --out "$work/b" --ny-reskontro --reskontro "$work/l.sqlite" --year 2021 --korriger --dato 2021-10-04 fakturaer || exit 1
/usr/bin/python3 "$here/check_ehf.py" "$work"/b/fakturaer/2021/ehf/*.xml || rc=1
ls "$work"/b/fakturaer/2021/ehf/kreditnota-*.xml >/dev/null 2>&1 || { echo "FAIL: no credit note"; rc=1; }
# the checker must fail on broken files
f="$(ls "$work"/b/fakturaer/2021/ehf/faktura-*4634*.xml | tail -1)"
mkdir -p "$work/bad/ehf"
sed 's|<cbc:PayableAmount currencyID="NOK">\([0-9]*\)\.|<cbc:PayableAmount currencyID="NOK">9\1.|' "$f" > "$work/bad/ehf/sum.xml"
sed 's|<cbc:TaxExemptionReasonCode>|<cbc:Percent>0</cbc:Percent><cbc:TaxExemptionReasonCode>|' "$f" > "$work/bad/ehf/percent.xml"
sed 's|<cbc:PaymentID>\([0-9]*\)[0-9]</cbc:PaymentID>|<cbc:PaymentID>\1X</cbc:PaymentID>|' "$f" > "$work/bad/ehf/kid.xml"
/usr/bin/python3 - "$f" "$work/bad/ehf/order.xml" <<'PY'
import sys
s = open(sys.argv[1]).read()
a = s.index('  <cbc:DocumentCurrencyCode>'); b = s.index('\n', a) + 1
c = s.index('  <cbc:BuyerReference>'); d = s.index('\n', c) + 1
open(sys.argv[2], 'w').write(s[:a] + s[c:d] + s[a:b] + s[d:])
PY
for m in sum percent kid order; do
  if /usr/bin/python3 "$here/check_ehf.py" "$work/bad/ehf/$m.xml" >/dev/null; then echo "FAIL: check_ehf.py accepts a broken file ($m)"; rc=1; fi
done
[ $rc = 0 ] && echo "OK: EHF files pass; the checker rejects the 4 broken ones"
exit $rc
