#include <catch2/catch.hpp>

#include <cstdint>

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

TEST_CASE("R2: an indexed parameter is rounded once, straight to kroner or øre, at each boundary", "[money]") {
    // The hand case of core/money.h and the README: 143 633 × 1,015 = 145 787,495 kr.
    CHECK(Money::kroner(143'633).scaledToKroner(10'150, 10'000) == Money::kroner(145'787));
    // Rounding to øre first (145 787,50) and then to kroner would have given 145 788:
    CHECK(Money::kroner(143'633).scaled(10'150, 10'000).roundedToKroner() == Money::kroner(145'788));
    // Exactly half a krone goes away from zero: 521 500 × 1,043 = 543 924,5 → 543 925.
    CHECK(Money::kroner(521'500).scaledToKroner(10'430, 10'000) == Money::kroner(543'925));
    // Just below half: 144 846 × 1,0065 = 145 787,499 → 145 787 (via øre: 145 787,50 → 145 788).
    CHECK(Money::kroner(144'846).scaledToKroner(10'065, 10'000) == Money::kroner(145'787));
    // Rates to whole øre: 20,86 × 1,043 = 21,75698 → 21,76; 20,05 × 1,0123 = 20,296615 → 20,30;
    // 19,95 × 1,0223 = 20,394885 → 20,39 (via 20,3949 → 20,39 too), 0,15 × 1,03 = 0,1545 → 0,15.
    CHECK(Rate::ore(2'086).scaledToOre(10'430, 10'000) == Rate::ore(2'176));
    CHECK(Rate::ore(2'005).scaledToOre(10'123, 10'000) == Rate::ore(2'030));
    CHECK(Rate::ore(15).scaledToOre(10'300, 10'000) == Rate::ore(15));
    // 0,45 × 1,01 = 0,4545 kr → 45 øre; 0,49 × 1,02 = 0,4998 → 50 øre; deflation rounds the same way.
    CHECK(Rate::ore(45).scaledToOre(10'100, 10'000) == Rate::ore(45));
    CHECK(Rate::ore(49).scaledToOre(10'200, 10'000) == Rate::ore(50));
    CHECK(Money::kroner(100'001).scaledToKroner(9'950, 10'000) == Money::kroner(99'501));  // 99 500,995
}

TEST_CASE("money arithmetic is checked: beyond 64 bits it throws, it never wraps", "[money]") {
    const Money big = Money::ore(INT64_MAX - 5);
    CHECK_THROWS_AS(big + Money::ore(6), dv::MoneyOverflow);
    CHECK_NOTHROW(big + Money::ore(5));
    CHECK_THROWS_AS(Money::ore(INT64_MIN) - Money::ore(1), dv::MoneyOverflow);
    CHECK_THROWS_AS(Money::kroner(100'000'000'000'000'000), dv::MoneyOverflow);
    CHECK_THROWS_AS(big * 2, dv::MoneyOverflow);
    CHECK_THROWS_AS(Rate::kroner(10'000).times(INT64_MAX / 1'000), dv::MoneyOverflow);
    // The exact product may pass 64 bits when the quotient does not: 9e18 øre × 12/12.
    CHECK(Money::ore(9'000'000'000'000'000'000).scaled(12, 12) == Money::ore(9'000'000'000'000'000'000));
    // The inputs' bounds (json_reader.h) keep the largest per-inhabitant part far inside 64 bits.
    CHECK(Rate::kroner(10'000).times(10'000'000) == Money::kroner(100'000'000'000));
}
