// The per-municipality targets end to end: the text of the PDFs (through pdftotext, as a reader
// gets it), the conditional sections, the hearing packages against their inner manifests, and
// the dispatch list against the packages.
#include <catch2/catch.hpp>

#include <cctype>
#include <map>
#include <nlohmann/json.hpp>

#include "app/app.h"
#include "backends/zip/zip.h"
#include "core/sha256.h"
#include "test_util.h"

using namespace dv;
using namespace dvtest;
using json = nlohmann::json;

namespace {

// Numbers are grouped with no-break spaces (U+00A0) in the PDF; pdftotext gives them as spaces.
const std::string NB = " ";

// One run per occasion for all the tests in this file.
fs::path runFor(const std::string& occasion) {
    static std::map<std::string, fs::path> done;
    static TempDir tmp;
    auto it = done.find(occasion);
    if (it != done.end()) return it->second;
    std::ostringstream err;
    fs::path out = tmp / occasion;
    int code = app::run({"--quiet", "--inputs", kSource + "/inputs", "--templates", kSource + "/templates", "--out",
                         out.string(), "--runde", occasion, "avtalar", "saksframlegg", "hoyringspakkar"},
                        err);
    INFO(err.str());
    REQUIRE(code == 0);
    return done[occasion] = out;
}
const fs::path& outDir() {
    static fs::path p = runFor("hoyring-2024");
    return p;
}
const fs::path& decisionDir() {
    static fs::path p = runFor("vedtak-2025");
    return p;
}

std::string textIn(const fs::path& dir, const std::string& rel) {
    fs::path p = dir / rel;
    REQUIRE(fs::exists(p));
    // one line per text line; collapse the layout's line breaks (and hyphenations) so phrases can be searched
    std::string t = capture("pdftotext -enc UTF-8 '" + p.string() + "' -");
    std::string flat;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t.compare(i, 3, "\u00AD\n") == 0) {
            i += 2;  // a line-break hyphen (soft, U+00AD): join the word
            continue;
        }
        flat += (t[i] == '\n' ? ' ' : t[i]);
    }
    return flat;
}
std::string text(const std::string& rel) { return textIn(outDir(), rel); }
std::string decision(const std::string& rel) { return textIn(decisionDir(), rel); }

bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("per-municipality run: 43 of each document, 43 packages and the list, all in the manifest", "[municipal]") {
    json m = json::parse(readFile(outDir() / "manifest.json"));
    std::map<std::string, int> kinds;
    for (const auto& e : m) {
        ++kinds[e["kind"].get<std::string>()];
        CHECK(fs::file_size(outDir() / e["path"].get<std::string>()) == e["bytes"].get<std::uintmax_t>());
    }
    CHECK(kinds["avtale"] == 43);
    CHECK(kinds["saksframlegg"] == 43);
    CHECK(kinds["folgjebrev"] == 43);
    CHECK(kinds["hoyringspakke"] == 43);
    CHECK(kinds["utsendingsliste"] == 1);
}

