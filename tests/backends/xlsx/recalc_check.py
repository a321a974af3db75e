#!/usr/bin/env python3
"""Helpers for recalc.sh.

blank SRC DST           copy the workbook with every formula's cached value removed
compare BOOK CSVDIR STEM  compare LibreOffice's recalculated CSV export of each sheet with the
                          cached values in BOOK (the engine's figures), and check the figures the
                          issue names (Masfjorden 133 820 kr, 79,14 kr per inhabitant, total
                          10 371 420 kr, Bergen 0)
"""
import csv, os, re, sys, zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}


def sheets(book):
    with zipfile.ZipFile(book) as z:
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        target = {r.get("Id"): r.get("Target") for r in rels}
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
                shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
        out = []
        for s in wb.find("m:sheets", NS):
            rid = s.get("{%s}id" % NS["r"])
            xml = ET.fromstring(z.read("xl/" + target[rid]))
            cells = {}
            for c in xml.iter("{%s}c" % NS["m"]):
                ref = c.get("r")
                f = c.find("m:f", NS)
                v = c.find("m:v", NS)
                t = c.get("t")
                val = v.text if v is not None else None
                if t == "s" and val is not None:
                    val = shared[int(val)]
                cells[ref] = (f is not None, t, val)
            out.append((s.get("name"), cells))
        return out


def blank(src, dst):
    with zipfile.ZipFile(src) as zi, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zo:
        for item in zi.infolist():
            data = zi.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                text = data.decode("utf-8")
                # <c ...><f>..</f><v>cached</v></c> → drop the cached value
                text = re.sub(r"(</f>)<v>[^<]*</v>", r"\1", text)
                data = text.encode("utf-8")
            zo.writestr(item, data)


def ref_to_rc(ref):
    m = re.match(r"([A-Z]+)(\d+)", ref)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)) - 1, col - 1


def compare(book, csvdir, stem):
    failures, compared = [], 0
    data = {}
    for name, cells in sheets(book):
        path = os.path.join(csvdir, "%s-%s.csv" % (stem, name))
        if not os.path.exists(path):
            failures.append("no CSV for sheet %r (%s)" % (name, path))
            continue
        with open(path, encoding="utf-8") as f:
            rows = list(csv.reader(f))
        data[name] = rows
        for ref, (is_formula, t, cached) in cells.items():
            if not is_formula:
                continue
            r, c = ref_to_rc(ref)
            got = rows[r][c] if r < len(rows) and c < len(rows[r]) else ""
            want = cached if cached is not None else ""
            compared += 1
            if t == "str" or t == "s":
                ok = got == want
            else:
                try:
                    if got.endswith("%"):  # LibreOffice keeps the percent sign even for raw values
                        got = repr(float(got[:-1]) / 100)
                    ok = abs(float(got or 0) - float(want or 0)) <= 1e-9 * max(1.0, abs(float(want or 0)))
                except ValueError:
                    ok = got == want
            if not ok:
                failures.append("%s!%s: LibreOffice %r, engine %r" % (name, ref, got, want))
    # The check values from the seeds, on the recalculated sheet.
    contrib = next((rows for n, rows in data.items() if n.startswith("Bidrag")), None)
    if contrib is None:
        failures.append("no contribution sheet")
    else:
        header = next(i for i, row in enumerate(contrib) if row and row[0].startswith("Kommunenr"))
        cols = contrib[header]
        amount, percap = cols.index("Bidrag"), next(i for i, h in enumerate(cols) if h.startswith("Kr per"))
        byno = {row[0]: row for row in contrib[header + 1:] if row and re.fullmatch(r"46\d\d", row[0])}
        def expect(label, got, want):
            if abs(float(got) - want) > 1e-9:
                failures.append("check value %s: got %s, want %s" % (label, got, want))
        expect("Masfjorden bidrag", byno["4634"][amount], 133820)
        expect("Masfjorden kr per innbyggjar", byno["4634"][percap], 79.14)
        expect("Bergen bidrag", byno["4601"][amount], 0)
        total = next(row for row in contrib if len(row) > 1 and row[1] == "Sum")
        expect("sum 42 kommunar", total[amount], 10371420)
    for f in failures[:30]:
        print("recalc: " + f)
    print("recalc: %d formula cells compared, %d mismatches" % (compared, len(failures)))
    return 1 if failures or compared == 0 else 0


if __name__ == "__main__":
    if sys.argv[1] == "blank":
        blank(sys.argv[2], sys.argv[3])
    else:
        sys.exit(compare(sys.argv[2], sys.argv[3], sys.argv[4]))
