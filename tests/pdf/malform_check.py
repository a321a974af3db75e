#!/usr/bin/python3
"""Målform check: no bokmål PDF contains nynorsk and no nynorsk PDF contains bokmål, apart from
proper names and the titles of sources.

Runs the pipeline on the shipped inputs (`BIN all`, and where samarbeid.json defines them, each
occasion with `--runde ID` and each invoicing year with `--year YYYY`), takes every PDF it writes (the
loose files and those inside the hearing packages, each distinct file once), reads its language from the
catalog's /Lang (nb-NO / nn-NO), extracts the text with `pdftotext -raw` and looks for words that
belong only to the other written form. The word lists are printed on every run.

usage: malform_check.py BIN SOURCE_DIR       run the pipeline into a temporary directory and check
       malform_check.py --dir OUTDIR SOURCE_DIR   check an existing run

Exceptions are phrases, per document kind, removed from the text before the words are counted:
  ALLOW    proper names and source titles, which keep their own form in every document;
  PENDING  known leaks in texts another change owns (reported, not counted as failures; a pending
           phrase that no longer occurs is reported so it can be deleted).
The templates (templates/nb, templates/nn) are read as well, Mustache tags and comments left out, so
that sections the shipped inputs switch off are covered; the workbook's strings are checked too.
"""
import collections, glob, hashlib, html, io, json, os, re, subprocess, sys, tempfile, zipfile

# Words that exist in one written form only, chosen so that none of them is a correct word of the
# other form. Left out because they are valid in both: "også", "blir", "blei", "de", "vert" (bokmål:
# host), "gjeld" (bokmål: debt), "held", "da", "no", "nå", "viss", "derfor", "samla", "gitt", "gir",
# "nødvendig", "medlemmer", "skildring", "gang", "tilsette", "nemnd", "høgst", "arbeidsgruppa" and
# the other -a forms bokmål allows.
NYNORSK_ONLY = """
ikkje eit eitt ein frå korleis kva kvar kvart kven kvifor dei deira òg berre mykje noko nokon
nokre utan enno vere vera vore sjølv medan difor meir fleire heile heilt saman seier kjem gjer
høyring høyringa høyringsfrist høyringsfristen høyringspakke eige eigen eigne eiga eigar eigarar
eigaren eigeninnsats kommunane kommunar innbyggjar innbyggjarar innbyggjarane innbyggjaren
innbyggjartal innbyggjardel teneste tenester tenesta tenestene tenesteområde tenesteområda
verksemd verksemda verksemder verksemdsarkitektur verksemdsutviklar tryggleik informasjonstryggleik
leiar leiarar leiaren leiing løysing løysingar løysingane løysinga deltakar deltakarar deltakarane
medlemar medlemane utval utvalet utvala tal talet folketal folketalet rådgjevar rådgjevarar
skjønnsmidlar prosjekteigar endeleg ansvarleg mogleg moglege vanleg vanlegvis tydeleg tydelegare
naudsynt sjå gjeve gjev framlegg framlegget handsaming fekk gjekk hjå sidan framleis tilbod
veke månad månader vidare vidareført vidareføre kvarandre avgjerd innspel oppgåve oppgåver
oppgåva utgreiing førebels vedteke teke følgjebrev sakshandsamar anten korkje gong gongen
sjølvkost open opne nemner gjeldande føreslått stad staden døme brukar brukarar fleirtal
kjelde kjelder kjelda spreiing golv høgaste lågast låg dekkjer byrja samanlikning
samanheng heilskap svarar kjeldene funnen plassar kommunelova
""".split()
BOKMAL_ONLY = """
ikke et ett en fra hvordan hva hvem hvor hvorfor hvilke hvilken hvilket hver hvert hvis bare mye
noe noen uten ennå være vært selv mens mer flere hele helt sammen samme sier kommer gjør gjelder
ble frem dem deres dere høring høringen høringsfrist høringsfristen høringspakke egen eget egne
eier eiere eieren egeninnsats kommunene kommuner innbygger innbyggere innbyggerne innbyggeren
innbyggertall innbyggerdel tjeneste tjenester tjenesten tjenestene tjenesteområde
tjenesteområder virksomhet virksomheten virksomheter virksomhetsarkitektur virksomhetsutvikler
sikkerhet informasjonssikkerhet leder ledere lederen ledelse løsning løsninger løsningene
løsningen deltaker deltakere deltakerne utvalg utvalget utvalgene tall tallet folketall
folketallet rådgiver rådgivere skjønnsmidler prosjekteier endelig ansvarlig mulig mulige vanlig
vanligvis tydelig tydeligere beskrevet beskrivelse fikk gikk siden fremdeles tilbud uke måned
måneder videre videreført videreføre hverandre avgjørelse innspill oppgave oppgaver oppgaven
utredning foreløpig vedtatt tatt følgebrev ansatte saksbehandler enten verken selvkost
åpen åpne nevnt nevner gjeldende foreslått sted stedet bruker brukere flertall kilde kilder
kilden spredning gulv høyst høyeste lavest lav dekker begynte sammenligning sammenheng helhet
svarer kildene funnet plasser kommuneloven
""".split()
# Endings that mark a form: "-ingar" (bokmål "-inger"), "-sjonar", "-leg", "-heit" and their mirrors.
NYNORSK_ENDINGS = ["kommunar", "kommunane", "ingar", "ingane", "sjonar", "sjonane", "leg", "legare", "legast", "legvis", "heit", "heita", "heiter"]
BOKMAL_ENDINGS = ["kommuner", "kommunene", "inger", "ingene", "sjoner", "sjonene", "lig", "lige", "ligere", "ligst", "ligvis", "het", "heten", "heter"]
# Words with those endings that are correct in both forms (or names).
ENDING_EXCEPTIONS = {"finger", "het", "heter", "leg", "ringer", "springer", "tinger"}
ENDING_EXCEPTION_TAILS = ("villig", "villige", "billig", "billige")  # frivillig, billig: both forms
FOREIGN = {"nb": set(NYNORSK_ONLY), "nn": set(BOKMAL_ONLY)}
FOREIGN_ENDINGS = {"nb": tuple(NYNORSK_ENDINGS), "nn": tuple(BOKMAL_ENDINGS)}


