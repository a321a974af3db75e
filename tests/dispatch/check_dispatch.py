#!/usr/bin/python3
"""Send-ready dispatches (issue 12), checked as an integration point or SvarUt would take them.

Runs `digivestland --runde ID forsendingar` for the decision round (twice: byte-identical) and the
hearing, and checks: 43 folders, each with its PDF/A files, arkivmelding.xml, sbd.json,
forsendelse.json and manifest.json; every arkivmelding.xml and the host's journal valid against
schemas/arkivmelding.xsd (xmllint); every referenced file there; the main document first; UUIDs
unique; the receiver's name and organisation number from kommunar.json; the manifests' sizes and
SHA-256 recomputed, and so the checksum and size each dokumentobjekt gives. Then the schema itself
must reject broken copies. With DV_OFFICIAL_ARKIVMELDING_XSD set to a local copy of eFormidling's
arkivmelding.xsd (v1, with its metadatakatalog.xsd beside it; neither is in this repository),
every file is also validated against that.

usage: check_dispatch.py DIGIVESTLAND SOURCE_DIR
"""
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

NS = {"a": "http://www.arkivverket.no/standarder/noark5/arkivmelding"}
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


def run(cli, src, out, occasion):
    subprocess.run([cli, "--quiet", "--inputs", src + "/inputs", "--templates", src + "/templates", "--out", out,
                    "--runde", occasion, "forsendingar"], check=True)


def valid(xsd, path):
    r = subprocess.run(["xmllint", "--noout", "--schema", xsd, path], capture_output=True, text=True)
    return r.returncode == 0, r.stderr.strip()


def full_name(k):
    return k["namn"] + (" herad" if k["eining"] == "herad" else " kommune")


OFFICIAL = os.environ.get("DV_OFFICIAL_ARKIVMELDING_XSD")


def check_arkivmelding(path, xsd, names):
    ok, err = valid(xsd, path)
    if not ok:
        fail(path + ": not valid against our arkivmelding.xsd: " + err[-300:])
    if OFFICIAL:
        ok, err = valid(OFFICIAL, path)
        if not ok:
            fail(path + ": not valid against the official arkivmelding.xsd: " + err[-300:])
    root = ET.parse(path).getroot()
    mapper = root.findall("a:mappe", NS)
    if len(mapper) != 1 or mapper[0].get(XSI_TYPE) != "saksmappe":
        fail(path + ": not exactly one saksmappe")
        return root
    ids = [e.text for e in root.iter("{%s}systemID" % NS["a"])] + [root.find("a:meldingId", NS).text]
    if len(ids) != len(set(ids)):
        fail(path + ": systemIDs are not unique")
    keys = [e.text for e in root.iter("{%s}noekkel" % NS["a"])]
    if len(keys) != 1 + len(mapper[0].findall("a:registrering", NS)) or len(keys) != len(set(keys)):
        fail(path + ": not one unique referanseEksternNoekkel per mappe and registrering")
    posts = mapper[0].findall("a:registrering", NS)
    objects = 0
    for jp in posts:
        if jp.get(XSI_TYPE) != "journalpost" or jp.find("a:journalposttype", NS).text != "Utgående dokument":
            fail(path + ": a registration that is not an outgoing journalpost")
        if jp.find("a:referanseForelderMappe", NS).text != mapper[0].find("a:systemID", NS).text:
            fail(path + ": a journalpost not placed in the saksmappe")
        docs = jp.findall("a:dokumentbeskrivelse", NS)
        roles = [d.find("a:tilknyttetRegistreringSom", NS).text for d in docs]
        if not roles or roles[0] != "Hoveddokument" or roles.count("Hoveddokument") != 1:
            fail(path + ": the main document is not first and alone: " + str(roles))
        if docs and "folgjebrev" not in docs[0].find("a:dokumentobjekt/a:referanseDokumentfil", NS).text:
            fail(path + ": the main document is not the cover letter")
        for d in docs:
            for o in d.findall("a:dokumentobjekt", NS):
                objects += 1
                f = os.path.join(os.path.dirname(path), o.find("a:referanseDokumentfil", NS).text)
                if not os.path.isfile(f):
                    fail(path + ": refers to a missing file " + f)
                    continue
                data = open(f, "rb").read()
                if not data.startswith(b"%PDF-") or b"pdfaid:part>2<" not in data:
                    fail(f + ": not a PDF/A-2 file")
                if (o.find("a:sjekksum", NS).text != hashlib.sha256(data).hexdigest()
                        or int(o.find("a:filstoerrelse", NS).text) != len(data)):
                    fail(f + ": checksum or size in the arkivmelding differs from the file")
        parts = [(p.find("a:korrespondansepartNavn", NS).text, p.findtext("a:organisasjonsnummer/a:organisasjonsnummer", None, NS))
                 for p in jp.findall("a:korrespondansepart", NS)]
        if len(parts) != 1 or parts[0] not in names:
            fail(path + ": korrespondansepart is not one municipality's name and organisation number: " + str(parts))
    if int(root.find("a:antallFiler", NS).text) != objects:
        fail(path + ": antallFiler is not the number of files")
    return root


