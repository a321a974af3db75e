// Issue 13, payments and reminders: OCR giro and camt.054 files made here pay invoices of a real
// 2026 run in full, in two parts, short, too much, with an unknown KID and a wrong check digit.
#include <catch2/catch.hpp>

#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "app/app.h"
#include "core/checkdigit.h"
#include "invoicing/kid.h"
#include "ledger/ledger.h"
#include "references_util.h"
#include "test_util.h"

using namespace dvtest;
using json = nlohmann::json;

namespace {

int cli(std::vector<std::string> a, std::string& err) {
    std::ostringstream e;
    int rc = dv::app::run(a, e);
    err = e.str();
    return rc;
}

std::vector<std::string> base(const fs::path& dir, const std::string& out) {
    return {"--quiet", "--inputs", (dir / "in").string(), "--templates", kSource + "/templates", "--out", (dir / out).string(),
            "--reskontro", (dir / "l.sqlite").string(), "--year", "2026"};
}

// A real 2026 run: account, amounts and memberships confirmed, and the population of 1.1.2025
// given (here: the 1.1.2024 figures) so nothing is assumed.
void realInputs(const fs::path& dir) {
    copyInputs(dir);
    json s = json::parse(readFile(dir / "samarbeid.json"));
    s["vertskommune"]["kontonummer_stadfesta"] = true;
    for (auto& m : s["finansieringsmodellar"]) m["stadfesta"] = true;
    s.erase("folketal_foresetnad");
    writeFile(dir / "samarbeid.json", s.dump(2));
    json k = json::parse(readFile(dir / "kommunar.json"));
    for (auto& m : k["kommunar"]) {
        for (auto& p : m["medlemskap"]) p["stadfesta"] = true;
        m["folketal"]["2025-01-01"] = m["folketal"]["2024-01-01"];
    }
    collectReferences(k);
    writeFile(dir / "kommunar.json", k.dump(2));
}

std::string pad(const std::string& s, std::size_t n, char c = '0', bool left = true) {
    if (s.size() >= n) return s.substr(0, n);
    return left ? std::string(n - s.size(), c) + s : s + std::string(n - s.size(), c);
}

struct Pay {
    std::string kid;
    long long ore;
};

// Nets OCR giro: transmission start, one assignment with amount items 1 and 2 per payment, ends.
std::string ocrFile(const std::vector<Pay>& pays, const std::string& ddmmyy, const std::string& transmission) {
    std::vector<std::string> r;
    r.push_back("NY000010" + pad("12345678", 8) + pad(transmission, 7) + pad("00008080", 8) + std::string(49, '0'));
    r.push_back("NY090020" + pad("001234567", 9) + pad("1", 7) + "12345678903" + std::string(45, '0'));
    long long sum = 0;
    int tx = 0;
    for (const Pay& p : pays) {
        ++tx;
        r.push_back("NY091030" + pad(std::to_string(tx), 7) + ddmmyy + "01" + "01" + "0" + "00000" + "0" + pad(std::to_string(p.ore), 17) +
                    pad(p.kid, 25, ' ') + std::string(6, '0'));
        r.push_back("NY091031" + pad(std::to_string(tx), 7) + pad("9876543210", 10) + pad(std::to_string(tx), 9) + std::string(7, '0') +
                    ddmmyy + "98765432109" + std::string(22, '0'));
        sum += p.ore;
    }
    const std::string n = pad(std::to_string(tx), 8);
    r.push_back("NY090088" + n + pad(std::to_string(2 * tx + 2), 8) + pad(std::to_string(sum), 17) + ddmmyy + ddmmyy + ddmmyy + std::string(21, '0'));
    r.push_back("NY000089" + n + pad(std::to_string(2 * tx + 4), 8) + pad(std::to_string(sum), 17) + ddmmyy + std::string(33, '0'));
    std::string out;
    for (auto& l : r) {
        REQUIRE(l.size() == 80);
        out += l + "\r\n";
    }
    return out;
}

std::string amount(long long ore) { return std::to_string(ore / 100) + "." + pad(std::to_string(ore % 100), 2); }

std::string camtFile(const std::vector<Pay>& pays, const std::string& date, const std::string& ns = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08",
                     const std::string& body = "BkToCstmrDbtCdtNtfctn") {
    std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"" + ns + "\">\n<" + body +
                    "><GrpHdr><MsgId>MSG-" + date + "</MsgId><CreDtTm>" + date + "T08:00:00</CreDtTm></GrpHdr>\n"
                    "<Ntfctn><Id>N1</Id><CreDtTm>" + date + "T08:00:00</CreDtTm><Acct><Id><BBAN>12345678903</BBAN></Id></Acct>\n";
    int n = 0;
    for (const Pay& p : pays) {
        ++n;
        x += "<Ntry><Amt Ccy=\"NOK\">" + amount(p.ore) + "</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>" + date +
             "</Dt></BookgDt><ValDt><Dt>" + date + "</Dt></ValDt><AcctSvcrRef>E" + std::to_string(n) + "</AcctSvcrRef>"
             "<NtryDtls><TxDtls><Refs><AcctSvcrRef>T" + std::to_string(n) + "</AcctSvcrRef></Refs><Amt Ccy=\"NOK\">" + amount(p.ore) +
             "</Amt><CdtDbtInd>CRDT</CdtDbtInd><RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>" + p.kid +
             "</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls></Ntry>\n";
    }
    // a debit on the same account is not a payment to us
    x += "<Ntry><Amt Ccy=\"NOK\">10.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>" + date + "</Dt></BookgDt></Ntry>\n";
    return x + "</Ntfctn></" + body + ">\n</Document>\n";
}

std::map<std::string, std::vector<std::string>> avstemming(const fs::path& csv) {
    std::map<std::string, std::vector<std::string>> rows;
    std::istringstream in(readFile(csv).substr(3));
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::vector<std::string> f;
        std::size_t p = 0, q;
        while ((q = line.find(';', p)) != std::string::npos) { f.push_back(line.substr(p, q - p)); p = q + 1; }
        f.push_back(line.substr(p));
        rows[f[0]] = f;
    }
    return rows;
}