def foreign(word, lang):
    if word in FOREIGN[lang]:
        return True
    return (len(word) > 5 and word not in ENDING_EXCEPTIONS and not word.endswith(ENDING_EXCEPTION_TAILS)
            and word.endswith(FOREIGN_ENDINGS[lang]))

# Phrases that may keep the other form, per (document kind, language); matched on the text with
# line breaks turned into spaces. Only proper names and the titles of sources belong here. The
# municipalities' names (inputs/kommunar.json: namn, registrert_namn, adm_senter) are allowed in
# every document, e.g. "Stad".
ALLOW = {
    # Sources are cited under their own titles, which are bokmål.
    ("kunnskapsgrunnlag", "nn"): [
        "Hva er felles økosystem?",
        "Hvordan jobbe med digital transformasjon",
        "Én digital offentlig sektor. Digitaliseringsstrategi for offentlig sektor 2019–2025",
        "KS' innspill til ny nasjonal digitaliseringsstrategi",
        "Kommunesektorens politiske prioriteringer 2024–2027",
        "digitaliseringsstrategi_for_offentlig_sektor_rettet.pdf",
        # an association's registered name
        "Foreningen Kommunal Informasjonssikkerhet",
    ],
}
# Known leaks that are reported but not counted (none now: every text that reaches a document
# exists in both forms; keep these empty unless a change owns a leak and says so).
PENDING = {}
PENDING_TEMPLATES = set()

KINDS = ("kunnskapsgrunnlag", "avtale", "saksframlegg", "folgjebrev", "finansieringsvedlegg", "faktura",
         "kreditnota", "finansiering")
WORD = re.compile(r"[A-Za-zÆØÅæøåÉéÈèÊêÒòÓóÔôÜü]+")


def kind_of(name):
    base = os.path.basename(name.split("!")[-1])
    base = re.sub(r"^\d-", "", base)  # the numbered entries of a hearing package
    for k in KINDS:
        if base.startswith(k):
            return "arbeidsbok" if k == "finansiering" else k
    return "anna"


def language_of(data):
    m = re.search(rb"/Lang\s*\(([a-z]{2})-NO\)", data)
    return m.group(1).decode() if m else None


def squash(text):
    return re.sub(r"\s+", " ", text.replace("\u00ad", ""))


def pdf_text(data):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data)
        f.flush()
        out = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", f.name, "-"], check=True,
                             capture_output=True).stdout.decode("utf-8")
    # words the layout broke at a line end, with a soft hyphen ("digi\u00ad\ntalisering") or,
    # in older files, a hard one ("digi-\ntalisering")
    out = re.sub("\u00ad[ \t]*\n", "", out)
    return squash(re.sub(r"(\w)-\n(?=[a-zæøå])", r"\1", out))