TEST_CASE("issue 10: the hearing 2024 tells one story: the draft from 2025, comments by 30 June", "[municipal]") {
    std::string t = text("saksframlegg/saksframlegg-4634-masfjorden.pdf");
    CHECK(has(t, "Masfjorden kommune (4634)"));
    CHECK(has(t, "Masfjorden kommunestyre tek utkastet til ny samarbeidsavtale om DigiVestland til orientering og ber "
                 "rådmannen sende innspel til utkastet innan 30. juni 2024."));
    CHECK(has(t, "med verknad frå 1. januar 2025"));
    CHECK(has(t, "Avtalen som gjeld no, går ut 31. desember 2024"));
    CHECK(has(t, "i starten av september 2024"));
    // the 2024 amount under the agreement in force: 100 000 + 20 × 1 654 (1.1.2023) = 133 080
    CHECK(has(t, "er grunnbidraget til Masfjorden kommune 133" + NB + "080 kroner"));
    CHECK(has(t, "ikkje kjend enno"));  // the new agreement's amounts are in no source
    CHECK_FALSE(has(t, "133" + NB + "820"));  // no 2021 money in a 2024 hearing
    CHECK_FALSE(has(t, "103" + NB + "875"));  // no example model quoted as the future amount
    std::string letter = text("folgjebrev/folgjebrev-4621-voss.pdf");
    CHECK(has(letter, "innspel til utkastet innan 30. juni 2024"));
    CHECK(has(letter, "Korleis vurderer kommunen organiseringa som kommunalt oppgåvefellesskap"));
    CHECK(has(letter, "tenkt å gjelde frå 1. januar 2025"));
    CHECK(has(letter, "heradsstyret"));
    CHECK_FALSE(has(letter, "vedtaket og eventuelle innspel"));  // comments now, decisions later
    std::string draft = text("avtalar/avtale-4634-masfjorden.pdf");
    CHECK(has(draft, "Utkast til avtale"));
    CHECK(has(draft, "kommunalt oppgåvefellesskap etter kommunelova kapittel 19"));
    CHECK(has(draft, "Avtalen gjeld frå 1. januar 2025."));
    CHECK(has(draft, "ikkje fastsette i dette utkastet"));
    for (const std::string& stale : {"2021 til", "1. januar 2021", "2021–2024", "17. oktober 2024"}) {
        INFO(stale);
        CHECK_FALSE(has(draft, stale));
        CHECK_FALSE(has(t, stale));
        CHECK_FALSE(has(letter, stale));
    }
}

TEST_CASE("issue 10: the decision round 2025 proposes the advised decision for each council and chief", "[municipal]") {
    std::string m = decision("saksframlegg/saksframlegg-4634-masfjorden.pdf");
    CHECK(has(m, "Rådmannen sitt framlegg til vedtak"));
    CHECK(has(m, "Masfjorden kommunestyre ber rådmannen signere avtale om digitaliseringssamarbeidet DigiVestland, med "
                 "Bergen kommune som vertskommune etter kommunelova kapittel 20."));
    // 2025: 5/12 × (100 000 + 20 × 1 694) = 55 783,33; 2026: 133 880,00 (population of 1.1.2024 assumed for 1.1.2025)
    CHECK(has(m, "55" + NB + "783,33"));
    CHECK(has(m, "133" + NB + "880,00"));
    CHECK(has(m, "5 av 12"));
    CHECK(has(m, "Beløpet for 2026 er ikkje stadfesta"));
    CHECK(has(m, "folketalet er ein føresetnad"));
    CHECK(has(m, "31. mai 2025"));
    std::string voss = decision("saksframlegg/saksframlegg-4621-voss.pdf");
    CHECK(has(voss, "Voss heradsstyre ber kommunedirektøren signere avtale"));
    CHECK(has(voss, "Heradsstyret"));
    CHECK_FALSE(has(voss, "Kommunestyret"));
    CHECK_FALSE(has(voss, "Voss kommune"));
    // 100 000 + 20 × 16 471 = 429 420; 5/12 of it = 178 925
    CHECK(has(voss, "429" + NB + "420,00"));
    CHECK(has(voss, "178" + NB + "925,00"));
    std::string bergen = decision("saksframlegg/saksframlegg-4601-bergen.pdf");
    CHECK(has(bergen, "Byrådets forslag til vedtak"));
    CHECK(has(bergen, "Bergen bystyre ber byrådet signere avtale om digitaliseringssamarbeidet DigiVestland, med Bergen "
                      "kommune som vertskommune etter kommuneloven kapittel 20."));
    CHECK(has(bergen, "Byrådet anbefaler bystyret"));
    CHECK_FALSE(has(bergen, "Kommunestyret"));
    CHECK_FALSE(has(bergen, "Kommunedirektørens"));
    std::string letter = decision("folgjebrev/folgjebrev-4634-masfjorden.pdf");
    CHECK(has(letter, "Masfjorden kommunestyre ber rådmannen signere"));
    CHECK(has(letter, "den signerte avtalen og ein kopi av vedtaket blir sende til Bergen kommune"));
    CHECK(has(letter, "55" + NB + "783,33"));
}

