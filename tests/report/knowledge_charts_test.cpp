// The numbers behind the knowledge base's charts, read from the view, against the funding engine
// run again here and against hand calculations from the shared data (README: check values).
#include <catch2/catch.hpp>

#include <map>

#include "finance/funding.h"
#include "input/inputs.h"
#include "report/knowledge_view.h"
#include "report/norsk.h"
#include "report/workbook_view.h"

using namespace dv;

namespace {

struct Fixture {
    Inputs in = input::loadInputs(std::string(DV_SOURCE_DIR) + "/inputs");
    view::Value view;
    Fixture() {
        Diagnostics d;
        auto v = buildKnowledgeView(in, 2021, d);
        REQUIRE(v);
        view = *v;
    }
    const draw::Chart& chart(const std::string& id) const {
        const view::Value* figures = view.find("figurar");
        REQUIRE(figures);
        const view::Value* c = figures->find(id);
        REQUIRE(c);
        REQUIRE(c->chart());
        return *c->chart();
    }
    const view::List& table(const std::string& id) const {
        const view::Value* t = view.find("figurtabell");
        REQUIRE(t);
        REQUIRE(t->find(id));
        return t->find(id)->list();
    }
};

std::map<std::string, const Contribution*> byName(const FundingRun& run) {
    std::map<std::string, const Contribution*> m;
    for (const Contribution& c : run.rows) m[c.kommune->name] = &c;
    return m;
}

}  // namespace

TEST_CASE("knowledge base charts: kr per inhabitant per paying member is the engine's, highest first") {
    Fixture fx;
    Diagnostics d;
    auto funding = yearFunding(fx.in, 2021, d);
    REQUIRE(funding);
    auto rows = byName(funding->run);
    const draw::Chart& c = fx.chart("kr_per_innbyggjar");
    CHECK(static_cast<int>(c.rows.size()) == funding->run.payers);
    CHECK(c.rows.size() == 42);  // the 43 municipalities less the host
    for (std::size_t i = 0; i < c.rows.size(); ++i) {
        INFO(c.rows[i].label);
        REQUIRE(rows.count(c.rows[i].label));
        const Contribution& k = *rows[c.rows[i].label];
        CHECK(k.payer);
        CHECK(c.rows[i].values.at(0) == k.krPerInhabitant.ore());
        CHECK(c.rows[i].texts.at(0) == norsk::money(k.krPerInhabitant));
        if (i > 0) CHECK(c.rows[i - 1].values[0] >= c.rows[i].values[0]);
        // the table after the figure prints the same
        CHECK(fx.table("kr_per_innbyggjar")[i].find("verdi")->str() == c.rows[i].texts[0]);
    }
    CHECK(c.ticks.back().value >= c.rows.front().values[0]);
    // hand: Masfjorden (100 000 + 20 × 1 691) / 1 691 = 79,1366 → 79,14 kr
    bool masfjorden = false;
    for (const draw::ChartRow& r : c.rows)
        if (r.label == "Masfjorden") {
            masfjorden = true;
            CHECK(r.values[0] == 7914);
            CHECK(r.texts[0] == "79,14");
        }
    CHECK(masfjorden);
}

TEST_CASE("knowledge base charts: the current and the proposed model side by side are the engine's") {
    Fixture fx;
    Diagnostics d;
    auto current = yearFunding(fx.in, 2021, d);
    REQUIRE(current);
    const FundingModel* proposed = fx.in.settings.modelById(fx.in.settings.proposedModel);
    REQUIRE(proposed);
    FundingModel atPriceLevel = *proposed;
    std::string error;
    if (!indexedParameters(*proposed, 2021, fx.in.settings.deflator, proposed->indexation, std::nullopt, &error))
        atPriceLevel.indexation = Indexation{};
    auto prop = modelView(fx.in, atPriceLevel, 2021, current->run.total, d);
    REQUIRE(prop);
    auto now = byName(current->run), next = byName(prop->run);
    const draw::Chart& c = fx.chart("modellar");
    CHECK(c.series == 2);
    Money sumNow, sumNext;
    long previous = -1;
    for (const draw::ChartRow& r : c.rows) {
        INFO(r.label);
        REQUIRE(now.count(r.label));
        CHECK(r.values.at(0) == now[r.label]->amount.ore());
        CHECK(r.values.at(1) == next[r.label]->amount.ore());
        CHECK(r.texts.at(1) == norsk::kroner(next[r.label]->amount));
        if (previous >= 0) CHECK(now[r.label]->population <= previous);  // largest first
        previous = now[r.label]->population;
        sumNow = sumNow + Money::ore(r.values[0]);
        sumNext = sumNext + Money::ore(r.values[1]);
    }
    CHECK(sumNow == Money::kroner(10'371'420));  // hand sum of the shared data (README)
    CHECK(sumNext == prop->run.total);
}

TEST_CASE("knowledge base charts: the cap projection counts the municipalities the engine puts at the cap") {
    Fixture fx;
    Diagnostics d;
    auto current = yearFunding(fx.in, 2021, d);
    REQUIRE(current);
    ProjectionRun p = project(fx.in, *current->model, current->run, fx.in.settings.projection);
    const draw::Chart& c = fx.chart("tak");
    REQUIRE(c.rows.size() == p.years.size());
    REQUIRE_FALSE(p.years.empty());
    for (std::size_t i = 0; i < p.years.size(); ++i) {
        const ProjectionYear& y = p.years[i];
        CHECK(c.rows[i].label == std::to_string(y.year));
        CHECK(c.rows[i].values.at(0) == y.atCap);
        // counted again from the amounts: a full-year payer at exactly the year's cap
        REQUIRE(y.params.cap);
        int atCap = 0;
        for (std::size_t k = 0; k < y.amounts.size(); ++k) atCap += y.months[k] == 12 && y.amounts[k] == *y.params.cap;
        CHECK(atCap == y.atCap);
    }
}

TEST_CASE("knowledge base charts: the funding need splits into the host's share and the members' total") {
    Fixture fx;
    const draw::Chart& c = fx.chart("fordeling");
    REQUIRE(c.rows.size() == 2);
    // hand: 19 470 000 − 10 371 420 = 9 098 580 kr, 46,7 % (README)
    CHECK(c.rows[0].values[0] == Money::kroner(9'098'580).ore());
    CHECK(c.rows[1].values[0] == Money::kroner(10'371'420).ore());
    CHECK(c.rows[0].values[0] + c.rows[1].values[0] == Money::kroner(19'470'000).ore());
    const std::string nb = "\u00a0";
    CHECK(c.rows[0].texts[0] == "9" + nb + "098" + nb + "580 (46,7" + nb + "%)");
    CHECK(fx.view.find("figurtabell")->find("fordeling_1")->str() == c.rows[0].texts[0]);
}