def xlsx_text(data):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("xl/sharedStrings.xml").decode("utf-8")
    strings = re.findall(r"<t[^>]*>([^<]*)</t>", xml)
    return squash(" · ".join(html.unescape(t) for t in strings))


def template_text(path):
    src = open(path, encoding="utf-8").read()
    if path.endswith(".json"):
        data = json.loads(src)
        if "boksar" in data:  # a diagram (figurar/*.json): the boxes' texts
            src = "\n".join(b.get("tekst", "") for b in data["boksar"])
        else:
            src = "\n".join(str(v) for v in data.values())
    # a figure's caption and alternative text are text for readers, though written in a comment
    src = re.sub(r"<!--\s*figur:\s*\S+(.*?)-->",
                 lambda m: re.sub(r"^\s*(tekst|alt|serie|rader):", " ", m.group(1), flags=re.M).replace("|", " "),
                 src, flags=re.S)
    src = re.sub(r"<!--.*?-->", " ", src, flags=re.S)  # comments to the editor
    src = re.sub(r"\{\{\{?[^}]*\}?\}\}", " ", src)     # Mustache tags: names, not text
    return squash(src)


def collect(outdir):
    """Every distinct PDF (loose and in the hearing packages) and the workbooks: (name, bytes)."""
    seen = {}
    for dirpath, dirs, files in os.walk(outdir):
        dirs.sort()
        for fn in sorted(files):
            path = os.path.join(dirpath, fn)
            rel = os.path.relpath(path, outdir)
            if fn.endswith((".pdf", ".xlsx")):
                data = open(path, "rb").read()
                seen.setdefault(hashlib.sha256(data).hexdigest(), (rel, data))
            elif fn.endswith(".zip"):
                with zipfile.ZipFile(path) as z:
                    for n in sorted(z.namelist()):
                        if n.endswith(".pdf"):
                            data = z.read(n)
                            seen.setdefault(hashlib.sha256(data).hexdigest(), (rel + "!" + n, data))
    return sorted(seen.values())


def proper_names(src):
    """The municipalities' names, which every document may print as they are."""
    k = json.load(open(os.path.join(src, "inputs", "kommunar.json"), encoding="utf-8"))
    names = set()
    for m in k["kommunar"]:
        for key in ("namn", "registrert_namn", "adm_senter"):
            if isinstance(m.get(key), str):
                names.add(m[key])
    return sorted(names, key=len, reverse=True)


class Check:
    def __init__(self, names):
        self.names = [re.compile(r"(?<!\w)%s(?!\w)" % re.escape(n)) for n in names]
        self.stats = collections.OrderedDict()     # (kind, lang) -> [docs, leaky, words]
        self.leaks = collections.defaultdict(collections.Counter)
        self.examples = collections.defaultdict(list)
        self.pending_hits = collections.Counter()

    def scan(self, where, kind, lang, text, group):
        for phrase in PENDING.get((kind, lang), []):
            n = text.count(phrase)
            if n:
                self.pending_hits[(kind, lang, phrase)] += n
                text = text.replace(phrase, " ")
        for phrase in ALLOW.get((kind, lang), []):
            if " " in phrase:
                text = text.replace(phrase, " ")
            else:
                # a web address broken across lines without a hyphen: the text layer has no space
                # there, but joining pdftotext's lines puts one in
                text = re.sub(r"\s?".join(re.escape(c) for c in phrase), " ", text)
        for rx in self.names:
            text = rx.sub(" ", text)
        st = self.stats.setdefault((group, kind, lang), [0, 0, 0])
        st[0] += 1
        found = 0
        for m in WORD.finditer(text):
            w = m.group(0).lower()
            if foreign(w, lang):
                found += 1
                self.leaks[(group, kind, lang)][w] += 1
                if len(self.examples[(group, kind, lang, w)]) < 2:
                    a, b = max(0, m.start() - 50), min(len(text), m.end() + 50)
                    self.examples[(group, kind, lang, w)].append("%s: …%s…" % (where, text[a:b]))
        if found:
            st[1] += 1
            st[2] += found


