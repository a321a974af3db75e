#!/usr/bin/python3
"""The editable case documents of a decision round (issue 12), checked as their users get them.

Runs `digivestland --runde vedtak-2025 saksframlegg` twice and checks, for the 43 municipalities:
the .docx through python-docx (Heading N styles, exactly one "Forslag til vedtak" paragraph equal to
the forslag-til-vedtak .txt, the document language, no [placeholder]); the .odt's XML (text:h with
text:outline-level, the "Forslag til vedtak" style, mimetype first and stored, fo:language); both
runs byte-identical; and LibreOffice headless converting the documents of four municipalities to
PDF and text, whose text holds the municipality's amount (hand-computed below) and its decision.

usage: check_editable.py DIGIVESTLAND SOURCE_DIR
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

import docx

NS = {
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
}
# Hand-computed 2026 amounts (the adopted 2025 agreement: 100 000 + 20 × population on 1.1.2024,
# assumed for 1.1.2025, at most 500 000): Masfjorden 1 694 → 133 880; Voss 16 471 → 429 420;
# Askøy 30 145 → 702 900, capped at 500 000. Bergen, the host, pays no fee and is shown none
# (and its case document has no amounts table, the others' has one with a header row).
AMOUNTS = {"4634-masfjorden": "133 880,00", "4621-voss": "429 420,00", "4627-askoy": "500 000,00", "4601-bergen": None}

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


def run(cli, src, out):
    subprocess.run([cli, "--quiet", "--inputs", src + "/inputs", "--templates", src + "/templates", "--out", out,
                    "--runde", "vedtak-2025", "saksframlegg"], check=True)


def flat(s):
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ").replace("\ufeff", ""))


def check_docx(path, decision, lang, amounts_table):
    d = docx.Document(path)
    styles = [p.style.name for p in d.paragraphs]
    if not any(s.startswith("Heading ") for s in styles):
        fail(path + ": no paragraph in a Heading style")
    props = [p for p in d.paragraphs if p.style.name == "Forslag til vedtak"]
    if len(props) != 1:
        fail(f"{path}: {len(props)} paragraphs in the style 'Forslag til vedtak', expected 1")
    elif props[0].text.strip() != decision.strip():
        fail(f"{path}: the 'Forslag til vedtak' paragraph differs from the .txt")
    heading_levels = {int(s.split()[1]) for s in styles if s.startswith("Heading ")}
    for level in heading_levels:
        ppr = d.styles["Heading %d" % level].element.pPr
        lvl = ppr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}outlineLvl") if ppr is not None else None
        if lvl is None or lvl.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val") != str(level - 1):
            fail(f"{path}: Heading {level} has no outline level {level - 1}")
    if d.core_properties.language != lang:
        fail(f"{path}: language {d.core_properties.language!r}, expected {lang}")
    text = "\n".join(p.text for p in d.paragraphs) + "\n".join(c.text for t in d.tables for r in t.rows for c in r.cells)
    if re.search(r"\[[a-zæøå_ ]+\]", text):
        fail(path + ": a [placeholder] is left: " + re.search(r"\[[a-zæøå_ ]+\]", text).group(0))
    if amounts_table and not any(t.rows[0]._tr.trPr is not None and t.rows[0]._tr.trPr.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader") is not None for t in d.tables):
        fail(path + ": no table with a header row")


def check_odt(path, decision, lang, amounts_table):
    with zipfile.ZipFile(path) as z:
        first = z.infolist()[0]
        if first.filename != "mimetype" or first.compress_type != zipfile.ZIP_STORED:
            fail(path + ": mimetype is not the first, stored entry")
        if z.read("mimetype") != b"application/vnd.oasis.opendocument.text":
            fail(path + ": wrong mimetype")
        content = ET.fromstring(z.read("content.xml"))
        styles = ET.fromstring(z.read("styles.xml"))
    heads = content.findall(".//text:h", NS)
    if not heads:
        fail(path + ": no text:h")
    for h in heads:
        if not h.get("{%s}outline-level" % NS["text"]):
            fail(path + ": a text:h without text:outline-level")
    props = [p for p in content.iter("{%s}p" % NS["text"]) if p.get("{%s}style-name" % NS["text"]) == "Forslag_20_til_20_vedtak"]
    if len(props) != 1 or flat("".join(props[0].itertext())).strip() != flat(decision).strip():
        fail(path + ": the 'Forslag til vedtak' paragraph is missing or differs from the .txt")
    names = {s.get("{%s}display-name" % NS["style"]) for s in styles.iter("{%s}style" % NS["style"])}
    if "Forslag til vedtak" not in names or "Heading 1" not in names:
        fail(path + ": styles 'Forslag til vedtak' / 'Heading 1' missing")
    tp = styles.find(".//style:default-style/style:text-properties", NS)
    if tp is None or tp.get("{%s}language" % NS["fo"]) + "-" + tp.get("{%s}country" % NS["fo"]) != lang:
        fail(path + ": document language is not " + lang)
    if amounts_table and not content.findall(".//{urn:oasis:names:tc:opendocument:xmlns:table:1.0}table-header-rows"):
        fail(path + ": no table with header rows")


def libreoffice(files, target, outdir, profile):
    subprocess.run(["soffice", "--headless", "-env:UserInstallation=file://" + profile, "--convert-to", target,
                    "--outdir", outdir] + files, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    cli, src = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        a, b = os.path.join(tmp, "a"), os.path.join(tmp, "b")
        run(cli, src, a)
        run(cli, src, b)
        manifest = json.load(open(os.path.join(a, "manifest.json")))
        kinds = {}
        for e in manifest:
            kinds.setdefault(e["kind"], []).append(e)
        for kind in ("saksframlegg-docx", "saksframlegg-odt", "forslag-til-vedtak"):
            if len(kinds.get(kind, [])) != 43:
                fail(f"{len(kinds.get(kind, []))} files of kind {kind}, expected 43")
        for e in manifest:
            pa, pb = os.path.join(a, e["path"]), os.path.join(b, e["path"])
            if open(pa, "rb").read() != open(pb, "rb").read():
                fail(e["path"] + ": differs between two runs")
        kommunar = {k["kommunenummer"]: k for k in json.load(open(src + "/inputs/kommunar.json"))["kommunar"]}
        for e in kinds.get("forslag-til-vedtak", []):
            slug = os.path.basename(e["path"])[len("forslag-til-vedtak-"):-4]
            decision = open(os.path.join(a, e["path"]), encoding="utf-8").read()
            k = kommunar[e["kommunenummer"]]
            lang = "nb-NO" if k["malform"] in ("bokmål", "nøytral") else "nn-NO"
            if not decision.startswith(k["namn"] + " ") or decision.count("\n") != 1:
                fail(e["path"] + ": not one line starting with the municipality's name: " + decision[:60])
            check_docx(os.path.join(a, "saksframlegg", "saksframlegg-" + slug + ".docx"), decision, lang, not k["vertskommune"])
            check_odt(os.path.join(a, "saksframlegg", "saksframlegg-" + slug + ".odt"), decision, lang, not k["vertskommune"])

        profile = os.path.join(tmp, "lo-profile")
        files = [os.path.join(a, "saksframlegg", "saksframlegg-" + s + ext) for s in AMOUNTS for ext in (".docx", ".odt")]
        for target, sub in (("pdf", "pdf"), ("txt:Text (encoded):UTF8", "txt")):
            for ext in (".docx", ".odt"):
                libreoffice([f for f in files if f.endswith(ext)], target, os.path.join(tmp, sub + ext), profile)
        for slug, amount in AMOUNTS.items():
            decision = open(os.path.join(a, "saksframlegg", "forslag-til-vedtak-" + slug + ".txt"), encoding="utf-8").read()
            for ext in (".docx", ".odt"):
                name = "saksframlegg-" + slug
                txt = flat(open(os.path.join(tmp, "txt" + ext, name + ".txt"), encoding="utf-8").read())
                pdf = os.path.join(tmp, "pdf" + ext, name + ".pdf")
                pdftext = flat(subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout)
                for what, t in (("text", txt), ("PDF", pdftext)):
                    if flat(decision).strip() not in t:
                        fail(f"{name}{ext} → {what}: the proposed decision is missing")
                    if amount and amount not in t:
                        fail(f"{name}{ext} → {what}: the amount {amount} is missing")
                if amount is None and ",00" in txt:
                    fail(f"{name}{ext}: the host is shown an amount")
    print(f"check_editable: {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
