// templates/stil.json: the shipped style loads; margins that leave no room for text are refused
// at their JSON pointer (issue 15: margins wider than the page made layout run away).
#include <catch2/catch.hpp>

#include <regex>

#include "input/style.h"
#include "test_util.h"

using namespace dv;

namespace {

std::string shipped() { return dvtest::readFile(dvtest::kSource + "/templates/stil.json"); }

std::optional<Style> load(const std::string& text, Diagnostics& diags, dvtest::TempDir& dir) {
    auto path = dir / "stil.json";
    dvtest::writeFile(path, text);
    return input::loadStyle(path.string(), diags);
}

}  // namespace

TEST_CASE("style: the shipped stil.json loads, with a text area of sensible size") {
    Diagnostics diags;
    auto st = input::loadStyle(dvtest::kSource + "/templates/stil.json", diags);
    REQUIRE(st);
    CHECK(st->pageWidth - st->marginLeft - st->marginRight > 400);
}

TEST_CASE("style: margins wider than the page are refused at their pointer") {
    dvtest::TempDir dir;
    // A5 width (148 mm) with 80 + 80 mm side margins: no text area at all
    std::string t = std::regex_replace(shipped(), std::regex("\"bredde_mm\": 210"), "\"bredde_mm\": 148");
    t = std::regex_replace(t, std::regex("\"marg_venstre_mm\": 25"), "\"marg_venstre_mm\": 80");
    t = std::regex_replace(t, std::regex("\"marg_hogre_mm\": 22"), "\"marg_hogre_mm\": 80");
    Diagnostics diags;
    CHECK_FALSE(load(t, diags, dir));
    REQUIRE(diags.size() == 1);
    CHECK(diags.format().find("stil.json: /side/marg_hogre_mm: ") != std::string::npos);
    CHECK(diags.format().find("leave") != std::string::npos);

    // the same for top and bottom
    std::string v = std::regex_replace(shipped(), std::regex("\"hogd_mm\": 297"), "\"hogd_mm\": 150");
    v = std::regex_replace(v, std::regex("\"marg_topp_mm\": 25"), "\"marg_topp_mm\": 80");
    v = std::regex_replace(v, std::regex("\"marg_botn_mm\": 25"), "\"marg_botn_mm\": 75");
    Diagnostics d2;
    CHECK_FALSE(load(v, d2, dir));
    REQUIRE(d2.size() == 1);
    CHECK(d2.format().find("/side/marg_botn_mm: ") != std::string::npos);
}
