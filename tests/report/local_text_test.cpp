// Texts in both målformer: how the input stage reads them, how a document picks its form, and
// that every text missing a form is reported at once with its place.
#include <catch2/catch.hpp>

#include <cctype>
#include <map>

#include <nlohmann/json.hpp>

#include "app/documents.h"
#include "input/inputs.h"
#include "input/json_reader.h"
#include "report/knowledge_view.h"
#include "test_util.h"

using namespace dv;
using namespace dvtest;
using nlohmann::json;

namespace {

// All pages' text, line by line, with words hyphenated at a line end joined again.
std::string pageText(const layout::Laid& laid) {
    std::string s;
    for (const auto& page : laid.pages) {
        std::map<long, std::map<double, std::string>> rows;  // y (0.1 pt) → x → text
        for (const layout::Chunk& c : page.chunks)
            for (const layout::TextRun& r : c.runs) rows[static_cast<long>(r.y * 10 + 0.5)][r.x] += r.text;
        for (auto& [y, xs] : rows) {
            for (auto& [x, t] : xs) s += t + " ";
            s += "\n";
        }
    }
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '-' && s.compare(i + 1, 2, " \n") == 0 && i + 3 < s.size() && std::islower(static_cast<unsigned char>(s[i + 3]))) {
            i += 2;
            continue;
        }
        if (s.compare(i, 4, "\u00ad \n") == 0) {  // a soft hyphen ends a line broken inside a word
            i += 3;
            continue;
        }
        out += s[i] == '\n' ? ' ' : s[i];
    }
    return out;
}

}  // namespace

TEST_CASE("a text is read in both målformer: one form, one string or an empty form is refused at its place", "[input][malform]") {
    Diagnostics d;
    auto t = input::readText("f.json", json::parse(R"({"nn": "Leiar", "nb": "Leder"})"), "/a/0/rolle", d);
    REQUIRE(t);
    CHECK(d.empty());
    CHECK(t->in(Language::Nynorsk) == "Leiar");
    CHECK(t->in(Language::Bokmal) == "Leder");

    // a proper name may be one string, the same in both forms; another text may not
    auto name = input::readText("f.json", json::parse(R"("DuVe")"), "/n", d, true, true);
    REQUIRE(name);
    CHECK(name->nn == "DuVe");
    CHECK(name->nb == "DuVe");
    CHECK(d.empty());
    CHECK_FALSE(input::readText("f.json", json::parse(R"("Fagleiar")"), "/v/1/ansvarleg", d));
    REQUIRE(d.size() == 1);
    CHECK(d.items()[0].place == "/v/1/ansvarleg");
    CHECK(d.items()[0].message.find("one målform only") != std::string::npos);

    Diagnostics d2;
    CHECK_FALSE(input::readText("f.json", json::parse(R"({"nn": "Tenestedesign"})"), "/p/3/faggruppe", d2));
    CHECK_FALSE(input::readText("f.json", json::parse(R"({"nn": "", "nb": "Tjenestedesign"})"), "/p/4/faggruppe", d2));
    CHECK_FALSE(input::readText("f.json", json::parse(R"({"nn": "a", "nb": "b", "se": "c"})"), "/p/5/namn", d2));
    REQUIRE(d2.size() == 3);
    CHECK(d2.items()[0].format() == "f.json: /p/3/faggruppe: no bokmål text (\"nb\"): a document in bokmål uses it, "
                                    "and every text that can reach a document needs both målformer");
    CHECK(d2.items()[1].place == "/p/4/faggruppe/nn");
    CHECK(d2.items()[2].place == "/p/5/namn/se");

    // an optional text may be "" (none in either form)
    Diagnostics d3;
    auto none = input::readText("f.json", json::parse(R"("")"), "/v/7/endringar", d3, false);
    REQUIRE(none);
    CHECK(none->empty());
    CHECK(d3.empty());
}

TEST_CASE("every text missing a målform is reported at once, with file and pointer", "[input][malform]") {
    TempDir tmp;
    fs::path in = tmp / "in";
    copyInputs(in);
    json p = json::parse(readFile(in / "portefolje.json"));
    p["prosjekt"][0]["namn"] = {{"nn", "Økande del digitale byggesaker"}};
    p["prosjekt"][0]["uttak"][0]["skildring"] = "Rettleiing i oppsett av digital byggesøknad";
    writeFile(in / "portefolje.json", p.dump(2));
    json s = json::parse(readFile(in / "samarbeid.json"));
    s["ressursar"]["bemanning"][4]["rolle"] = {{"nn", "Rådgjevarar"}, {"nb", ""}};
    s["finansieringsmodellar"][0]["namn"] = {{"nb", "Grunnfinansiering etter avtalen fra 2021"}};
    writeFile(in / "samarbeid.json", s.dump(2));
    try {
        input::loadInputs(in.string());
        FAIL("inputs with texts in one målform were accepted");
    } catch (const InputError& e) {
        std::string all = e.diagnostics.format();
        INFO(all);
        std::string pf = (in / "portefolje.json").string(), sf = (in / "samarbeid.json").string();
        CHECK(all.find(pf + ": /prosjekt/0/namn: no bokmål text (\"nb\")") != std::string::npos);
        CHECK(all.find(pf + ": /prosjekt/0/uttak/0/skildring: a text in one målform only") != std::string::npos);
        CHECK(all.find(sf + ": /ressursar/bemanning/4/rolle/nb: no bokmål text") != std::string::npos);
        CHECK(all.find(sf + ": /finansieringsmodellar/0/namn: no nynorsk text (\"nn\")") != std::string::npos);
        CHECK(e.diagnostics.size() == 4);
    }
}

TEST_CASE("a view keeps both forms until the document's language picks one", "[report][malform]") {
    view::Value v;
    v["rolle"] = LocalText{"Leiar for sekretariatet", "Leder for sekretariatet"};
    v["liste"] = view::List{view::Value(LocalText{"Tenestedesign", "Tjenestedesign"}), view::Value("E-helse")};
    view::Value nb = v.resolved(Language::Bokmal), nn = v.resolved(Language::Nynorsk);
    CHECK(nb.find("rolle")->str() == "Leder for sekretariatet");
    CHECK(nn.find("rolle")->str() == "Leiar for sekretariatet");
    CHECK(nb.find("liste")->list()[0].str() == "Tjenestedesign");
    CHECK(nn.find("liste")->list()[1].str() == "E-helse");

    // the knowledge base: one view, each PDF in its own form (staffing, version log, projects)
    Inputs in = input::loadInputs(kSource + "/inputs");
    app::DocumentEngine engine(kSource + "/templates");
    Diagnostics d;
    auto kv = buildKnowledgeView(in, 2021, d);
    REQUIRE(kv);
    std::string textNb = pageText(engine.layout(Language::Bokmal, "kunnskapsgrunnlag", *kv));
    std::string textNn = pageText(engine.layout(Language::Nynorsk, "kunnskapsgrunnlag", *kv));
    for (const char* w : {"Leder for sekretariatet", "Virksomhetsutvikler", "Endelig versjon", "Tjenestekatalog",
                          "Hendelseshåndtering – sikkerhet", "Grunnfinansiering etter avtalen fra 2021"})
        CHECK(textNb.find(w) != std::string::npos);
    for (const char* w : {"Leiar for sekretariatet", "Verksemdsutviklar", "Endeleg versjon", "Tenestekatalog",
                          "Hendingshandtering – tryggleik", "Grunnfinansiering etter avtalen frå 2021"})
        CHECK(textNn.find(w) != std::string::npos);
}
