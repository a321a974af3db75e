#!/usr/bin/env python3
"""Helpers for recalc.sh: the workbook's cached values against LibreOffice's recalculation.

blank SRC DST
    copy the workbook with every formula's cached value removed, so that whatever LibreOffice
    writes for a formula cell can only come from evaluating the formula
compare BOOK RECALC YEAR
    compare every formula cell of BOOK (the engine's figures, cached by the program) with the
    same cell of RECALC (LibreOffice's recalculation of the blanked copy, saved as XLSX): the
    type (number, text, boolean, error) and the value must be equal, so a text result "" cached
    as the number 0 fails, and so does a formula LibreOffice did not evaluate. For 2021 it also
    checks the figures the issue names (Masfjorden 133 820 kr, 79,14 kr per inhabitant, total
    10 371 420 kr, Bergen 0).
selftest BOOK RECALC BLANK
    shows that compare can fail: on copies of BOOK with a deliberately wrong cached value (a text
    result "" cached as 0, a number off by one, a text changed) and on the blanked copy taken as
    the recalculation (what LibreOffice would give if it evaluated nothing), compare must report
    exactly the damaged cells.
"""
import os, re, sys, tempfile, zipfile
import xml.etree.ElementTree as ET

M = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS = {"m": M, "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
NUMBER, TEXT, BOOL, ERROR = "number", "text", "boolean", "error"
NOVALUE = object()  # a cell with no <v>: no cached value at all (not even "")


def kind_of(t):
    return {None: NUMBER, "n": NUMBER, "str": TEXT, "s": TEXT, "inlineStr": TEXT, "b": BOOL, "e": ERROR}[t]


def sheets(book):
    """{sheet name: {ref: (is_formula, kind, value)}}, value a str, or NOVALUE."""
    with zipfile.ZipFile(book) as z:
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        target = {r.get("Id"): r.get("Target") for r in rels}
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
                shared.append("".join(t.text or "" for t in si.iter("{%s}t" % M)))
        out = {}
        for s in wb.find("m:sheets", NS):
            path = target[s.get("{%s}id" % NS["r"])]
            path = path.lstrip("/") if path.startswith("/") else "xl/" + path
            cells = {}
            for c in ET.fromstring(z.read(path)).iter("{%s}c" % M):
                t = c.get("t")
                v = c.find("m:v", NS)
                if t == "inlineStr":
                    val = "".join(x.text or "" for x in c.iter("{%s}t" % M))
                elif v is None:
                    val = NOVALUE
                else:
                    val = v.text or ""
                    if t == "s":
                        val = shared[int(val)]
                cells[c.get("r")] = (c.find("m:f", NS) is not None, kind_of(t), val)
            out[s.get("name")] = cells
        return out


def blank(src, dst):
    removed = 0
    with zipfile.ZipFile(src) as zi, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zo:
        for item in zi.infolist():
            data = zi.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                # <c ...><f>..</f><v>cached</v></c> → drop the cached value
                text, n = re.subn(r"(</f>)<v>[^<]*</v>", r"\1", data.decode("utf-8"))
                removed += n
                data = text.encode("utf-8")
            zo.writestr(item, data)
    left = [(name, ref) for name, cells in sheets(dst).items()
            for ref, (f, _, v) in cells.items() if f and v is not NOVALUE]
    total = sum(1 for cells in sheets(src).values() for f, _, _ in cells.values() if f)
    if left or removed != total or total == 0:
        print("recalc: blanking failed: %d of %d cached values removed, left: %s" % (removed, total, left[:5]))
        return 1
    return 0


def ref_to_rc(ref):
    m = re.match(r"([A-Z]+)(\d+)", ref)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)) - 1, col - 1


def same_number(a, b):
    try:
        x, y = float(a), float(b)
    except ValueError:
        return False
    return abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y))


def show(kind, value):
    return "no value" if value is NOVALUE else "%s %r" % (kind, value)


