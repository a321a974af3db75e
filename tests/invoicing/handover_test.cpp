// Issue 13, the hand-over: the control list adds up to the EHF files, the ERP file reads in a
// Norwegian spreadsheet with amounts as numbers and KIDs as text, every EHF has its envelope.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <regex>

#include "app/app.h"
#include "references_util.h"
#include "test_util.h"

using namespace dvtest;
using json = nlohmann::json;

namespace {

std::vector<std::string> invoiceArgs(const fs::path& inputs, const fs::path& out, const fs::path& ledger, const std::string& year) {
    return {"--quiet", "--inputs", inputs.string(), "--templates", kSource + "/templates", "--out", out.string(),
            "--reskontro", ledger.string(), "--ny-reskontro", "--year", year, "fakturaer"};
}

// Øre from "133880.00" / "-3600.00".
long long ore(const std::string& s) {
    bool neg = s[0] == '-';
    std::string a = neg ? s.substr(1) : s;
    auto dot = a.find('.');
    long long v = std::stoll(a.substr(0, dot)) * 100 + (dot == std::string::npos ? 0 : std::stoll((a.substr(dot + 1) + "00").substr(0, 2)));
    return neg ? -v : v;
}

std::string between(const std::string& s, const std::string& open, const std::string& close) {
    auto a = s.find(open);
    if (a == std::string::npos) return {};
    a += open.size();
    return s.substr(a, s.find(close, a) - a);
}

}  // namespace

TEST_CASE("issue 13: the 2026 control list's grand total equals the sum of the EHF files, and the XLSX total is a formula", "[handover]") {
    TempDir tmp;
    std::ostringstream e;
    REQUIRE(dv::app::run(invoiceArgs(kSource + "/inputs", tmp / "out", tmp / "l.sqlite", "2026"), e) == 0);
    const fs::path dir = tmp / "out/fakturaer/2026";
    long long ehfSum = 0;
    int ehfFiles = 0, envelopes = 0;
    for (const auto& f : fs::directory_iterator(dir / "ehf")) {
        std::string x = readFile(f.path());
        long long payable = ore(between(x, "<cbc:PayableAmount currencyID=\"NOK\">", "<"));
        ehfSum += x.find("<CreditNote") != std::string::npos ? -payable : payable;
        ++ehfFiles;
        // its envelope: the same document inside, Peppol identifiers outside
        std::string sbd = readFile(dir / "sbd" / (f.path().stem().string() + ".sbd.xml"));
        CHECK(sbd.find(x.substr(x.find("<Invoice"))) != std::string::npos);
        CHECK(sbd.find("<Sender><Identifier Authority=\"iso6523-actorid-upis\">0192:964338531</Identifier></Sender>") != std::string::npos);
        std::string buyer = between(x.substr(x.find("AccountingCustomerParty")), "<cbc:EndpointID schemeID=\"0192\">", "<");
        CHECK(sbd.find("<Receiver><Identifier Authority=\"iso6523-actorid-upis\">0192:" + buyer + "</Identifier></Receiver>") != std::string::npos);
        CHECK(sbd.find("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2::Invoice##urn:cen.eu:en16931:2017#compliant#"
                       "urn:fdc:peppol.eu:2017:poacc:billing:3.0::2.1") != std::string::npos);
        CHECK(sbd.find("<InstanceIdentifier>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</InstanceIdentifier>") != std::string::npos);
        CHECK(sbd.find("<Type>COUNTRY_C1</Type><InstanceIdentifier>NO</InstanceIdentifier>") != std::string::npos);
        ++envelopes;
    }
    CHECK(ehfFiles == 42);
    CHECK(envelopes == 42);
    // the PDF control list prints the grand total
    std::string text = capture("pdftotext -raw '" + (dir / "fakturajournal-2026.pdf").string() + "' -");
    std::string printed = between(text, "Sum totalt ", "\n");  // the shared målform is bokmål
    printed.erase(std::remove(printed.begin(), printed.end(), ','), printed.end());
    printed = std::regex_replace(printed, std::regex("\xC2\xA0| "), "");
    CHECK(std::stoll(printed) == ehfSum);
    // the XLSX: a SUM formula over the amount column, its cached value the same total
    std::string sheet = capture("unzip -p '" + (dir / "fakturajournal-2026.xlsx").string() + "' xl/worksheets/sheet1.xml");
    CHECK(sheet.find("<f>SUM(F2:F43)</f>") != std::string::npos);
    double cached = std::stod(between(sheet.substr(sheet.find("<f>SUM(F2:F43)</f>")), "<v>", "</v>"));
    CHECK(static_cast<long long>(cached * 100 + 0.5) == ehfSum);
    // LibreOffice recomputes the formula to the same total
    std::string fods = capture("cd '" + tmp.str() + "' && soffice --headless -env:UserInstallation=file://" + tmp.str() +
                               "/lo --convert-to fods '" + (dir / "fakturajournal-2026.xlsx").string() + "' >/dev/null 2>&1; cat fakturajournal-2026.fods");
    std::smatch m;
    REQUIRE(std::regex_search(fods, m, std::regex("table:formula=\"of:=SUM\\(\\[\\.F2:\\.F43\\]\\)\"[^>]*office:value=\"([0-9.]+)\"")));
    CHECK(static_cast<long long>(std::stod(m[1]) * 100 + 0.5) == ehfSum);
    json manifest = json::parse(readFile(tmp / "out/manifest.json"));
    std::map<std::string, int> kinds;
    for (const auto& x : manifest) ++kinds[x["kind"].get<std::string>()];
    CHECK(kinds["fakturajournal-xlsx"] == 1);
    CHECK(kinds["fakturajournal-pdf"] == 1);
    CHECK(kinds["erp-import"] == 1);
    CHECK(kinds["ehf-sbd"] == 42);
}