TEST_CASE("conditional sections follow the data: host, steering group, neither", "[municipal]") {
    // Bergen: neutral målform → bokmål per the settings; host; steering group; one signature
    std::string bergen = decision("avtalar/avtale-4601-bergen.pdf");
    CHECK(has(bergen, "Særskilt for Bergen kommune som vertskommune"));
    CHECK(has(bergen, "Særskilt for kommuner i styringsgruppen"));
    CHECK(has(bergen, "grunnbidraget derfor 0 kroner"));
    CHECK_FALSE(has(bergen, "For Bergen kommune For Bergen kommune"));
    // Alver: steering group, not host, nynorsk
    std::string alver = decision("avtalar/avtale-4631-alver.pdf");
    CHECK(has(alver, "Særskilt for kommunar i styringsgruppa"));
    CHECK_FALSE(has(alver, "Særskilt for Bergen kommune"));
    CHECK(has(alver, "For Bergen kommune"));
    CHECK(has(alver, "For Alver kommune"));
    CHECK(has(alver, "Avgrensa til taket"));  // Alver (30 000+ inh.) is at the 500 000 cap
    // Masfjorden: neither; owns no project; the 2026 calculation of the agreement from 2025
    std::string masfjorden = decision("avtalar/avtale-4634-masfjorden.pdf");
    CHECK_FALSE(has(masfjorden, "Særskilt for"));
    CHECK(has(masfjorden, "Avtalen gjeld frå 1. august 2025."));
    CHECK(has(masfjorden, "1" + NB + "694 × 20 kr"));
    CHECK(has(masfjorden, "79,03 kroner per innbyggjar"));  // 133 880 / 1 694
    CHECK(has(masfjorden, "Desse beløpa er ein føresetnad og ikkje stadfesta"));
    CHECK(has(masfjorden, "er ikkje prosjekteigar eller deltakar"));
    CHECK(has(masfjorden, "administrativt vertskommunesamarbeid etter kommunelova kapittel 20"));
    // Askøy: neutral → bokmål, steering group
    std::string askoy = decision("avtalar/avtale-4627-askoy.pdf");
    CHECK(has(askoy, "Særskilt for kommuner i styringsgruppen"));
    CHECK(has(askoy, "For Askøy kommune"));
}

TEST_CASE("every hearing package holds what its manifest says; the list matches the packages", "[municipal]") {
    std::string list = readFile(outDir() / "hoyringspakkar/utsendingsliste.csv");
    REQUIRE(list.rfind("\xEF\xBB\xBF" "kommunenummer;kommune;organisasjonsnummer;malform;pakke;bytes;sha256\r\n", 0) == 0);
    int rows = 0;
    std::istringstream in(list.substr(3));
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        ++rows;
        std::vector<std::string> f;
        std::size_t p = 0, q;
        while ((q = line.find(';', p)) != std::string::npos) { f.push_back(line.substr(p, q - p)); p = q + 1; }
        f.push_back(line.substr(p));
        REQUIRE(f.size() == 7);
        fs::path zipPath = outDir() / "hoyringspakkar" / f[4];
        std::string bytes = readFile(zipPath);
        CHECK(std::to_string(bytes.size()) == f[5]);
        CHECK(sha256Hex(bytes) == f[6]);
        auto entries = zip::read(zipPath.string());
        REQUIRE(entries.size() == 6);  // the hearing's: with the knowledge base
        CHECK(entries[3].name == "4-kunnskapsgrunnlag-2021.pdf");
        CHECK(entries.back().name == "manifest.json");
        json m = json::parse(entries.back().bytes);
        REQUIRE(m.size() == 5);
        for (std::size_t i = 0; i < 5; ++i) {
            CHECK(m[i]["path"] == entries[i].name);
            CHECK(m[i]["sha256"] == sha256Hex(entries[i].bytes));
            CHECK(m[i]["bytes"] == entries[i].bytes.size());
            CHECK(m[i]["kommunenummer"] == f[0]);
            CHECK(entries[i].bytes.rfind("%PDF-1.7", 0) == 0);
        }
        CHECK(f[3] == (f[0] == "4601" || f[0] == "4627" ? "bokmål" : "nynorsk"));
    }
    CHECK(rows == 43);
}

