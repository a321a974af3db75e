// The invoicing run end to end: numbers, totals, rerun, refusal, correction, a run killed midway.
#include <catch2/catch.hpp>

#include <map>
#include <nlohmann/json.hpp>

#include "app/app.h"
#include "app/invoicing.h"
#include "invoicing/kid.h"
#include "core/checkdigit.h"
#include "input/inputs.h"
#include "ledger/ledger.h"
#include "report/workbook_view.h"
#include "references_util.h"
#include "app_util.h"
#include "test_util.h"

using namespace dv;
using namespace dvtest;
using json = nlohmann::json;

namespace {

std::vector<std::string> args(const fs::path& inputs, const fs::path& out, const fs::path& ledger,
                              const std::string& year = "2021") {
    return {"--quiet", "--inputs", inputs.string(), "--templates", kSource + "/templates", "--out", out.string(),
            "--reskontro", ledger.string(), "--ny-reskontro", "--year", year, "fakturaer"};
}

// A copy of the shipped inputs with the account, the memberships and the models marked confirmed,
// as a real run will have them; `except` keeps one municipality's memberships unconfirmed.
fs::path confirmedInputs(const fs::path& dir, const std::string& except = "") {
    copyInputs(dir);
    json s = json::parse(readFile(dir / "samarbeid.json"));
    s["vertskommune"]["kontonummer_stadfesta"] = true;
    for (auto& m : s["finansieringsmodellar"]) m["stadfesta"] = true;
    writeFile(dir / "samarbeid.json", s.dump(2));
    json k = json::parse(readFile(dir / "kommunar.json"));
    for (auto& m : k["kommunar"])
        for (auto& p : m["medlemskap"]) p["stadfesta"] = m["kommunenummer"] != except;
    collectReferences(k);
    writeFile(dir / "kommunar.json", k.dump(2));
    return dir;
}

std::map<std::string, std::string> tree(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) files[fs::relative(e.path(), dir).string()] = readFile(e.path());
    return files;
}

void setPopulation(const fs::path& kommunar, const std::string& nr, long pop) {
    json j = json::parse(readFile(kommunar));
    for (auto& k : j["kommunar"])
        if (k["kommunenummer"] == nr) k["folketal"]["2020-01-01"] = pop;
    writeFile(kommunar, j.dump(2));
}

}  // namespace

TEST_CASE("KID: customer number + invoice number + check digit, MOD10 or MOD11", "[invoice]") {
    std::string kid10 = invoicing::makeKid("4634", "202100025", "MOD10");
    CHECK(kid10 == "46342021000254");
    CHECK(validKid(kid10));
    CHECK_FALSE(validKid("46342021000255"));
    std::string kid11 = invoicing::makeKid("4634", "202100025", "MOD11");
    CHECK(kid11.substr(0, 13) == "4634202100025");
    CHECK(kid11.back() == mod11CheckDigit("4634202100025"));
    CHECK(validKid(kid11));
}