def compare_cells(book, recalc):
    """(failures, counts by kind) over the formula cells of `book`."""
    failures, counts = [], {}
    for name, cells in book.items():
        other = recalc.get(name)
        if other is None:
            failures.append("sheet %r missing from the recalculated workbook" % name)
            continue
        for ref, (is_formula, kind, cached) in sorted(cells.items(), key=lambda x: ref_to_rc(x[0])):
            if not is_formula:
                continue
            counts[kind] = counts.get(kind, 0) + 1
            where = "%s!%s" % (name, ref)
            if cached is NOVALUE:
                failures.append("%s: no cached value" % where)
                continue
            if ref not in other or not other[ref][0]:
                failures.append("%s: not a formula cell after recalculation" % where)
                continue
            _, got_kind, got = other[ref]
            if got is NOVALUE or got_kind != kind:
                ok = False
            elif kind == NUMBER:
                ok = same_number(got, cached)
            else:
                ok = got == cached
            if not ok:
                failures.append("%s: LibreOffice %s, cached %s" % (where, show(got_kind, got), show(kind, cached)))
    return failures, counts


def seed_checks(recalc):
    """The figures the issue names for 2021, on the recalculated contribution sheet."""
    failures = []
    name = next((n for n in recalc if n.startswith("Bidrag")), None)
    if name is None:
        return ["no contribution sheet"]
    grid = {}
    for ref, (_, _, v) in recalc[name].items():
        grid[ref_to_rc(ref)] = "" if v is NOVALUE else v
    rows = 1 + max(r for r, _ in grid)
    row = lambda r: [grid.get((r, c), "") for c in range(1 + max(c for _, c in grid))]
    header = next(r for r in range(rows) if row(r)[0].startswith("Kommunenr"))
    cols = row(header)
    amount, percap = cols.index("Bidrag"), next(i for i, h in enumerate(cols) if h.startswith("Kr per"))
    byno = {row(r)[0]: row(r) for r in range(header + 1, rows) if re.fullmatch(r"46\d\d", row(r)[0])}
    total = next(row(r) for r in range(rows) if row(r)[1] == "Sum")

    def expect(label, got, want):
        if not same_number(got, want):
            failures.append("check value %s: got %r, want %s" % (label, got, want))
    expect("Masfjorden bidrag", byno["4634"][amount], 133820)
    expect("Masfjorden kr per innbyggjar", byno["4634"][percap], 79.14)
    expect("Bergen bidrag", byno["4601"][amount], 0)
    expect("sum 42 kommunar", total[amount], 10371420)
    return failures


def compare(book, recalc, year):
    failures, counts = compare_cells(sheets(book), sheets(recalc))
    if year == "2021":
        failures += seed_checks(sheets(recalc))
    for f in failures[:30]:
        print("recalc: " + f)
    n = sum(counts.values())
    print("recalc %s: %d formula cells compared (%s), %d mismatches" % (
        year, n, ", ".join("%d %s" % (v, k) for k, v in sorted(counts.items())), len(failures)))
    return 1 if failures or n == 0 else 0


def damaged(book, dst, pattern, repl, every=False):
    """A copy of `book` with the first match of `pattern` in a worksheet replaced (every match
    with `every`); returns the cells damaged as "sheet!ref"."""
    with zipfile.ZipFile(book) as z:  # sheet file → sheet name
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
        names = {"xl/" + rels[s.get("{%s}id" % NS["r"])]: s.get("name") for s in wb.find("m:sheets", NS)}
    hits = []
    with zipfile.ZipFile(book) as zi, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zo:
        for item in zi.infolist():
            data = zi.read(item.filename)
            if item.filename in names and (every or not hits):
                def one(m):
                    hits.append("%s!%s" % (names[item.filename], m.group("ref")))
                    return m.expand(repl)
                data = re.sub(pattern, one, data.decode("utf-8"), count=0 if every else 1).encode("utf-8")
            zo.writestr(item, data)
    return hits


