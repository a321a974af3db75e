#include <catch2/catch.hpp>

#include "core/money.h"

using dv::divRound;
using dv::Money;
using dv::Rate;

TEST_CASE("divRound rounds half away from zero", "[money]") {
    CHECK(divRound(5, 2) == 3);
    CHECK(divRound(-5, 2) == -3);
    CHECK(divRound(4, 3) == 1);
    CHECK(divRound(5, 3) == 2);
    CHECK(divRound(-4, 3) == -1);
    CHECK(divRound(0, 7) == 0);
}

TEST_CASE("Money is integer øre with exact arithmetic", "[money]") {
    CHECK(Money::kroner(133'820).ore() == 13'382'000);
    CHECK((Money::kroner(100'000) + Money::ore(5)).toDecimalString() == "100000.05");
    CHECK(Money::ore(-5).toDecimalString() == "-0.05");
    // Pro-rata 5/12 of 133 820 kr = 55 758,333… → 55 758,33 (R1)
    CHECK(Money::kroner(133'820).scaled(5, 12) == Money::ore(5'575'833));
    // 1 kr × 1/8 = 12,5 øre → 13 øre (half away from zero)
    CHECK(Money::kroner(1).scaled(1, 8) == Money::ore(13));
    CHECK(Money::ore(12'345'650).roundedToKroner() == Money::kroner(123'457));
    CHECK(Money::ore(12'345'649).roundedToKroner() == Money::kroner(123'456));
}

TEST_CASE("Rate times population rounds once to øre", "[money]") {
    CHECK(Rate::kroner(20).times(1'691) == Money::kroner(33'820));
    // 20,451734 kr × 1 691 = 34 583,882194 kr → 34 583,88 kr
    CHECK(Rate::micro(20'451'734).times(1'691) == Money::ore(3'458'388));
    CHECK(Rate::micro(20'451'734).roundedToOre() == Rate::ore(2'045));
    CHECK(Rate::kroner(20).toDecimalString() == "20");
    CHECK(Rate::micro(20'450'000).toDecimalString() == "20.45");
}
