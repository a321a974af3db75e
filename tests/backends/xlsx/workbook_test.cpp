#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <regex>

#include "app/app.h"
#include "backends/xlsx/workbook.h"
#include "test_util.h"

using namespace dvtest;

namespace {
std::string part(const fs::path& book, const std::string& name) {
    return capture("unzip -p '" + book.string() + "' '" + name + "'");
}
std::string make(const fs::path& in, const fs::path& out) {
    std::ostringstream err;
    REQUIRE(dv::app::run({"--quiet", "--inputs", in.string(), "--templates", kSource + "/templates", "--out",
                          out.string(), "--year", "2021", "arbeidsbok"}, err) == 0);
    return (out / "arbeidsbok/finansiering-2021.xlsx").string();
}

std::string unescape(std::string s) {
    for (auto [from, to] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&amp;", "&"}})
        for (std::size_t i = 0; (i = s.find(from, i)) != std::string::npos; i += std::string(to).size())
            s.replace(i, std::string(from).size(), to);
    return s;
}

std::vector<std::string> sharedStrings(const fs::path& book) {
    std::vector<std::string> out;
    std::string xml = part(book, "xl/sharedStrings.xml");
    std::regex si("<si>(.*?)</si>"), t("<t[^>]*>([^<]*)</t>");
    for (auto it = std::sregex_iterator(xml.begin(), xml.end(), si); it != std::sregex_iterator(); ++it) {
        std::string inner = (*it)[1], text;
        for (auto jt = std::sregex_iterator(inner.begin(), inner.end(), t); jt != std::sregex_iterator(); ++jt) text += (*jt)[1];
        out.push_back(unescape(text));
    }
    return out;
}

// The fill colour (ARGB) of cell style `s`, "" when it has none.
std::string fillOf(const fs::path& book, int s) {
    std::string xml = part(book, "xl/styles.xml");
    std::string xfs = xml.substr(xml.find("<cellXfs"));
    std::vector<int> fillIds;
    std::regex xf("<xf [^>]*fillId=\"(\\d+)\"");
    for (auto it = std::sregex_iterator(xfs.begin(), xfs.end(), xf); it != std::sregex_iterator(); ++it)
        fillIds.push_back(std::stoi((*it)[1]));
    std::vector<std::string> fills;
    std::regex fill("<fill>(.*?)</fill>"), rgb("fgColor rgb=\"([0-9A-F]+)\"");
    for (auto it = std::sregex_iterator(xml.begin(), xml.end(), fill); it != std::sregex_iterator(); ++it) {
        std::smatch m;
        std::string f = (*it)[1];
        fills.push_back(std::regex_search(f, m, rgb) ? m[1].str() : "");
    }
    REQUIRE(s < static_cast<int>(fillIds.size()));
    return fills.at(fillIds[s]);
}

// The style index of `cell` ("B14") in a sheet's XML.
int styleOf(const std::string& sheet, const std::string& cell) {
    std::smatch m;
    REQUIRE(std::regex_search(sheet, m, std::regex("<c r=\"" + cell + "\"(?: s=\"(\\d+)\")?")));
    return m[1].matched ? std::stoi(m[1]) : 0;
}

constexpr const char* kYellow = "FFFFF2CC";
}  // namespace

TEST_CASE("cell references", "[xlsx]") {
    CHECK(dv::xlsx::cellRef(0, 0) == "A1");
    CHECK(dv::xlsx::cellRef(4, 2) == "C5");
    CHECK(dv::xlsx::cellRef(9, 27, true) == "$AB$10");
    CHECK(dv::xlsx::columnName(25) == "Z");
    CHECK(dv::xlsx::columnName(26) == "AA");
}

TEST_CASE("the workbook has named parameters, live formulas with cached values, and print setup", "[xlsx]") {
    TempDir tmp;
    fs::path book = make(kSource + "/inputs", tmp / "out");
    std::string wb = part(book, "xl/workbook.xml");
    for (const char* name : {"Fast_belop", "Sats_1", "Maksbelop", "Forslag_Fast_belop", "Forslag_Minstebelop",
                             "Forslag_Grense_2", "Finansieringsbehov", "Budsjettaar"})
        CHECK(wb.find("name=\"" + std::string(name) + "\"") != std::string::npos);
    CHECK(wb.find("_xlnm.Print_Titles") != std::string::npos);
    std::string sheet3 = part(book, "xl/worksheets/sheet3.xml");  // Bidrag 2021
    // Masfjorden's row: the contribution formula on the named parameters with 133 820 cached.
    CHECK(sheet3.find("<f>IF(G30=\"Ja\",ROUND(MIN(Maksbelop,J30)*F30/12,2),0)</f><v>133820</v>") != std::string::npos);
    CHECK(sheet3.find("<pane ") != std::string::npos);       // frozen header
    CHECK(sheet3.find("<autoFilter ") != std::string::npos);
    CHECK(sheet3.find("paperSize=\"9\"") != std::string::npos);  // A4
    std::string core = part(book, "docProps/core.xml");
    CHECK(core.find("2021-02-15T00:00:00Z") != std::string::npos);  // the document date, not the clock
    CHECK(part(book, "xl/charts/chart1.xml").find("<c:barChart>") != std::string::npos);
}

TEST_CASE("text that looks like a formula stays text", "[xlsx][injection]") {
    TempDir tmp;
    copyInputs(tmp / "in");
    auto doc = nlohmann::json::parse(readFile(tmp / "in/kommunar.json"));
    doc["kommunar"][25]["namn"] = "=HYPERLINK(\"http://x\",\"y\")";
    doc["kommunar"][26]["namn"] = "+1";
    doc["kommunar"][27]["namn"] = "@SUM(A1)";
    writeFile(tmp / "in/kommunar.json", doc.dump(2));
    fs::path book = make(tmp / "in", tmp / "out");
    std::string shared = part(book, "xl/sharedStrings.xml");
    CHECK(shared.find("<t>=HYPERLINK(") != std::string::npos);
    CHECK(shared.find("<t>+1</t>") != std::string::npos);
    std::string sheet3 = part(book, "xl/worksheets/sheet3.xml");
    CHECK(sheet3.find("HYPERLINK") == std::string::npos);  // never inside a <f> formula
}

TEST_CASE("wrapped text: the line estimate behind the row heights", "[xlsx][layout]") {
    using dv::xlsx::wrappedLines;
    CHECK(wrappedLines("", 10) == 1);
    CHECK(wrappedLines("abc def", 10) == 1);          // 11 characters a line at width 10
    CHECK(wrappedLines("aaaa bbbb cccc", 10) == 2);   // the third word does not fit
    CHECK(wrappedLines(std::string(25, 'x'), 10) == 3);  // a long word is broken
    CHECK(wrappedLines("æøåæøåæøåæ", 10) == 1);     // characters, not UTF-8 bytes
    CHECK(wrappedLines("a\nb", 100) == 2);
    CHECK(wrappedLines(std::string(300, 'x'), 100) == 3);
}

TEST_CASE("a formula giving \"\" caches the text \"\", not 0", "[xlsx][recalc]") {
    TempDir tmp;
    fs::path book = make(kSource + "/inputs", tmp / "out");
    std::string proj = part(book, "xl/worksheets/sheet5.xml");  // Framskrivning
    // Bergen (host, never at the cap): first year at the cap is "", cached as a string.
    CHECK(proj.find("<c r=\"L13\" t=\"str\"><f>IF('Bidrag 2021'!M5=\"Tak\",$C$4,IF(D13&gt;=D$8,D$4,") != std::string::npos);
    // Kinn reaches the cap in 2024: a number.
    std::smatch m;
    REQUIRE(std::regex_search(proj, m, std::regex("<c r=\"L14\"( t=\"str\")?><f>[^<]*</f><v>([^<]*)</v>")));
    CHECK_FALSE(m[1].matched);
    CHECK(m[2] == "2024");
    // The 34 municipalities that never reach the cap, each cached as "".
    std::regex empty("<c r=\"L\\d+\" t=\"str\"><f>[^<]*</f><v></v></c>");
    CHECK(std::distance(std::sregex_iterator(proj.begin(), proj.end(), empty), std::sregex_iterator()) == 34);
    CHECK(proj.find("t=\"array\"") == std::string::npos);  // array formulas can cache numbers only
}

TEST_CASE("rows holding wrapped text are as high as their text needs", "[xlsx][layout]") {
    TempDir tmp;
    fs::path book = make(kSource + "/inputs", tmp / "out");
    auto strings = sharedStrings(book);
    std::string about = part(book, "xl/worksheets/sheet1.xml");  // Om: column B is 100 wide
    std::regex row("<row r=\"(\\d+)\"([^>]*)>(.*?)</row>"), cellB("<c r=\"B\\d+\" s=\"\\d+\" t=\"s\"><v>(\\d+)</v>");
    std::regex ht(" ht=\"([0-9.]+)\" customHeight=\"1\"");
    int tall = 0;
    for (auto it = std::sregex_iterator(about.begin(), about.end(), row); it != std::sregex_iterator(); ++it) {
        std::string attrs = (*it)[2], cells = (*it)[3];
        std::smatch c, h;
        if (!std::regex_search(cells, c, cellB)) continue;
        const std::string& text = strings.at(std::stoul(c[1]));
        int lines = dv::xlsx::wrappedLines(text, 100);
        INFO("row " << (*it)[1] << ": " << text);
        if (lines == 1) {
            CHECK(attrs.find("customHeight") == std::string::npos);
            continue;
        }
        ++tall;
        REQUIRE(std::regex_search(attrs, h, ht));
        CHECK(std::stod(h[1]) == 15.0 * lines);
    }
    CHECK(tall >= 3);  // the rounding text, how to use the workbook, the longer data notes
    // The merged explanation on Parametrar and the note on Framskrivning take two lines or more.
    for (const char* sheet : {"xl/worksheets/sheet2.xml", "xl/worksheets/sheet5.xml"}) {
        std::string xml = part(book, sheet);
        std::smatch h;
        INFO(sheet);
        REQUIRE(std::regex_search(xml, h, std::regex("<row r=\"2\"[^>]* ht=\"([0-9.]+)\" customHeight=\"1\"")));
        CHECK(std::stod(h[1]) >= 30.0);
    }
}

TEST_CASE("a solved parameter is styled and labelled as computed, and no formula looks like an input", "[xlsx]") {
    TempDir tmp;
    fs::path book = make(kSource + "/inputs", tmp / "out");
    auto labels = nlohmann::json::parse(readFile(kSource + "/templates/nb/arbeidsbok.json"));
    std::string params = part(book, "xl/worksheets/sheet2.xml");
    std::string wb = part(book, "xl/workbook.xml");
    auto cellOf = [&](const std::string& name) {
        std::smatch m;
        REQUIRE(std::regex_search(wb, m, std::regex("<definedName name=\"" + name + "\">[^!]*!\\$([A-Z]+)\\$(\\d+)<")));
        return std::pair{m[1].str(), m[2].str()};
    };
    auto [col, row] = cellOf("Forslag_Fast_belop");  // solved so that the proposal sums to the current total
    CHECK(fillOf(book, styleOf(params, col + row)) == "FFE7E6E6");
    auto [icol, irow] = cellOf("Forslag_Sats_1");  // an input
    CHECK(fillOf(book, styleOf(params, icol + irow)) == kYellow);
    auto [fcol, frow] = cellOf("Fast_belop");  // the current model's fixed amount, an input
    CHECK(fillOf(book, styleOf(params, fcol + frow)) == kYellow);
    // Its label and its note say that the program computed it and that it is not re-solved.
    auto strings = sharedStrings(book);
    auto has = [&](const std::string& part) {
        return std::any_of(strings.begin(), strings.end(), [&](const std::string& s) { return s.find(part) != std::string::npos; });
    };
    CHECK(has(labels["param.fast_belop"].get<std::string>() + " – " + labels["param.loyst_merke"].get<std::string>()));
    CHECK(has(labels["param.loyst"].get<std::string>() + " 10\xC2\xA0" "371\xC2\xA0" "420,00 kr. " + labels["param.loyst_ikkje_omrekna"].get<std::string>()));
    CHECK(has(labels["om.bruk_loyst"].get<std::string>()));
    // No formula cell on any sheet has the yellow input fill.
    for (int i = 1; i <= 7; ++i) {
        std::string sheet = part(book, "xl/worksheets/sheet" + std::to_string(i) + ".xml");
        std::regex f("<c r=\"([A-Z]+\\d+)\" s=\"(\\d+)\"[^>]*><f");
        for (auto it = std::sregex_iterator(sheet.begin(), sheet.end(), f); it != std::sregex_iterator(); ++it) {
            INFO("sheet" << i << " " << (*it)[1]);
            CHECK(fillOf(book, std::stoi((*it)[2])) != kYellow);
        }
    }
}