def check_folder(folder, k, host, xsd):
    files = sorted(os.listdir(folder))
    for must in ("arkivmelding.xml", "sbd.json", "forsendelse.json", "manifest.json"):
        if must not in files:
            fail(folder + ": no " + must)
            return
    pdfs = [f for f in files if f.endswith(".pdf")]
    if len(pdfs) < 4:
        fail(folder + ": fewer than four PDF files")
    root = check_arkivmelding(os.path.join(folder, "arkivmelding.xml"), xsd, {(full_name(k), k["organisasjonsnummer"])})
    posts = root.findall("a:mappe/a:registrering", NS)
    if len(posts) != 1:
        fail(folder + ": not one journalpost")
    order = [o.text for o in root.iter("{%s}referanseDokumentfil" % NS["a"])]
    if sorted(order) != pdfs:
        fail(folder + ": the arkivmelding does not list exactly the folder's PDFs")
    sbd = json.load(open(os.path.join(folder, "sbd.json")))
    h = sbd["standardBusinessDocumentHeader"]
    if h["receiver"][0]["identifier"]["value"] != "0192:" + k["organisasjonsnummer"]:
        fail(folder + ": SBD receiver is not 0192:" + k["organisasjonsnummer"])
    if h["sender"][0]["identifier"]["value"] != "0192:" + host["organisasjonsnummer"]:
        fail(folder + ": SBD sender is not the host")
    d = h["documentIdentification"]
    if d["standard"] != "urn:no:difi:arkivmelding:xsd::arkivmelding" or d["type"] != "arkivmelding" or "arkivmelding" not in sbd:
        fail(folder + ": SBD is not of the arkivmelding document type")
    if d["instanceIdentifier"] != root.find("a:meldingId", NS).text:
        fail(folder + ": SBD instanceIdentifier is not the arkivmelding's meldingId")
    scope = h["businessScope"]["scope"][0]
    if scope["type"] != "ConversationId" or scope["identifier"] != "urn:no:difi:profile:arkivmelding:administrasjon:ver1.0":
        fail(folder + ": SBD process is not the arkivmelding administration process")
    fs = json.load(open(os.path.join(folder, "forsendelse.json")))
    if fs["mottaker"]["digitalId"] != k["organisasjonsnummer"] or fs["mottaker"]["navn"] != full_name(k):
        fail(folder + ": SvarUt mottaker is not the municipality")
    if [x["filnavn"] for x in fs["dokumenter"]] != order or any(x["mimeType"] != "application/pdf" for x in fs["dokumenter"]):
        fail(folder + ": SvarUt dokumenter differ from the arkivmelding's files")
    if not fs["tittel"] or fs["metadataFraAvleverendeSystem"]["tittel"] != fs["tittel"]:
        fail(folder + ": SvarUt tittel missing")
    manifest = json.load(open(os.path.join(folder, "manifest.json")))
    listed = {e["path"]: e for e in manifest}
    if sorted(listed) != [f for f in files if f != "manifest.json"]:
        fail(folder + ": manifest.json does not list every other file")
    for name, e in listed.items():
        data = open(os.path.join(folder, name), "rb").read()
        if e["bytes"] != len(data) or e["sha256"] != hashlib.sha256(data).hexdigest():
            fail(folder + "/" + name + ": size or SHA-256 differs from manifest.json")