TEST_CASE("issue 13: the ERP file opens in LibreOffice (Norwegian locale) with amounts as numbers, KID and org numbers as text", "[handover]") {
    TempDir tmp;
    copyInputs(tmp / "in");  // a real run, so the invoices carry KIDs: 2024, account and amounts confirmed
    json s = json::parse(readFile(tmp / "in/samarbeid.json"));
    s["vertskommune"]["kontonummer_stadfesta"] = true;
    for (auto& m : s["finansieringsmodellar"]) m["stadfesta"] = true;
    writeFile(tmp / "in/samarbeid.json", s.dump(2));
    json k = json::parse(readFile(tmp / "in/kommunar.json"));
    for (auto& m : k["kommunar"])
        for (auto& p : m["medlemskap"]) p["stadfesta"] = true;
    collectReferences(k);
    writeFile(tmp / "in/kommunar.json", k.dump(2));
    std::ostringstream e;
    REQUIRE(dv::app::run(invoiceArgs(tmp / "in", tmp / "out", tmp / "l.sqlite", "2024"), e) == 0);
    const fs::path csv = tmp / "out/fakturaer/2024/erp-import-2024.csv";
    std::string raw = readFile(csv);
    CHECK(raw.rfind("\xEF\xBB\xBF" "fakturanummer;", 0) == 0);
    // 59 = ';', 34 = '"', 76 = UTF-8, line 1, 1044 = Norwegian (bokmål) number conventions
    std::string fods = capture("cd '" + tmp.str() + "' && soffice --headless -env:UserInstallation=file://" + tmp.str() +
                               "/lo --infilter='CSV:59,34,76,1,,1044' --convert-to fods '" + csv.string() +
                               "' >/dev/null 2>&1; cat erp-import-2024.fods");
    REQUIRE(!fods.empty());
    // Masfjorden 2024: 100 000 + 20 × 1 654 (1.1.2023) = 133 080,00; its KID 14 digits kept whole, as text
    std::smatch m;
    std::string kid = between(raw.substr(raw.find("Masfjorden")), ";=\"", "\"");
    REQUIRE(kid.size() == 14);
    CHECK(std::regex_search(fods, std::regex("office:value-type=\"string\" office:string-value=\"" + kid + "\"")));
    CHECK(fods.find("office:value=\"" + kid + "\"") == std::string::npos);  // never a number (4,6E+13)
    CHECK(std::regex_search(fods, std::regex("office:value-type=\"string\" office:string-value=\"945627913\"")));
    CHECK(std::regex_search(fods, std::regex("office:value-type=\"float\" office:value=\"133080\"")));
    CHECK(std::regex_search(fods, std::regex("office:value-type=\"float\" office:value=\"33080\"")));
    // what the inputs do not give is said
    CHECK(raw.find(";ukjend;") != std::string::npos);
}