TEST_CASE("issue 10: a template value the occasion's inputs do not give stops the run at its line:col, nothing written", "[municipal]") {
    TempDir tmp;
    fs::copy(kSource + "/templates", tmp / "templates", fs::copy_options::recursive);
    // The decision round's years have no funding need: an unguarded {{modell.behov}} has no value.
    fs::path t = tmp / "templates/nn/saksframlegg-vedtak.md";
    std::string src = readFile(t);
    src += "\nBehovet for {{#aar}}{{aar}} er {{modell.behov}} kroner. {{/aar}}\n";
    writeFile(t, src);
    int line = 0;
    for (char c : src) line += c == '\n';
    std::ostringstream err;
    int code = app::run({"--quiet", "--inputs", kSource + "/inputs", "--templates", (tmp / "templates").string(), "--out",
                         (tmp / "out").string(), "--runde", "vedtak-2025", "saksframlegg"},
                        err);
    CHECK(code == 2);
    CHECK(has(err.str(), "saksframlegg-vedtak.md: " + std::to_string(line) + ":"));
    CHECK(has(err.str(), "no value for \"{{modell.behov}}\""));
    CHECK_FALSE(fs::exists(tmp / "out/manifest.json"));
}

TEST_CASE("issue 15: a name that Excel would read as a formula is neutralised in the dispatch list", "[municipal]") {
    TempDir tmp;
    copyInputs(tmp / "in");
    json k = json::parse(readFile(tmp / "in/kommunar.json"));
    for (auto& m : k["kommunar"])
        if (m["kommunenummer"] == "4634") m["namn"] = "=HYPERLINK(\"x\")";
    writeFile(tmp / "in/kommunar.json", k.dump(2));
    std::ostringstream err;
    REQUIRE(app::run({"--quiet", "--inputs", (tmp / "in").string(), "--templates", kSource + "/templates", "--out",
                      (tmp / "out").string(), "--runde", "vedtak-2025", "hoyringspakkar"}, err) == 0);
    std::string list = readFile(tmp / "out/hoyringspakkar/utsendingsliste.csv");
    CHECK(has(list, "4634;\"'=HYPERLINK(\"\"x\"\")\";"));
    CHECK_FALSE(has(list, ";=HYPERLINK"));
}