def check_run(cli, src, out, occasion, xsd, kommunar):
    run(cli, src, out, occasion)
    host = next(k for k in kommunar if k["vertskommune"])
    root = os.path.join(out, "forsendingar")
    folders = sorted(f for f in os.listdir(root) if os.path.isdir(os.path.join(root, f)))
    if len(folders) != 43:
        fail(f"{occasion}: {len(folders)} dispatch folders, expected 43")
    by_number = {k["kommunenummer"]: k for k in kommunar}
    for f in folders:
        check_folder(os.path.join(root, f), by_number[f[:4]], host, xsd)
    journal = check_arkivmelding(os.path.join(root, "journal-arkivmelding.xml"), xsd,
                                 {(full_name(k), k["organisasjonsnummer"]) for k in kommunar})
    posts = journal.findall("a:mappe/a:registrering", NS)
    receivers = sorted(p.find("a:korrespondansepart/a:korrespondansepartNavn", NS).text for p in posts)
    if receivers != sorted(full_name(k) for k in kommunar):
        fail(occasion + ": the journal does not hold one journalpost per municipality")
    manifest = json.load(open(os.path.join(out, "manifest.json")))
    kinds = {}
    for e in manifest:
        kinds.setdefault(e["kind"], []).append(e)
    for kind in ("arkivmelding", "sbd", "svarut-forsendelse"):
        numbers = sorted(e.get("kommunenummer", "") for e in kinds.get(kind, []))
        if numbers != sorted(by_number):
            fail(f"{occasion}: manifest kind {kind} is not once per kommunenummer")
    if len(kinds.get("journal-arkivmelding", [])) != 1:
        fail(occasion + ": no journal-arkivmelding in the manifest")


def check_schema_rejects(xsd, good, tmp):
    text = open(good, encoding="utf-8").read()
    broken = {
        "no saksstatus": re.sub(r"\s*<saksstatus>.*?</saksstatus>", "", text),
        "journalposttype not in the list": text.replace("Utgående dokument", "Utgåande brev", 1),
        "systemID not a UUID": re.sub(r"<systemID>[^<]*</systemID>", "<systemID>42</systemID>", text, count=1),
        "tittel before the documents": re.sub(r"(<referanseForelderMappe>[^<]*</referanseForelderMappe>)",
                                             r"\1<tittel>x</tittel>", text, count=1),
        "two folders": text.replace("</mappe>", "</mappe><mappe/>", 1),
        "no external key": re.sub(r"\s*<referanseEksternNoekkel>.*?</referanseEksternNoekkel>", "", text, count=1, flags=re.S),
        "no format": re.sub(r"\s*<format>[^<]*</format>", "", text, count=1),
        "checksum not SHA-256 hex": re.sub(r"<sjekksum>[^<]*</sjekksum>", "<sjekksum>abc</sjekksum>", text, count=1),
        "basisregistrering (the pre-v1 name)": text.replace("<registrering ", "<basisregistrering ", 1).replace(
            "</registrering>", "</basisregistrering>", 1),
    }
    for what, xml in broken.items():
        p = os.path.join(tmp, "broken.xml")
        open(p, "w", encoding="utf-8").write(xml)
        if valid(xsd, p)[0]:
            fail("our arkivmelding.xsd accepts a broken file: " + what)


def main():
    cli, src = sys.argv[1], sys.argv[2]
    xsd = os.path.join(src, "schemas", "arkivmelding.xsd")
    kommunar = json.load(open(src + "/inputs/kommunar.json"))["kommunar"]
    with tempfile.TemporaryDirectory() as tmp:
        a, b, h = (os.path.join(tmp, x) for x in ("a", "b", "h"))
        check_run(cli, src, a, "vedtak-2025", xsd, kommunar)
        run(cli, src, b, "vedtak-2025")
        for e in json.load(open(os.path.join(a, "manifest.json"))):
            if open(os.path.join(a, e["path"]), "rb").read() != open(os.path.join(b, e["path"]), "rb").read():
                fail(e["path"] + ": differs between two runs")
        check_run(cli, src, h, "hoyring-2024", xsd, kommunar)
        check_schema_rejects(xsd, os.path.join(a, "forsendingar", "4634-masfjorden", "arkivmelding.xml"), tmp)
    print(f"check_dispatch: {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
