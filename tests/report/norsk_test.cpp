#include <catch2/catch.hpp>

#include "report/norsk.h"

using namespace dv;

static const std::string sp = "\u00A0";

TEST_CASE("Norwegian number, amount and date formatting", "[norsk]") {
    CHECK(norsk::integer(133'820) == "133" + sp + "820");
    CHECK(norsk::integer(10'371'420) == "10" + sp + "371" + sp + "420");
    CHECK(norsk::integer(999) == "999");
    CHECK(norsk::money(Money::kroner(133'820)) == "133" + sp + "820,00");
    CHECK(norsk::money(Money::ore(-5)) == "\u2212" "0,05");
    CHECK(norsk::decimal(133'820, 1'691, 2) == "79,14");
    CHECK(norsk::percent(9'098'580, 19'470'000, 1) == "46,7" + sp + "%");
    CHECK(norsk::date(Date{2024, 6, 30}) == "30. juni 2024");
    CHECK(norsk::shortDate(Date{2025, 8, 1}) == "01.08.2025");
    CHECK(norsk::orgnr("964338531") == "964" + sp + "338" + sp + "531");
    CHECK(norsk::account("12345678903") == "1234.56.78903");
    CHECK(norsk::rate(Rate::kroner(20)) == "20");
    CHECK(norsk::rate(Rate::micro(20'450'000)) == "20,45");
}

TEST_CASE("norsk::quantity: hundredths as a Norwegian quantity, trailing zeros dropped", "[report][norsk]") {
    CHECK(norsk::quantity(169100) == "1" + sp + "691");
    CHECK(norsk::quantity(1250) == "12,5");
    CHECK(norsk::quantity(1205) == "12,05");
    CHECK(norsk::quantity(-100) == "\u22121");
    CHECK(norsk::quantity(0) == "0");
}