TEST_CASE("issue 11: the agreement has every clause of the seed, the points of § 20-4 or § 19-4, and signatures before the appendices", "[municipal]") {
    // the decision round 2025: an administrative host-municipality cooperation (kommunelova ch. 20)
    std::string m = decision("avtalar/avtale-4634-masfjorden.pdf");
    // § 20-4: the participants, the host, the tasks and authority left to it, the costs, changes,
    // withdrawal and dissolution, duration
    CHECK(has(m, "Deltakarane i samarbeidet er dei kommunane i Vestland som har signert avtalen"));
    CHECK(has(m, "med Bergen kommune som vertskommune"));
    CHECK(has(m, "Oppgåver og mynde lagde til vertskommunen."));
    CHECK(has(m, "Vertskommunen får ikkje mynde til å gjere vedtak i enkeltsaker eller saker av prinsipiell betydning"));
    CHECK(has(m, "Finansiering Grunnfinansieringa dekkjer drifta av sekretariatet"));
    CHECK(has(m, "Varigheit Avtalen gjeld frå 1. august 2025."));
    // changes as the seed has them: in writing, agreed by all parties
    CHECK(has(m, "Alle endringar i avtalen skal gjerast skriftleg og krev semje mellom alle partane."));
    CHECK(has(m, "Uttreding og avvikling Ein deltakar kan tre ut av samarbeidet ved å seie opp avtalen skriftleg til vertskommunen"));
    CHECK(has(m, "Tvistar Usemje om korleis avtalen skal forståast"));
    // the steering group (seed 004): chair, composition, quarterly meetings, decisions
    CHECK(has(m, "Styringsgruppa er leidd av ein representant for Bergen kommune"));
    CHECK(has(m, "ein frå kvar av Bjørnafjorden, Øygarden, Askøy og Alver"));
    CHECK(has(m, "KS og Statsforvaltaren i Vestland har kvar ein observatør"));
    CHECK(has(m, "Styringsgruppa møtest kvart kvartal"));
    CHECK(has(m, "vert ho ikkje samd, avgjer leiaren"));
    // the secretariat's functions, faggrupper and projects, the joint contribution of an IKT cooperation
    for (const char* f : {"budsjett, budsjettoppfølging og tildeling av midlar", "dokumenthandtering og arkiv",
                          "Styringsgruppa avgjer om ei faggruppe skal skipast", "Kvart prosjekt er leidd av ein part",
                          "eitt felles bidrag gjennom IKT-samarbeidet", "ikkje meirverdiavgiftspliktige"}) {
        INFO(f);
        CHECK(has(m, f));
    }
    // nothing of the other model
    CHECK_FALSE(has(m, "Representantskapet"));
    CHECK_FALSE(has(m, "Innskotsplikt"));
    // signatures after the text and before the appendices, one block per party with name and title
    std::size_t sig = m.find("Underskrifter");
    REQUIRE(sig != std::string::npos);
    CHECK(sig < m.find("Vedlegg 1: Organisering av samarbeidet"));
    CHECK(sig > m.find("Tvistar"));
    CHECK(has(m, "For Bergen kommune"));
    CHECK(has(m, "For Masfjorden kommune"));
    CHECK(m.find("Namn med blokkbokstavar") != m.rfind("Namn med blokkbokstavar"));  // two blocks
    CHECK(has(m, "Tittel: rådmann"));
    CHECK(has(m, "Tittel: byråd"));
    // the invented phases are gone from the project appendix
    std::string alver = decision("avtalar/avtale-4631-alver.pdf");
    CHECK(has(alver, "Vedlegg 2: prosjekt Alver kommune er med i"));
    CHECK_FALSE(has(alver, "Fase"));

    // the hearing's draft: a kommunalt oppgåvefellesskap (ch. 19) changes every paragraph it must
    std::string d = text("avtalar/avtale-4634-masfjorden.pdf");
    CHECK(has(d, "kommunalt oppgåvefellesskap etter kommunelova kapittel 19 med namnet DigiVestland"));
    CHECK(has(d, "Bergen kommune er kontorkommune"));
    CHECK(has(d, "Representantskapet er det øvste organet. Kvar deltakarkommune har minst eitt medlem"));
    CHECK(has(d, "Styringsgruppa har det myndet representantskapet delegerer til ho."));
    CHECK(has(d, "Innskotsplikt og ansvar."));
    CHECK(has(d, "Endringar i det obligatoriske innhaldet i avtalen, mellom anna innskotsplikta, må vedtakast av kommunestyret"));
    CHECK(has(d, "seie opp avtalen skriftleg til representantskapet"));
    CHECK_FALSE(has(d, "Oppgåver og mynde lagde til vertskommunen"));
    CHECK_FALSE(has(d, "meirverdiavgiftspliktige"));
    // Bergen (bokmål) signs once, as the host
    std::string bergen = decision("avtalar/avtale-4601-bergen.pdf");
    CHECK(has(bergen, "Navn med blokkbokstaver"));
    CHECK(bergen.find("Navn med blokkbokstaver") == bergen.rfind("Navn med blokkbokstaver"));
    CHECK(has(bergen, "Alle endringer i avtalen skal gjøres skriftlig og krever enighet mellom alle partene."));
}
