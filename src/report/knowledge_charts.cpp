#include "report/knowledge_charts.h"

#include <algorithm>
#include <memory>

#include "report/norsk.h"

namespace dv {
namespace {

std::string kronerTick(long long ore) {
    return ore % 100 == 0 ? norsk::integer(ore / 100) : norsk::money(Money::ore(ore));
}

void moneyTicks(draw::Chart& c) {
    long long max = 0;
    for (const draw::ChartRow& r : c.rows)
        for (long long v : r.values) max = std::max(max, v);
    for (long long t : draw::niceTicks(max, 5)) c.ticks.push_back({t, kronerTick(t)});
}

draw::Chart perInhabitant(const FundingRun& run) {
    draw::Chart c;
    std::vector<const Contribution*> payers;
    for (const Contribution& r : run.rows)
        if (r.payer && r.population > 0) payers.push_back(&r);
    std::stable_sort(payers.begin(), payers.end(), [](const Contribution* a, const Contribution* b) {
        return a->krPerInhabitant > b->krPerInhabitant;
    });
    for (const Contribution* r : payers)
        c.rows.push_back({r->kommune->name, {r->krPerInhabitant.ore()}, {norsk::money(r->krPerInhabitant)}});
    moneyTicks(c);
    return c;
}

draw::Chart models(const FundingRun& current, const FundingRun& proposed) {
    draw::Chart c;
    c.series = 2;
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < current.rows.size() && i < proposed.rows.size(); ++i)
        if (current.rows[i].payer || proposed.rows[i].payer) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return current.rows[a].population > current.rows[b].population;
    });
    for (std::size_t i : order) {
        const Contribution &a = current.rows[i], &b = proposed.rows[i];
        c.rows.push_back({a.kommune->name, {a.amount.ore(), b.amount.ore()}, {norsk::kroner(a.amount), norsk::kroner(b.amount)}});
    }
    moneyTicks(c);
    return c;
}

draw::Chart atCap(const ProjectionRun& p) {
    draw::Chart c;
    int max = 0;
    for (const ProjectionYear& y : p.years) {
        c.rows.push_back({std::to_string(y.year), {y.atCap}, {norsk::integer(y.atCap)}});
        max = std::max(max, y.atCap);
    }
    for (long long t : draw::niceTicks(max, 5)) c.ticks.push_back({t, norsk::integer(t)});
    return c;
}

draw::Chart split(const FundingRun& run) {
    draw::Chart c;
    const Money need = *run.budgetNeed, host = *run.hostShare;
    c.rows.push_back({std::string(), {host.ore()},
                      {norsk::kroner(host) + " (" + norsk::percent(host.ore(), need.ore(), 1) + ")"}});
    c.rows.push_back({std::string(), {run.total.ore()},
                      {norsk::kroner(run.total) + " (" + norsk::percent(run.total.ore(), need.ore(), 1) + ")"}});
    moneyTicks(c);
    return c;
}

}  // namespace

std::map<std::string, draw::Chart> knowledgeCharts(const WorkbookView& wb) {
    std::map<std::string, draw::Chart> out;
    out["kr_per_innbyggjar"] = perInhabitant(wb.current.run);
    out["modellar"] = models(wb.current.run, wb.proposed.run);
    out["tak"] = atCap(wb.projection);
    if (wb.current.run.budgetNeed && wb.current.run.hostShare && wb.current.run.budgetNeed->ore() > 0) {
        out["fordeling"] = split(wb.current.run);
    } else {
        // A year whose need is not known: the rows exist with empty values, so a template that
        // shows the split only when it is known (modell.har_vertsdel) still names valid fields.
        draw::Chart unknown;
        unknown.rows = {{std::string(), {0}, {std::string()}}, {std::string(), {0}, {std::string()}}};
        out["fordeling"] = unknown;
    }
    return out;
}

void addCharts(view::Value& v, const std::map<std::string, draw::Chart>& charts) {
    view::Value figures, tables;
    for (const auto& [id, c] : charts) {
        figures[id] = view::Value(std::make_shared<const draw::Chart>(c));
        view::List rows;
        for (const draw::ChartRow& r : c.rows) {
            view::Value row;
            row["namn"] = r.label;
            row["verdi"] = r.texts.empty() ? std::string() : r.texts[0];
            row["verdi2"] = r.texts.size() > 1 ? r.texts[1] : std::string();
            rows.push_back(row);
        }
        tables[id] = rows;
        // rows named by the template rather than the data: their values one by one (fordeling_1 …)
        for (std::size_t i = 0; i < c.rows.size(); ++i)
            if (c.rows[i].label.empty() && !c.rows[i].texts.empty()) tables[id + "_" + std::to_string(i + 1)] = c.rows[i].texts[0];
    }
    v["figurar"] = figures;
    v["figurtabell"] = tables;
}

}  // namespace dv