TEST_CASE("invoices 2021: one per paying member; Masfjorden 133 820,00; the 42 sum to 10 371 420,00", "[invoice]") {
    TempDir tmp;
    std::string err;
    REQUIRE(runApp(args(confirmedInputs(tmp / "in"), tmp / "out", tmp / "ledger.sqlite"), err) == 0);
    ledger::Ledger book((tmp / "ledger.sqlite").string());
    CHECK(book.forYear(2021, true).empty());  // a real run: nothing in the test series
    auto all = book.forYear(2021, false);
    REQUIRE(all.size() == 42);
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < all.size(); ++i) {
        CHECK(all[i].seq == static_cast<std::int64_t>(i) + 1);  // gap-free from 1
        CHECK(all[i].type == "faktura");
        CHECK(validKid(all[i].kid));
        CHECK(all[i].kommunenummer != "4601");  // the host is not invoiced
        CHECK_FALSE(all[i].pdfSha256.empty());
        sum += all[i].totalOre;
        if (all[i].kommunenummer == "4634") CHECK(all[i].totalOre == 13'382'000);
    }
    CHECK(sum == 1'037'142'000);
    json m = json::parse(readFile(tmp / "out/manifest.json"));
    std::map<std::string, int> kinds;
    for (const auto& e : m) ++kinds[e["kind"].get<std::string>()];
    CHECK(kinds["faktura"] == 42);
    CHECK(kinds["ehf"] == 42);
    CHECK(kinds["fakturagrunnlag"] == 1);
    // the ERP export: one row per line, and the line amounts add up to the same total
    std::string csv = readFile(tmp / "out/fakturaer/2021/fakturagrunnlag-2021.csv");
    std::istringstream in(csv.substr(3));
    std::string line;
    std::getline(in, line);
    long long csvSum = 0;
    int rows = 0;
    while (std::getline(in, line)) {
        if (line.empty() || line == "\r") continue;
        ++rows;
        std::vector<std::string> f;
        std::size_t p = 0, q;
        while ((q = line.find(';', p)) != std::string::npos) { f.push_back(line.substr(p, q - p)); p = q + 1; }
        f.push_back(line.substr(p));
        std::string amount = f[13];
        csvSum += std::stoll(amount.substr(0, amount.find('.'))) * 100 * (amount[0] == '-' ? 1 : 1) +
                  (amount[0] == '-' ? -1 : 1) * std::stoll(amount.substr(amount.find('.') + 1));
    }
    CHECK(rows == 42 * 2 + 5);  // fixed + per inhabitant each, a cap line for the five at the cap
    CHECK(csvSum == 1'037'142'000);
}

TEST_CASE("a rerun with the same inputs issues nothing and reproduces identical bytes", "[invoice]") {
    TempDir tmp;
    std::string err;
    confirmedInputs(tmp / "in");
    REQUIRE(runApp(args(tmp / "in", tmp / "a", tmp / "ledger.sqlite"), err) == 0);
    REQUIRE(runApp(args(tmp / "in", tmp / "b", tmp / "ledger.sqlite"), err) == 0);
    CHECK(tree(tmp / "a") == tree(tmp / "b"));
    ledger::Ledger book((tmp / "ledger.sqlite").string());
    CHECK(book.forYear(2021, false).size() == 42);
}

TEST_CASE("a changed amount is refused; --korriger credits the old invoice and issues a new one", "[invoice]") {
    TempDir tmp;
    confirmedInputs(tmp / "in");
    std::string err;
    REQUIRE(runApp(args(tmp / "in", tmp / "a", tmp / "ledger.sqlite"), err) == 0);
    setPopulation(tmp / "in/kommunar.json", "4634", 1701);  // +10 inhabitants: 134 020
    CHECK(runApp(args(tmp / "in", tmp / "b", tmp / "ledger.sqlite"), err) == 2);
    CHECK(err.find("Masfjorden: invoice 202100025 for 2021 was issued for 133\u00a0820,00 kr; the inputs now give "
                   "134\u00a0020,00 kr. Nothing was issued; run with --korriger") != std::string::npos);
    CHECK_FALSE(fs::exists(tmp / "b"));
    {
        ledger::Ledger book((tmp / "ledger.sqlite").string());
        CHECK(book.forYear(2021, false).size() == 42);
    }
    auto a = args(tmp / "in", tmp / "c", tmp / "ledger.sqlite");
    a.insert(a.begin(), "--korriger");
    CHECK(runApp(a, err) == 2);  // a correction is dated by the user, never by the clock
    CHECK(err.find("run with --dato YYYY-MM-DD") != std::string::npos);
    a.insert(a.begin(), {"--dato", "2021-10-04"});
    REQUIRE(runApp(a, err) == 0);
    ledger::Ledger book((tmp / "ledger.sqlite").string());
    auto all = book.forYear(2021, false);
    REQUIRE(all.size() == 44);
    const auto& credit = all[42];
    const auto& fresh = all[43];
    CHECK(credit.type == "kreditnota");
    CHECK(credit.credits == "202100025");
    CHECK(credit.totalOre == 13'382'000);
    CHECK(credit.issueDate == "2021-10-04");
    CHECK(credit.kid.empty());  // a credit note asks for no payment
    CHECK(fresh.issueDate == "2021-10-04");
    CHECK(fresh.dueDate == "2021-11-03");  // 30 days from the correction, not from February
    CHECK(fresh.type == "faktura");
    CHECK(fresh.number == "202100044");
    CHECK(fresh.totalOre == 13'402'000);
    CHECK(all[24].status == "kreditert");
    CHECK(fs::exists(tmp / "c/fakturaer/2021/kreditnota-202100043-4634-masfjorden.pdf"));
    CHECK(fs::exists(tmp / "c/fakturaer/2021/ehf/kreditnota-202100043-4634-masfjorden.xml"));
    CHECK(fs::exists(tmp / "c/fakturaer/2021/faktura-202100044-4634-masfjorden.pdf"));
    std::string cnXml = readFile(tmp / "c/fakturaer/2021/ehf/kreditnota-202100043-4634-masfjorden.xml");
    CHECK(cnXml.find("<cac:PaymentMeans>") == std::string::npos);
    // the old invoice's document is still produced, unchanged
    CHECK(readFile(tmp / "a/fakturaer/2021/faktura-202100025-4634-masfjorden.pdf") ==
          readFile(tmp / "c/fakturaer/2021/faktura-202100025-4634-masfjorden.pdf"));
}

TEST_CASE("a run killed midway leaves no trace in the ledger and no gap in the series", "[invoice]") {
    TempDir tmp;
    confirmedInputs(tmp / "in");
    std::string cmd = "DV_TEST_CRASH_AFTER_INVOICES=10 '" + std::string(DV_CLI) + "' --quiet --year 2021 --inputs '" +
                      (tmp / "in").string() + "' --templates '" + kSource + "/templates' --out '" + (tmp / "out").string() +
                      "' --ny-reskontro --reskontro '" + (tmp / "ledger.sqlite").string() + "' fakturaer; echo \"exit=$?\"";
    std::string out = capture(cmd);
    CHECK(out.find("exit=137") != std::string::npos);  // died without unwinding, like a kill -9
    // nothing reached OUT: at most the hidden staging directory the next run clears
    CHECK_FALSE(fs::exists(tmp / "out/manifest.json"));
    CHECK_FALSE(fs::exists(tmp / "out/fakturaer"));
    {
        ledger::Ledger book((tmp / "ledger.sqlite").string());
        CHECK(book.forYear(2021, false).empty());  // the transaction never committed
    }
    std::string err;
    REQUIRE(runApp(args(tmp / "in", tmp / "out", tmp / "ledger.sqlite"), err) == 0);
    ledger::Ledger book((tmp / "ledger.sqlite").string());
    auto all = book.forYear(2021, false);
    REQUIRE(all.size() == 42);
    for (std::size_t i = 0; i < all.size(); ++i) CHECK(all[i].seq == static_cast<std::int64_t>(i) + 1);
}

TEST_CASE("issue 10: unconfirmed account or amounts make a test run: own series, marked, no payment asked", "[invoice]") {
    TempDir tmp;
    std::string err;
    REQUIRE(runApp(args(kSource + "/inputs", tmp / "out", tmp / "ledger.sqlite", "2025"), err) == 0);
    ledger::Ledger book((tmp / "ledger.sqlite").string());
    CHECK(book.forYear(2025, false).empty());  // the real series is untouched
    auto all = book.forYear(2025, true);
    REQUIRE(all.size() == 42);
    const ledger::Invoice* masfjorden = nullptr;
    for (const auto& inv : all) {
        CHECK(inv.number.rfind("P2025", 0) == 0);
        CHECK(inv.kid.empty());
        if (inv.kommunenummer == "4634") masfjorden = &inv;
    }
    REQUIRE(masfjorden);
    // 5 of 12 months of 100 000 + 20 × 1 694 (1.1.2024): 133 880 × 5/12 = 55 783,33
    CHECK(masfjorden->totalOre == 5'578'333);
    std::string stem = "out/fakturaer/2025/faktura-" + masfjorden->number + "-4634-masfjorden";
    std::string xml = readFile(tmp / ("out/fakturaer/2025/ehf/faktura-" + masfjorden->number + "-4634-masfjorden.xml"));
    CHECK(xml.find("<cbc:Note>PRØVEFAKTURA") != std::string::npos);
    CHECK(xml.find("<cac:PaymentMeans>") == std::string::npos);
    CHECK(xml.find("<cbc:StartDate>2025-08-01</cbc:StartDate>") != std::string::npos);
    CHECK(xml.find("<cbc:EndDate>2025-12-31</cbc:EndDate>") != std::string::npos);
    std::string text = capture("pdftotext -raw '" + (tmp / (stem + ".pdf")).string() + "' -");
    CHECK(text.find("PRØVEFAKTURA") != std::string::npos);
    CHECK(text.find("KID") == std::string::npos);
}

TEST_CASE("issue 10: a real run bills only confirmed members and marks nothing as a test", "[invoice]") {
    TempDir tmp;
    std::string err;
    std::ostringstream e;
    confirmedInputs(tmp / "in", "4634");  // Masfjorden's membership left unconfirmed
    REQUIRE(app::run({"--inputs", (tmp / "in").string(), "--templates", kSource + "/templates", "--out", (tmp / "out").string(),
                      "--reskontro", (tmp / "ledger.sqlite").string(), "--ny-reskontro", "--year", "2025", "fakturaer"}, e) == 0);
    CHECK(e.str().find("not invoiced: Masfjorden (4634): membership in 2025 not confirmed") != std::string::npos);
    CHECK(e.str().find("TEST RUN") == std::string::npos);
    ledger::Ledger book((tmp / "ledger.sqlite").string());
    auto all = book.forYear(2025, false);
    REQUIRE(all.size() == 41);
    for (const auto& inv : all) {
        CHECK(inv.kommunenummer != "4634");
        CHECK(validKid(inv.kid));
        CHECK(inv.number.rfind("2025", 0) == 0);
    }
    CHECK(book.forYear(2025, true).empty());
    CHECK(capture("grep -rl 'PRØVEFAKTURA' '" + (tmp / "out/fakturaer").string() + "' | wc -l").find("0") == 0);
}

TEST_CASE("issue 10: a population change that leaves the amount unchanged issues nothing", "[invoice]") {
    TempDir tmp;
    confirmedInputs(tmp / "in");
    std::string err;
    REQUIRE(runApp(args(tmp / "in", tmp / "a", tmp / "ledger.sqlite"), err) == 0);
    setPopulation(tmp / "in/kommunar.json", "4626", 40000);  // Øygarden: still at the cap of 500 000
    REQUIRE(runApp(args(tmp / "in", tmp / "b", tmp / "ledger.sqlite"), err) == 0);
    ledger::Ledger book((tmp / "ledger.sqlite").string());
    CHECK(book.forYear(2021, false).size() == 42);
}

TEST_CASE("issue 10: withdrawals marked as examples are never billed", "[invoice]") {
    TempDir tmp;
    confirmedInputs(tmp / "in");
    std::string err;
    REQUIRE(runApp(args(tmp / "in", tmp / "out", tmp / "ledger.sqlite", "2024"), err) == 0);
    ledger::Ledger book((tmp / "ledger.sqlite").string());
    for (const auto& inv : book.forYear(2024, false))
        for (const auto& l : inv.lines) CHECK(l.kind != "uttak");
}

TEST_CASE("issue 10: one amount, one computation: invoices equal the workbook's amounts for 2021, 2025 and 2026", "[invoice]") {
    Inputs in = input::loadInputs(kSource + "/inputs");
    for (int year : {2021, 2025, 2026}) {
        INFO(year);
        TempDir tmp;
        std::string err;
        REQUIRE(runApp(args(kSource + "/inputs", tmp / "out", tmp / "ledger.sqlite", std::to_string(year)), err) == 0);
        Diagnostics d;
        auto wb = buildWorkbookView(in, year, d);
        REQUIRE(wb);
        ledger::Ledger book((tmp / "ledger.sqlite").string());
        std::int64_t sum = 0;
        for (const auto& inv : book.forYear(year, true)) {
            sum += inv.totalOre;
            for (const auto& row : wb->current.run.rows)
                if (row.kommune->kommunenummer == inv.kommunenummer) CHECK(inv.totalOre == row.amount.ore());
        }
        CHECK(sum == wb->current.run.total.ore());
    }
    // hand values: 2021 Masfjorden 133 820; 2025 5/12 of 133 880 = 55 783,33; 2026 133 880 (1.1.2024 assumed for 1.1.2025)
    Diagnostics d;
    auto w21 = buildWorkbookView(in, 2021, d), w25 = buildWorkbookView(in, 2025, d), w26 = buildWorkbookView(in, 2026, d);
    REQUIRE((w21 && w25 && w26));
    auto masfjorden = [](const WorkbookView& w) {
        for (const auto& r : w.current.run.rows)
            if (r.kommune->kommunenummer == "4634") return r.amount.ore();
        return std::int64_t{-1};
    };
    CHECK(masfjorden(*w21) == 13'382'000);
    CHECK(masfjorden(*w25) == 5'578'333);
    CHECK(masfjorden(*w26) == 13'388'000);
    CHECK(w21->current.run.total.ore() == 1'037'142'000);
}

TEST_CASE("issue 15: a floor that rises above the cap after indexing is an error, not the cap for everyone", "[invoice]") {
    Inputs in = input::loadInputs(kSource + "/inputs");
    FundingModel m = *in.settings.modelById("avtale-2021");
    m.floor = Money::kroner(495'000);
    m.indexation.floor = true;  // 495 000 × 1,064 (2022) = 526 680 > the cap of 500 000
    Diagnostics d;
    CHECK_FALSE(modelView(in, m, 2022, std::nullopt, d));
    CHECK(d.format().find("has a floor (526680.00 kr) above its cap (500000.00 kr)") != std::string::npos);
    Diagnostics ok;
    CHECK(modelView(in, m, 2021, std::nullopt, ok));  // not yet indexed: 495 000 ≤ 500 000
}

TEST_CASE("issue 15: a --reskontro path that does not exist is refused; a ledger belongs to one seller", "[invoice]") {
    TempDir tmp;
    std::string err;
    std::vector<std::string> a = {"--quiet", "--inputs", kSource + "/inputs", "--templates", kSource + "/templates", "--out",
                                  (tmp / "out").string(), "--reskontro", (tmp / "typo.sqlite").string(), "--year", "2025", "fakturaer"};
    CHECK(runApp(a, err) == 2);
    CHECK(err.find("--reskontro: the ledger " + (tmp / "typo.sqlite").string() + " does not exist") != std::string::npos);
    CHECK_FALSE(fs::exists(tmp / "typo.sqlite"));
    CHECK_FALSE(fs::exists(tmp / "out/manifest.json"));
    // the same ledger with another seller's inputs
    REQUIRE(runApp(args(kSource + "/inputs", tmp / "a", tmp / "l.sqlite", "2025"), err) == 0);
    copyInputs(tmp / "in");
    json s = json::parse(readFile(tmp / "in/samarbeid.json"));
    s["vertskommune"]["organisasjonsnummer"] = "945627913";
    writeFile(tmp / "in/samarbeid.json", s.dump(2));
    json k = json::parse(readFile(tmp / "in/kommunar.json"));
    for (auto& m : k["kommunar"]) {  // swap the two numbers so the inputs stay valid
        if (m["kommunenummer"] == "4601") m["organisasjonsnummer"] = "945627913";
        else if (m["kommunenummer"] == "4634") m["organisasjonsnummer"] = "964338531";
    }
    writeFile(tmp / "in/kommunar.json", k.dump(2));
    CHECK(runApp(args(tmp / "in", tmp / "b", tmp / "l.sqlite", "2025"), err) == 2);
    CHECK(err.find("the ledger belongs to the seller 964338531, not to 945627913") != std::string::npos);
}

namespace {

void setBuyer(const fs::path& kommunar, const std::string& nr, const json& faktura) {
    json j = json::parse(readFile(kommunar));
    for (auto& k : j["kommunar"])
        if (k["kommunenummer"] == nr) k["faktura"].update(faktura);
    writeFile(kommunar, j.dump(2));
}

std::string ehfOf(const fs::path& out, int year, const std::string& nr) {
    for (const auto& e : fs::directory_iterator(out / ("fakturaer/" + std::to_string(year) + "/ehf")))
        if (e.path().filename().string().find("-" + nr + "-") != std::string::npos) return readFile(e.path());
    return {};
}

}  // namespace

TEST_CASE("issue 13: each buyer's reference travels in the field it names; unknown ones are said", "[invoice]") {
    TempDir tmp;
    confirmedInputs(tmp / "in");
    setBuyer(tmp / "in/kommunar.json", "4602", {{"referansefelt", "BuyerReference"}, {"referanse", "KN-4411"}});
    setBuyer(tmp / "in/kommunar.json", "4611", {{"referansefelt", "OrderReference"}, {"referanse", "4500012345"},
                                                {"referanseformat", "^45[0-9]{8}$"}});
    setBuyer(tmp / "in/kommunar.json", "4612", {{"referansefelt", "AccountingCost"}, {"referanse", "1234.5678"}});
    setBuyer(tmp / "in/kommunar.json", "4613", {{"referansefelt", "kontakt"}, {"kontakt", "Ola Nordmann"},
                                                {"postadresse", {{"adresse", "Postboks 1"}, {"postnummer", "5401"}, {"stad", "Stord"}}},
                                                {"mottakar_orgnr", "964338531"}});
    std::ostringstream e;
    auto a = args(tmp / "in", tmp / "out", tmp / "l.sqlite");
    a.erase(a.begin());  // not --quiet: the notes are the point
    REQUIRE(app::run(a, e) == 0);
    CHECK(ehfOf(tmp / "out", 2021, "4602").find("<cbc:BuyerReference>KN-4411</cbc:BuyerReference>") != std::string::npos);
    std::string etne = ehfOf(tmp / "out", 2021, "4611");
    CHECK(etne.find("<cac:OrderReference><cbc:ID>4500012345</cbc:ID></cac:OrderReference>") != std::string::npos);
    CHECK(etne.find("<cbc:BuyerReference>DigiVestland 2021</cbc:BuyerReference>") != std::string::npos);  // PEPPOL-R003
    CHECK(ehfOf(tmp / "out", 2021, "4612").find("<cbc:AccountingCost>1234.5678</cbc:AccountingCost>") != std::string::npos);
    std::string bomlo = ehfOf(tmp / "out", 2021, "4613");
    CHECK(bomlo.find("<cbc:BuyerReference>Ola Nordmann</cbc:BuyerReference>") != std::string::npos);
    CHECK(bomlo.find("<cbc:EndpointID schemeID=\"0192\">964338531</cbc:EndpointID>") != std::string::npos);
    CHECK(bomlo.find("<cbc:PostalZone>5401</cbc:PostalZone>") != std::string::npos);
    std::string pdf;
    for (const auto& f : fs::directory_iterator(tmp / "out/fakturaer/2021"))
        if (f.path().filename().string().find("-4613-") != std::string::npos && f.path().extension() == ".pdf")
            pdf = capture("pdftotext -raw '" + f.path().string() + "' -");
    CHECK(pdf.find("Referansen dykkar Ola Nordmann") != std::string::npos);
    CHECK(pdf.find("5401 Stord") != std::string::npos);
    // the 30 others (42 buyers less these four and the eight whose references the fixture collected):
    // the default reference, and the run says whose is unknown
    CHECK(e.str().find("the buyer's own reference (the run's default is used) is unknown for 30 municipalities") != std::string::npos);
    // a collected reference in the field the buyer's published rule names: Bjørnafjorden in AccountingCost
    CHECK(ehfOf(tmp / "out", 2021, "4624").find("<cbc:AccountingCost>REF4624</cbc:AccountingCost>") != std::string::npos);
    CHECK(ehfOf(tmp / "out", 2021, "4627").find("<cbc:BuyerReference>12345</cbc:BuyerReference>") != std::string::npos);
}

TEST_CASE("issue 13: a real run refuses an invoice whose buyer requires a reference it lacks; a test run says so", "[invoice]") {
    TempDir tmp;
    confirmedInputs(tmp / "in");
    setBuyer(tmp / "in/kommunar.json", "4634", {{"referansefelt", "BuyerReference"}, {"referanse_krevst", true}});
    std::string err;
    CHECK(runApp(args(tmp / "in", tmp / "out", tmp / "l.sqlite"), err) == 2);
    CHECK(err.find("/kommunar/25/faktura/referanse: Masfjorden (4634) requires a reference on its invoices (referanse_krevst) "
                   "but \"referanse\" is not given; nothing was issued") != std::string::npos);
    CHECK_FALSE(fs::exists(tmp / "out/manifest.json"));
    {
        ledger::Ledger book((tmp / "l.sqlite").string());
        CHECK(book.forYear(2021, false).empty());
    }
    // a reference that does not match the buyer's format is bad input at its pointer
    setBuyer(tmp / "in/kommunar.json", "4634", {{"referanse", "12-34"}, {"referanseformat", "^[0-9]{6}$"}});
    CHECK(runApp(args(tmp / "in", tmp / "out", tmp / "l.sqlite"), err) == 2);
    CHECK(err.find("/kommunar/25/faktura/referanse: \"12-34\" does not match the buyer's format ^[0-9]{6}$") != std::string::npos);
    // the shipped inputs with the same requirement: a test run issues, and says the reference is unknown
    copyInputs(tmp / "t");
    setBuyer(tmp / "t/kommunar.json", "4634", {{"referansefelt", "BuyerReference"}, {"referanse_krevst", true}});
    std::ostringstream e;
    auto t = args(tmp / "t", tmp / "tout", tmp / "t.sqlite", "2026");
    t.erase(t.begin());
    REQUIRE(app::run(t, e) == 0);
    CHECK(e.str().find("TEST RUN") != std::string::npos);
    CHECK(e.str().find("the buyer's own reference (the run's default is used) is unknown for 42 municipalities") != std::string::npos);
    // the shipped inputs carry the sourced rules of eight municipalities that require one, plus Masfjorden here
    CHECK(e.str().find("a reference the buyer requires (a real run refuses the invoice) is unknown for 9 municipalities") !=
          std::string::npos);
}