std::string kroner(long long ore) { return std::to_string(ore / 100) + "," + pad(std::to_string((ore < 0 ? -ore : ore) % 100), 2); }

}  // namespace

TEST_CASE("issue 13: OCR and camt.054 payments are matched by KID, classified, recorded once; reminders once per interval", "[payments]") {
    TempDir tmp;
    realInputs(tmp / "in");
    std::string err;
    auto inv = base(tmp.operator/(""), "out");
    inv.insert(inv.end(), {"--ny-reskontro", "fakturaer"});
    REQUIRE(cli(inv, err) == 0);
    std::vector<dv::ledger::Invoice> all;
    {
        dv::ledger::Ledger book((tmp / "l.sqlite").string());
        all = book.forYear(2026, false);
    }
    REQUIRE(all.size() == 42);
    const auto &full = all[0], &parts = all[1], &shortPaid = all[2], &over = all[3];
    for (const auto& i : all) REQUIRE(dv::validKid(i.kid));
    std::string unknownKid = dv::invoicing::makeKid("4699", "202699999", "MOD10");
    std::string wrongDigit = full.kid.substr(0, 13) + static_cast<char>('0' + (full.kid.back() - '0' + 1) % 10);
    REQUIRE(dv::validKid(unknownKid));
    REQUIRE_FALSE(dv::validKid(wrongDigit));
    const long long half = parts.totalOre / 2;
    writeFile(tmp / "ocr.txt", ocrFile({{full.kid, full.totalOre}, {parts.kid, half}, {over.kid, over.totalOre + 50'000}, {wrongDigit, 1'000}},
                                       "100426", "1"));
    writeFile(tmp / "camt.xml", camtFile({{parts.kid, parts.totalOre - half}, {shortPaid.kid, shortPaid.totalOre - 100'000}, {unknownKid, 2'500}},
                                         "2026-04-12"));
    auto pay = base(tmp.operator/(""), "out");
    pay.insert(pay.end(), {"--dato", "2026-04-30", "--innbetalingar", (tmp / "ocr.txt").string(), "--innbetalingar",
                           (tmp / "camt.xml").string(), "innbetalingar"});
    REQUIRE(cli(pay, err) == 0);
    const fs::path dir = tmp / "out/innbetalingar/2026";
    auto rows = avstemming(dir / "avstemming-2026.csv");
    REQUIRE(rows.size() == 42);
    auto expect = [&](const dv::ledger::Invoice& i, long long paid, const std::string& status) {
        INFO(i.number);
        const auto& r = rows.at(i.number);
        CHECK(r[1] == i.kid);
        CHECK(r[2] == i.kommunenummer);
        CHECK(r[3] == kroner(i.totalOre));
        CHECK(r[4] == kroner(paid));
        CHECK(r[5] == (i.totalOre - paid < 0 ? "-" : "") + kroner(std::llabs(i.totalOre - paid)));
        CHECK(r[6] == status);
    };
    expect(full, full.totalOre, "betalt");
    expect(parts, parts.totalOre, "betalt");
    expect(shortPaid, shortPaid.totalOre - 100'000, "delbetalt");
    expect(over, over.totalOre + 50'000, "overbetalt");
    for (std::size_t i = 4; i < all.size(); ++i) expect(all[i], 0, "ubetalt");
    std::string unmatched = readFile(dir / "ukjende-innbetalingar-2026.csv");
    CHECK(unmatched.find(unknownKid + ";25,00;2026-04-12;ukjend KID") != std::string::npos);
    CHECK(unmatched.find(wrongDigit + ";10,00;2026-04-10;feil kontrollsiffer i KID") != std::string::npos);
    std::string open = capture("pdftotext -raw '" + (dir / "opne-postar-2026.pdf").string() + "' -");
    CHECK(open.find(shortPaid.number) != std::string::npos);
    CHECK(open.find(full.number) == std::string::npos);
    CHECK(open.find(" 43 ") != std::string::npos);  // due 18.03.2026, 43 days on 30.04.2026
    // the secretariat's own report, in the shared målform (bokmål in the shipped inputs), like the journal
    CHECK(open.find("Åpne poster 2026") != std::string::npos);
    CHECK(open.find("Opne postar") == std::string::npos);

    // the same files again: nothing new
    std::size_t recorded;
    {
        dv::ledger::Ledger book((tmp / "l.sqlite").string());
        recorded = book.payments().size();
    }
    CHECK(recorded == 7);
    auto again = pay;
    again[6] = (tmp / "out2").string();
    REQUIRE(cli(again, err) == 0);
    {
        dv::ledger::Ledger book((tmp / "l.sqlite").string());
        CHECK(book.payments().size() == recorded);
    }
    CHECK(readFile(tmp / "out2/innbetalingar/2026/avstemming-2026.csv") == readFile(dir / "avstemming-2026.csv"));

    // reminders: exactly the open, overdue invoices; a second run the same day writes none
    auto remind = base(tmp.operator/(""), "out3");
    remind.insert(remind.end(), {"--dato", "2026-04-30", "purringar"});
    REQUIRE(cli(remind, err) == 0);
    std::set<std::string> reminded, openSet;
    for (const auto& f : fs::directory_iterator(tmp / "out3/purringar/2026")) reminded.insert(f.path().filename().string().substr(8, 9));
    for (std::size_t i = 2; i < all.size(); ++i)
        if (i != 3) openSet.insert(all[i].number);
    CHECK(reminded == openSet);
    CHECK(reminded.size() == 39);
    std::string letter;
    for (const auto& f : fs::directory_iterator(tmp / "out3/purringar/2026"))
        if (f.path().filename().string().find(shortPaid.number) != std::string::npos)
            letter = capture("pdftotext -raw '" + f.path().string() + "' -");
    CHECK(letter.find(shortPaid.kid) != std::string::npos);
    INFO(letter);
    CHECK(std::regex_search(letter, std::regex("Uteståande\\s+1(\u00a0| )000,00 kr")));  // the outstanding amount
    remind[6] = (tmp / "out4").string();
    REQUIRE(cli(remind, err) == 0);
    CHECK_FALSE(fs::exists(tmp / "out4/purringar"));
    // after the interval (14 days), the next reminder
    remind[6] = (tmp / "out5").string();
    remind[remind.size() - 2] = "2026-05-14";
    REQUIRE(cli(remind, err) == 0);
    std::size_t second = 0;
    for ([[maybe_unused]] const auto& f : fs::directory_iterator(tmp / "out5/purringar/2026")) ++second;
    CHECK(second == 39);
}

TEST_CASE("issue 13: bad payment files: one clear error each, exit 2, ledger and OUT untouched", "[payments]") {
    TempDir tmp;
    realInputs(tmp / "in");
    std::string err;
    auto inv = base(tmp.operator/(""), "out");
    inv.insert(inv.end(), {"--ny-reskontro", "fakturaer"});
    REQUIRE(cli(inv, err) == 0);
    std::string kid;
    {
        dv::ledger::Ledger book((tmp / "l.sqlite").string());
        kid = book.forYear(2026, false)[0].kid;
    }
    const std::string ocr = ocrFile({{kid, 1'000}, {kid, 2'000}}, "100426", "7");
    std::string truncated = ocr.substr(0, ocr.size() - 82);
    std::string wrongCount = ocr;
    wrongCount.replace(wrongCount.rfind("NY000089") + 8, 8, "00000003");
    std::string wrongSum = ocr;
    wrongSum.replace(wrongSum.rfind("NY090088") + 24, 17, pad("3001", 17));
    writeFile(tmp / "truncated.txt", truncated);
    writeFile(tmp / "count.txt", wrongCount);
    writeFile(tmp / "sum.txt", wrongSum);
    writeFile(tmp / "broken.xml", camtFile({{kid, 1'000}}, "2026-04-12").substr(0, 300));
    writeFile(tmp / "statement.xml", camtFile({{kid, 1'000}}, "2026-04-12", "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08", "BkToCstmrStmt"));
    const std::string manifest = readFile(tmp / "out/manifest.json");
    for (const auto& [file, message] : std::vector<std::pair<std::string, std::string>>{
             {"truncated.txt", "no transmission end record (NY000089): the file is truncated"},
             {"count.txt", "the transmission says 3 transactions, the file has 2"},
             {"sum.txt", "assignment 0000001 says a sum of 3001 øre, its amount items add up to 3000"},
             {"broken.xml", "not well-formed XML"},
             {"statement.xml", "not an ISO 20022 camt.054 credit notification"}}) {
        INFO(file);
        auto a = base(tmp.operator/(""), "out");
        a.insert(a.end(), {"--dato", "2026-04-30", "--innbetalingar", (tmp / file).string(), "innbetalingar"});
        CHECK(cli(a, err) == 2);
        CHECK(err.find((tmp / file).string() + ": ") == 0);
        CHECK(err.find(message) != std::string::npos);
        CHECK(std::count(err.begin(), err.end(), '\n') == 2);  // the error and the summary line
        CHECK(readFile(tmp / "out/manifest.json") == manifest);
        CHECK_FALSE(fs::exists(tmp / "out/innbetalingar"));
        dv::ledger::Ledger book((tmp / "l.sqlite").string());
        CHECK(book.payments().empty());
    }
}
