#include <catch2/catch.hpp>

#include "core/date.h"
#include "core/text.h"

TEST_CASE("UTF-8 validation finds the first bad byte", "[text]") {
    CHECK_FALSE(dv::firstInvalidUtf8("Bjørnafjorden, Årdal, Lærdal").has_value());
    CHECK(dv::firstInvalidUtf8("ab\xC3").value() == 2);       // truncated sequence
    CHECK(dv::firstInvalidUtf8("a\xC0\xAF").value() == 1);    // overlong '/'
    CHECK(dv::firstInvalidUtf8("x\xED\xA0\x80").value() == 1);  // surrogate
    CHECK(dv::firstInvalidUtf8("\xFF").value() == 0);
}

TEST_CASE("line:column counts characters", "[text]") {
    std::string t = "{\n  \"namn\": \"Ø\",\n  x";
    CHECK(dv::lineColumn(t, t.size() - 1) == "3:3");
    CHECK(dv::lineColumn("æøå!", 6) == "1:4");
}

TEST_CASE("dates are calendar dates", "[date]") {
    CHECK(dv::Date::parseIso("2024-02-29").has_value());
    CHECK_FALSE(dv::Date::parseIso("2023-02-29").has_value());
    CHECK_FALSE(dv::Date::parseIso("2024-13-01").has_value());
    CHECK(dv::Date{1970, 1, 2}.dayNumber() == 1);
    CHECK(dv::Date{2024, 12, 31}.plusDays(1) == dv::Date{2025, 1, 1});
}
