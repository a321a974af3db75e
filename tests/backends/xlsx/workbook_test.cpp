#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

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
