#include <catch2/catch.hpp>

#include <deque>

#include "finance/funding.h"
#include "input/inputs.h"

using namespace dv;

namespace {

const Inputs& shipped() {
    static const Inputs in = input::loadInputs(DV_SOURCE_DIR "/inputs");
    return in;
}

FundingModel model2021() {
    FundingModel m;
    m.id = "t";
    m.status = "vedteke";
    m.fromYear = m.priceYear = 2021;
    m.fixed = Money::kroner(100'000);
    m.tiers = {Tier{std::nullopt, Rate::kroner(20)}};
    m.cap = Money::kroner(500'000);
    return m;
}

Parameters paramsOf(const FundingModel& m) { return Parameters{m.priceYear, m.fixed, m.tiers, m.floor, m.cap}; }

Kommune member(long pop) {
    Kommune k;
    k.kommunenummer = "9999";
    k.population[Date{2020, 1, 1}] = pop;
    k.memberships.push_back({Date{2021, 1, 1}, std::nullopt, true, ""});
    return k;
}

Contribution one(const FundingModel& m, long pop, int months = 12) {
    static Kommune k;
    k = member(pop);
    return contributionFor(k, pop, months, paramsOf(m), false);
}

const Contribution& rowOf(const FundingRun& run, const std::string& nr) {
    for (const auto& c : run.rows)
        if (c.kommune->kommunenummer == nr) return c;
    FAIL("no row for " << nr);
    return run.rows.front();
}

FundingRun runFor(int year) {
    const Inputs& in = shipped();
    Diagnostics d;
    FundingModel m = *in.settings.modelById("avtale-2021");
    m.toYear.reset();
    static std::deque<FundingModel> keep;
    keep.push_back(m);
    auto run = computeFunding(in, keep.back(), year, paramsOf(keep.back()), d);
    REQUIRE(d.empty());
    return run;
}

}  // namespace

TEST_CASE("seed check values for budget year 2021 (population 1.1.2020)", "[funding][seeds]") {
    FundingRun run = runFor(2021);
    CHECK(run.populationDate == Date{2020, 1, 1});
    const Contribution& mas = rowOf(run, "4634");
    CHECK(mas.population == 1'691);
    CHECK(mas.amount == Money::kroner(133'820));  // 100 000 + 20 × 1 691
    CHECK(mas.krPerInhabitant == Money::ore(7'914));  // 133 820 / 1 691 = 79,1366…
    CHECK(rowOf(run, "4601").amount == Money{});       // the host pays nothing
    CHECK_FALSE(rowOf(run, "4601").payer);
    CHECK(run.payers == 42);
    CHECK(run.total == Money::kroner(10'371'420));      // "≈ 10,4 millionar"
    CHECK(run.stats.atCap == 5);  // Bjørnafjorden, Øygarden, Askøy, Alver, Sunnfjord
    REQUIRE(run.budgetNeed);
    CHECK(*run.budgetNeed == Money::kroner(19'470'000));
    CHECK(*run.hostShare == Money::kroner(9'098'580));  // "Bergen kommune dekker 9,1 mill." (≈ 47 %)
}

TEST_CASE("totals for the other years match the reference data", "[funding][seeds]") {
    // shared/data/vestland-kommunar.md, table of Σ non-Bergen contributions by population year.
    CHECK(runFor(2022).total == Money::kroner(10'371'120));
    CHECK(runFor(2023).total == Money::kroner(10'371'840));
    CHECK(runFor(2024).total == Money::kroner(10'395'740));
}

TEST_CASE("cap boundary: 100 000 + 20 × population, at most 500 000", "[funding]") {
    FundingModel m = model2021();
    auto below = one(m, 19'999);
    CHECK(below.amount == Money::kroner(499'980));
    CHECK(below.limit == Limit::None);
    auto at = one(m, 20'000);
    CHECK(at.amount == Money::kroner(500'000));
    CHECK(at.limit == Limit::Cap);
    auto above = one(m, 20'001);
    CHECK(above.beforeLimits == Money::kroner(500'020));
    CHECK(above.amount == Money::kroner(500'000));
    CHECK(above.limit == Limit::Cap);
}

TEST_CASE("floor raises small municipalities", "[funding]") {
    FundingModel m = model2021();
    m.floor = Money::kroner(150'000);
    auto c = one(m, 1'691);
    CHECK(c.beforeLimits == Money::kroner(133'820));
    CHECK(c.amount == Money::kroner(150'000));
    CHECK(c.limit == Limit::Floor);
    CHECK(one(m, 2'501).limit == Limit::None);  // 150 020
}

TEST_CASE("population tiers: each rate applies to the inhabitants in its bracket", "[funding]") {
    FundingModel m = model2021();
    m.fixed = Money::kroner(50'000);
    m.cap.reset();
    m.tiers = {Tier{5'000, Rate::kroner(30)}, Tier{20'000, Rate::kroner(20)}, Tier{std::nullopt, Rate::kroner(8)}};
    CHECK(one(m, 5'000).amount == Money::kroner(200'000));   // 50 000 + 30 × 5 000
    CHECK(one(m, 5'001).amount == Money::kroner(200'020));   // + 20 × 1
    CHECK(one(m, 20'000).amount == Money::kroner(500'000));  // + 20 × 15 000
    CHECK(one(m, 20'001).amount == Money::kroner(500'008));  // + 8 × 1
    CHECK(perInhabitantPart(m.tiers, 0) == Money{});
}

TEST_CASE("indexation by the deflator, with the choice of what is indexed", "[funding]") {
    FundingModel m = model2021();
    std::vector<DeflatorYear> defl = {{2022, 430, ""}, {2023, 430, ""}};
    Indexation all{true, true, true, true};
    auto p = indexedParameters(m, 2023, defl, all, std::nullopt, nullptr);
    REQUIRE(p);
    CHECK(p->fixed == Money::kroner(108'785));     // 104 300 × 1,043 = 108 784,9 → 108 785
    CHECK(p->tiers[0].rate == Rate::ore(2'176));   // 20,86 × 1,043 = 21,75698 → 21,76
    CHECK(*p->cap == Money::kroner(543'925));      // 521 500 × 1,043 = 543 924,5 → 543 925 (half up)
    Indexation noCap{true, true, false, false};
    auto q = indexedParameters(m, 2023, defl, noCap, std::nullopt, nullptr);
    CHECK(*q->cap == Money::kroner(500'000));
    std::string error;
    CHECK_FALSE(indexedParameters(m, 2024, defl, all, std::nullopt, &error));
    CHECK(error == "no deflator for 2024");
    CHECK(indexedParameters(m, 2024, defl, all, 430, nullptr).has_value());
}

TEST_CASE("pro-rata for a partial year of membership", "[funding]") {
    Kommune k = member(1'691);
    k.memberships = {{Date{2025, 8, 1}, std::nullopt, false, ""}};
    CHECK(membershipMonths(k, 2025) == 5);  // August–December
    CHECK(membershipMonths(k, 2024) == 0);
    CHECK(membershipMonths(k, 2026) == 12);
    auto c = contributionFor(k, 1'691, 5, paramsOf(model2021()), false);
    CHECK(c.annual == Money::kroner(133'820));
    CHECK(c.amount == Money::ore(5'575'833));  // 133 820 × 5/12 = 55 758,333… → 55 758,33
}

TEST_CASE("fairness statistics by hand", "[funding]") {
    std::vector<Contribution> rows(3);
    long long perCap[] = {100, 200, 300};
    for (int i = 0; i < 3; ++i) {
        rows[i].payer = true;
        rows[i].population = 10;
        rows[i].krPerInhabitant = Money::ore(perCap[i]);
    }
    rows[2].limit = Limit::Cap;
    auto s = fairness(rows);
    CHECK(s.minPerInhabitant == Money::ore(100));
    CHECK(s.medianPerInhabitant == Money::ore(200));
    CHECK(s.maxPerInhabitant == Money::ore(300));
    CHECK(s.spread.num * 1 == 300);
    CHECK(s.spread.den == 100);
    // Gini: Σ|xi − xj| over ordered pairs = 2 × (100 + 200 + 100) = 800; 2 n Σx = 2 × 3 × 600 = 3 600
    CHECK(s.gini.num * 3'600 == 800 * s.gini.den);
    CHECK(s.atCap == 1);
    rows.pop_back();
    CHECK(fairness(rows).medianPerInhabitant == Money::ore(150));
}

TEST_CASE("budget solver meets the target to the krone", "[funding][solver]") {
    const Inputs& in = shipped();
    FundingModel m = *in.settings.modelById("avtale-2021");
    Parameters start = paramsOf(m);
    start.fixed = Money::kroner(1);
    auto fixed = solve(in, m, 2021, start, SolveFor::Parameter::FixedAmount, Money::kroner(10'371'420));
    REQUIRE(fixed);
    CHECK(fixed->params.fixed == Money::kroner(100'000));
    CHECK(fixed->achieved == Money::kroner(10'371'420));
    Parameters start2 = paramsOf(m);
    start2.tiers[0].rate = Rate::kroner(1);
    auto rate = solve(in, m, 2021, start2, SolveFor::Parameter::Rate, Money::kroner(10'371'420));
    REQUIRE(rate);
    CHECK(rate->params.tiers[0].rate == Rate::kroner(20));
    // An odd target is met to within a krone, with the cap in force.
    auto odd = solve(in, m, 2021, paramsOf(m), SolveFor::Parameter::Rate, Money::ore(1'100'000'017));
    REQUIRE(odd);
    CHECK(odd->exactToKrone);
    // Unreachable: 42 × 500 000 = 21 000 000 is the most the cap allows.
    CHECK_FALSE(solve(in, m, 2021, paramsOf(m), SolveFor::Parameter::FixedAmount, Money::kroner(21'000'001)));
}

TEST_CASE("projection: who reaches the cap when, with the cap not indexed", "[funding][projection]") {
    const Inputs& in = shipped();
    FundingRun base = runFor(2021);
    Projection p{3, 430, Indexation{true, true, false, false}, {}};
    auto pr = project(in, *base.model, base, p);
    REQUIRE(pr.years.size() == 3);
    CHECK(pr.years[0].params.fixed == Money::kroner(106'400));  // × 1,064 (2022)
    CHECK(pr.years[0].params.tiers[0].rate == Rate::ore(2'128));
    // Stord (4614): 2021 475 180; 2022 106 400 + 21,28 × 18 861 = 507 762,08 → cap
    std::size_t stord = 0;
    while (base.rows[stord].kommune->kommunenummer != "4614") ++stord;
    CHECK(base.rows[stord].amount == Money::kroner(475'180));
    CHECK(pr.years[0].amounts[stord] == Money::kroner(500'000));
    CHECK(pr.firstYearAtCap[stord] == 2022);
    CHECK(pr.years[0].atCap > base.stats.atCap);
}

TEST_CASE("issue 10: a deflator is needed only for a parameter that is indexed", "[funding]") {
    FundingModel m = model2021();  // indexes nothing
    std::string error;
    auto p = indexedParameters(m, 2026, {}, m.indexation, std::nullopt, &error);
    REQUIRE(p);
    CHECK(p->fixed == Money::kroner(100'000));
    CHECK(p->year == 2026);
    Indexation cap;
    cap.cap = true;
    CHECK_FALSE(indexedParameters(m, 2026, {}, cap, std::nullopt, &error));
    CHECK(error == "no deflator for 2022");
    Indexation floor;
    floor.floor = true;  // the model has no floor: nothing to index
    CHECK(indexedParameters(m, 2026, {}, floor, std::nullopt, &error));
}

TEST_CASE("issue 10: assumed population is used, marked, and a missing year is one diagnostic", "[funding]") {
    const Inputs& in = shipped();
    const FundingModel* m = in.settings.modelForYear(2026);
    REQUIRE(m);
    CHECK(m->id == "avtale-2025");
    Diagnostics d;
    auto run = computeFunding(in, *m, 2026, paramsOf(*m), d);
    CHECK(d.empty());
    CHECK(run.populationAssumed);
    for (const auto& c : run.rows) {
        CHECK(c.populationAssumed);
        CHECK(c.populationFrom == Date{2024, 1, 1});
        if (c.kommune->kommunenummer == "4634") CHECK(c.amount == Money::kroner(133'880));  // 100 000 + 20 × 1 694
    }
    auto r2025 = computeFunding(in, *m, 2025, paramsOf(*m), d);
    CHECK_FALSE(r2025.populationAssumed);  // 1.1.2024 is in the data
    for (const auto& c : r2025.rows)
        if (c.kommune->kommunenummer == "4634") {
            CHECK(c.months == 5);  // from 1 August
            CHECK(c.amount == Money::ore(5'578'333));  // 133 880 × 5/12
        }
    Diagnostics missing;
    computeFunding(in, *m, 2027, paramsOf(*m), missing);
    REQUIRE(missing.size() == 1);
    CHECK(missing.format().find("kommunar.json: /kommunar: no municipality has a population for 2026-01-01, which budget year 2027 needs") !=
          std::string::npos);
}

TEST_CASE("issue 15: the projection follows membership: leavers stop paying, joiners start", "[funding][projection]") {
    // Three municipalities, base year 2021, projected to 2024, nothing indexed: a member all
    // along, one that leaves at the end of 2022, one that joins on 1 July 2023; and the host.
    Inputs in;
    auto add = [&](const std::string& nr, long pop, Date from, std::optional<Date> to, bool host = false) {
        Kommune k = member(pop);
        k.kommunenummer = nr;
        k.host = host;
        k.memberships = {{from, to, true, ""}};
        in.kommunar.push_back(k);
    };
    add("0001", 1'000, Date{2021, 1, 1}, std::nullopt);
    add("0002", 2'000, Date{2021, 1, 1}, Date{2022, 12, 31});
    add("0003", 3'000, Date{2023, 7, 1}, std::nullopt);
    add("0004", 50'000, Date{2021, 1, 1}, std::nullopt, true);
    FundingModel m = model2021();
    Diagnostics d;
    FundingRun base = computeFunding(in, m, 2021, paramsOf(m), d);
    REQUIRE(d.empty());
    CHECK(base.rows[2].amount == Money{});  // not yet a member in 2021
    auto pr = project(in, m, base, Projection{3, 0, Indexation{}, {}});
    REQUIRE(pr.years.size() == 3);
    // 2022: the first two pay a whole year (120 000 and 140 000), the joiner nothing yet.
    CHECK(pr.years[0].amounts == std::vector<Money>{Money::kroner(120'000), Money::kroner(140'000), Money{}, Money{}});
    CHECK(pr.years[0].months == std::vector<int>{12, 12, 0, 12});
    // 2023: the leaver pays nothing; the joiner 160 000 × 6/12 = 80 000.
    CHECK(pr.years[1].amounts == std::vector<Money>{Money::kroner(120'000), Money{}, Money::kroner(80'000), Money{}});
    CHECK(pr.years[1].total == Money::kroner(200'000));
    // 2024: the joiner's whole year.
    CHECK(pr.years[2].amounts[2] == Money::kroner(160'000));
    CHECK(pr.years[2].total == Money::kroner(280'000));
}
