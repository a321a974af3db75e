// Invoice lines against hand calculations: they show the calculation and sum to the engine's
// contribution exactly.
#include <catch2/catch.hpp>

#include "finance/invoice.h"

using namespace dv;

namespace {
Parameters agreement2021() {
    Parameters p;
    p.year = 2021;
    p.fixed = Money::kroner(100'000);
    p.tiers = {Tier{std::nullopt, Rate::kroner(20)}};
    p.cap = Money::kroner(500'000);
    return p;
}
Kommune kommune(const std::string& nr) {
    Kommune k;
    k.kommunenummer = nr;
    k.name = "K" + nr;
    return k;
}
}  // namespace

TEST_CASE("invoice lines: fixed + inhabitants × rate (Masfjorden 2021: 133 820)", "[invoice]") {
    Kommune k = kommune("4634");
    Contribution c = contributionFor(k, 1691, 12, agreement2021(), false);
    auto lines = invoiceLines(c, agreement2021(), {});
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].kind == InvoiceLine::Kind::Fixed);
    CHECK(lines[0].amount == Money::kroner(100'000));
    CHECK(lines[1].kind == InvoiceLine::Kind::PerInhabitant);
    CHECK(lines[1].quantityHundredths == 169'100);
    CHECK(lines[1].unitPrice == Rate::kroner(20));
    CHECK(lines[1].amount == Money::kroner(33'820));
    CHECK(linesTotal(lines) == Money::kroner(133'820));
}

TEST_CASE("invoice lines: the cap as a reduction line with negative quantity (Alver 2021)", "[invoice]") {
    Kommune k = kommune("4631");
    // 100 000 + 29 224 × 20 = 684 480 → capped at 500 000: −184 480
    Contribution c = contributionFor(k, 29'224, 12, agreement2021(), false);
    auto lines = invoiceLines(c, agreement2021(), {});
    REQUIRE(lines.size() == 3);
    CHECK(lines[2].kind == InvoiceLine::Kind::Cap);
    CHECK(lines[2].quantityHundredths == -100);
    CHECK(lines[2].unitPrice == Rate::kroner(184'480));
    CHECK(lines[2].amount == -Money::kroner(184'480));
    CHECK(linesTotal(lines) == Money::kroner(500'000));
}

TEST_CASE("invoice lines: part of the year, 01.08–31.12 = 5/12", "[invoice]") {
    Kommune k = kommune("4640");
    // 100 000 + 11 847 × 20 = 336 940; × 5/12 = 140 391,666… → 140 391,67 (R1); reduction −196 548,33
    Contribution c = contributionFor(k, 11'847, 5, agreement2021(), false);
    auto lines = invoiceLines(c, agreement2021(), {});
    REQUIRE(lines.size() == 3);
    CHECK(lines[2].kind == InvoiceLine::Kind::PartOfYear);
    CHECK(lines[2].months == 5);
    CHECK(lines[2].amount == -Money::ore(19'654'833));
    CHECK(linesTotal(lines) == Money::ore(14'039'167));
    CHECK(linesTotal(lines) == c.amount);
}

TEST_CASE("invoice lines: withdrawals as hours × rate; the host and non-members owe nothing", "[invoice]") {
    Kommune k = kommune("4631");
    Withdrawal w{"4631", Date{2024, 9, 16}, {"Rettleiing", "Veiledning"}, 1250, Money::kroner(950)};
    Contribution none = contributionFor(k, 29'224, 0, agreement2021(), false);  // not a member that year
    auto lines = invoiceLines(none, agreement2021(), {&w});
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].unit == "HUR");
    CHECK(lines[0].quantityHundredths == 1250);
    CHECK(lines[0].amount == Money::kroner(11'875));  // 12,5 × 950
    Kommune host = kommune("4601");
    host.host = true;
    CHECK(invoiceLines(contributionFor(host, 283'929, 12, agreement2021(), false), agreement2021(), {}).empty());
}

TEST_CASE("invoice lines: tiers, each a line, summing to the engine's per-inhabitant part", "[invoice]") {
    Parameters p = agreement2021();
    p.fixed = Money::kroner(50'000);
    p.tiers = {Tier{5000, Rate::micro(30'333'333)}, Tier{20000, Rate::micro(20'111'111)}, Tier{std::nullopt, Rate::kroner(8)}};
    p.cap = Money::kroner(600'000);
    Kommune k = kommune("4602");
    Contribution c = contributionFor(k, 17'207, 12, p, false);
    auto lines = invoiceLines(c, p, {});
    REQUIRE(lines.size() == 3);  // fixed + two tiers
    CHECK(lines[1].quantityHundredths == 500'000);
    CHECK(lines[2].quantityHundredths == 1'220'700);
    CHECK(linesTotal(lines) == c.amount);
}