def selftest(book, recalc, blanked):
    problems = []
    lo = sheets(recalc)
    formulas = sum(1 for cells in sheets(book).values() for f, _, _ in cells.values() if f)
    # What LibreOffice would give if it had evaluated nothing: every formula cell must fail.
    failures, _ = compare_cells(sheets(book), sheets(blanked))
    if len(failures) != formulas:
        problems.append("blanked copy as the recalculation: %d of %d formula cells reported" % (len(failures), formulas))
    else:
        print("recalc self-test: the blanked copy taken as the recalculation fails on all %d formula cells" % formulas)
    empty_as_zero = (r'<c r="(?P<ref>[A-Z]+\d+)"(?P<s> s="\d+")? t="str"><f>(?P<f>[^<]*)</f><v></v>',
                     r'<c r="\g<ref>"\g<s>><f>\g<f></f><v>0</v>')
    cases = [
        # the bug of issue 10: a text result "" cached as the number 0 (worksheet_write_formula_num)
        ("text \"\" cached as 0",) + empty_as_zero,
        ("number changed", r'<c r="(?P<ref>[A-Z]+\d+)"(?P<s> s="\d+")?><f>(?P<f>[^<]*)</f><v>(?P<v>[1-9]\d*)</v>',
         r'<c r="\g<ref>"\g<s>><f>\g<f></f><v>1\g<v></v>'),
        ("text changed", r'<c r="(?P<ref>[A-Z]+\d+)"(?P<s> s="\d+")? t="str"><f>(?P<f>[^<]*)</f><v>(?P<v>[^<]+)</v>',
         r'<c r="\g<ref>"\g<s> t="str"><f>\g<f></f><v>x\g<v></v>'),
        ("text \"\" cached as the text \"0\"", r'<c r="(?P<ref>[A-Z]+\d+)"(?P<s> s="\d+")? t="str"><f>(?P<f>[^<]*)</f><v></v>',
         r'<c r="\g<ref>"\g<s> t="str"><f>\g<f></f><v>0</v>'),
        ("cached value missing", r'<c r="(?P<ref>[A-Z]+\d+)"(?P<s> s="\d+")?><f>(?P<f>[^<]*)</f><v>[^<]*</v>',
         r'<c r="\g<ref>"\g<s>><f>\g<f></f>'),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        for label, pattern, repl in cases:
            dst = os.path.join(tmp, "damaged.xlsx")
            hits = damaged(book, dst, pattern, repl)
            if not hits:
                if label == "text changed":
                    continue  # a workbook may have no non-empty text result
                problems.append("%s: no such cell to damage" % label)
                continue
            failures, _ = compare_cells(sheets(dst), lo)
            if len(failures) != 1 or not failures[0].startswith(hits[0] + ":"):
                problems.append("%s at %s: compare reported %r" % (label, hits[0], failures[:3]))
            else:
                print("recalc self-test: %s at %s is caught: %s" % (label, hits[0], failures[0]))
        # Every text result "" cached as 0, as the program did before (34 cells of Framskriving
        # among them): each must be reported, and nothing else.
        dst = os.path.join(tmp, "damaged.xlsx")
        hits = damaged(book, dst, *empty_as_zero, every=True)
        failures, _ = compare_cells(sheets(dst), lo)
        reported = sorted(f.split(": ")[0] for f in failures)
        if reported != sorted(hits):
            problems.append("every \"\" cached as 0: %d damaged, %d reported" % (len(hits), len(failures)))
        else:
            per = {}
            for h in hits:
                per[h.split("!")[0]] = per.get(h.split("!")[0], 0) + 1
            print("recalc self-test: every text \"\" cached as 0 is caught: %s" %
                  ", ".join("%d on %s" % (n, s) for s, n in per.items()))
    for p in problems:
        print("recalc self-test: " + p)
    print("recalc self-test: %s" % ("FAILED" if problems else "the check fails on every damaged copy"))
    return 1 if problems else 0


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "blank":
        sys.exit(blank(sys.argv[2], sys.argv[3]))
    if cmd == "compare":
        sys.exit(compare(sys.argv[2], sys.argv[3], sys.argv[4]))
    if cmd == "selftest":
        sys.exit(selftest(sys.argv[2], sys.argv[3], sys.argv[4]))
    sys.exit("usage: recalc_check.py blank|compare|selftest ...")
