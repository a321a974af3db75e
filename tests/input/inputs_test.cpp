#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "input/inputs.h"
#include "input/json_reader.h"
#include "test_util.h"

using namespace dv;
using namespace dvtest;

TEST_CASE("a value typed in decomposed form (NFD) is read as NFC, with a note at its pointer", "[input][unicode]") {
    nlohmann::json doc = nlohmann::json::parse(readFile(kSource + "/inputs/kommunar.json"));
    doc["kommunar"][16]["malform"] = "bokma\xCC\x8Al";  // a + U+030A COMBINING RING ABOVE
    std::string kommunar = doc.dump(2);
    Inputs in;
    Diagnostics diags;
    input::InputReport report;
    input::readKommunar("kommunar.json", kommunar, in, diags, &report);
    INFO(diags.format());
    CHECK(diags.empty());
    REQUIRE(report.notes.size() == 1);
    const Diagnostic& note = report.notes.items()[0];
    CHECK(note.file == "kommunar.json");
    CHECK(note.place == "/kommunar/16/malform");
    CHECK(note.message == "note: the text was in decomposed form (NFD); read as the same text in NFC, \"bokmål\"");
    CHECK(in.kommunar[16].malform == Malform::Bokmal);
}

TEST_CASE("every string of the inputs is reported with its pointer, as read", "[input]") {
    input::InputReport report;
    Inputs in = input::loadInputs(kSource + "/inputs", report);
    CHECK(report.notes.empty());
    bool found = false;
    for (const auto& t : report.texts)
        if (t.pointer == "/kommunar/16/namn") {
            found = true;
            CHECK(t.file == kSource + "/inputs/kommunar.json");
            CHECK(t.value == in.kommunar[16].name);
        }
    CHECK(found);
}

TEST_CASE("field limits: names are short, any text fits a workbook cell", "[input]") {
    CHECK(input::fieldLimit("namn") == 100);
    CHECK(input::fieldLimit("skildring") == 500);
    CHECK(input::fieldLimit("merknad") == 32767);
    Diagnostics diags, notes;
    nlohmann::json j = {{"namn", std::string(100, 'a')}, {"merknader", {std::string(32767, 'b'), std::string(32768, 'c')}}};
    int seen = 0;
    input::checkStrings("f.json", j, diags, notes, [&](const std::string&, const std::string&) { ++seen; });
    REQUIRE(diags.size() == 1);
    CHECK(diags.items()[0].place == "/merknader/1");
    CHECK(seen == 2);
}