def main(argv):
    tmp = None
    if len(argv) == 4 and argv[1] == "--dir":
        outdir, src = argv[2], argv[3]
    elif len(argv) == 3:
        tmp = tempfile.TemporaryDirectory()
        outdir = os.path.join(tmp.name, "out")
        bin_, src = argv[1], argv[2]

        def run(sub, *args):
            subprocess.run([bin_, "--quiet", "--inputs", os.path.join(src, "inputs"), "--templates",
                            os.path.join(src, "templates"), "--out", os.path.join(outdir, sub), "--ny-reskontro", "--reskontro",
                            os.path.join(tmp.name, "l.sqlite")] + list(args), check=True)
        run("all", "all")
        # Where the inputs define occasions (/rundar) and invoice dates per year, each of them too.
        inputs = json.load(open(os.path.join(src, "inputs", "samarbeid.json"), encoding="utf-8"))
        for r in inputs.get("rundar", []):
            run("runde-" + r["id"], "--runde", r["id"], "avtalar", "saksframlegg", "hoyringspakkar")
        for y in sorted(inputs.get("faktura", {}).get("fakturadatoar", {})):
            run("aar-" + y, "--year", y, "arbeidsbok", "fakturaer")
    else:
        print(__doc__)
        return 2

    print("målform: nynorsk words looked for in bokmål documents (%d):" % len(NYNORSK_ONLY))
    print("  " + " ".join(NYNORSK_ONLY))
    print("målform: bokmål words looked for in nynorsk documents (%d):" % len(BOKMAL_ONLY))
    print("  " + " ".join(BOKMAL_ONLY))
    print("målform: and words (over five letters) ending in, nynorsk: -%s; bokmål: -%s; except %s and words ending in %s" % (
        " -".join(NYNORSK_ENDINGS), " -".join(BOKMAL_ENDINGS), ", ".join(sorted(ENDING_EXCEPTIONS)),
        ", ".join(ENDING_EXCEPTION_TAILS)))

    settings = json.load(open(os.path.join(src, "inputs", "samarbeid.json"), encoding="utf-8"))
    shared = "nb" if settings["malform"]["felles_dokument"] == "bokmål" else "nn"
    kommunar = json.load(open(os.path.join(src, "inputs", "kommunar.json"), encoding="utf-8"))
    one_form = [n for n in kommunar.get("merknader", []) if isinstance(n, str)]
    if one_form:
        PENDING.setdefault(("arbeidsbok", shared), []).extend(one_form)
    check = Check(proper_names(src))
    failures = 0
    docs = collect(outdir)
    for rel, data in docs:
        kind = kind_of(rel)
        if rel.endswith(".xlsx"):
            check.scan(rel, kind, shared, xlsx_text(data), "output")
            continue
        lang = language_of(data)
        if lang not in FOREIGN:
            print("FAIL: %s: no /Lang nb-NO or nn-NO in the catalog" % rel)
            failures += 1
            continue
        check.scan(rel, kind, lang, pdf_text(data), "output")
    # The templates themselves, so that sections the shipped inputs switch off are read too.
    for lang in ("nb", "nn"):
        for path in sorted(glob.glob(os.path.join(src, "templates", lang, "*")) +
                           glob.glob(os.path.join(src, "templates", lang, "figurar", "*.json"))):
            if os.path.isdir(path):
                continue
            kind = os.path.splitext(os.path.basename(path))[0]
            group = "template (pending)" if kind in PENDING_TEMPLATES else "template"
            check.scan(os.path.relpath(path, src), kind, lang, template_text(path), group)

    print("målform: %d distinct documents of the runs and %d templates checked" % (
        len(docs), sum(n for (g, _, _), (n, _, _) in check.stats.items() if g.startswith("template"))))
    print("%-20s %-22s %-4s %5s %6s %6s" % ("what", "kind", "lang", "files", "leaky", "words"))
    for (group, kind, lang), (n, bad, words) in check.stats.items():
        print("%-20s %-22s %-4s %5d %6d %6d" % (group, kind, lang, n, bad, words))
    for (group, kind, lang), words in sorted(check.leaks.items()):
        other = "nynorsk" if lang == "nb" else "bokmål"
        pending = group.endswith("(pending)")
        print("%s: %s %s (%s) contains %s: %s" % ("pending" if pending else "FAIL", group, kind, lang, other,
              ", ".join("%s ×%d" % (w, c) for w, c in words.most_common())))
        for w, _ in words.most_common():
            for e in check.examples[(group, kind, lang, w)]:
                print("      %s" % e)
        failures += 0 if pending else 1
    for (kind, lang), phrases in sorted(PENDING.items()):
        for p in phrases:
            n = check.pending_hits[(kind, lang, p)]
            if n:
                print("pending: %s (%s): \"%s\" ×%d (owned by another change)" % (kind, lang, p, n))
            else:
                print("note: pending phrase no longer occurs, delete it: %s (%s): \"%s\"" % (kind, lang, p))
    if failures == 0:
        print("OK: no bokmål document contains nynorsk and no nynorsk document bokmål, outside proper "
              "names, source titles and the pending texts listed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
