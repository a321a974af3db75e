#include "finance/funding.h"

#include <algorithm>
#include <cstdlib>

namespace dv {

std::optional<Parameters> indexedParameters(const FundingModel& model, int year,
                                            const std::vector<DeflatorYear>& deflator,
                                            const Indexation& which,
                                            std::optional<int> fallbackBasisPoints,
                                            std::string* error) {
    Parameters p{model.priceYear, model.fixed, model.tiers, model.floor, model.cap};
    // A deflator is needed only for a parameter that is actually indexed.
    const bool indexesAnything = which.fixed || which.rate || (which.floor && p.floor) || (which.cap && p.cap);
    for (int y = model.priceYear + 1; indexesAnything && y <= year; ++y) {
        std::optional<int> bp;
        for (const auto& d : deflator)
            if (d.year == y) bp = d.basisPoints;
        if (!bp) bp = fallbackBasisPoints;
        if (!bp) {
            if (error) *error = "no deflator for " + std::to_string(y);
            return std::nullopt;
        }
        const std::int64_t num = 10'000 + *bp, den = 10'000;
        // R2 (core/money.h): rounded once, straight to whole kroner or whole øre.
        if (which.fixed) p.fixed = p.fixed.scaledToKroner(num, den);
        if (which.floor && p.floor) p.floor = p.floor->scaledToKroner(num, den);
        if (which.cap && p.cap) p.cap = p.cap->scaledToKroner(num, den);
        if (which.rate)
            for (auto& t : p.tiers) t.rate = t.rate.scaledToOre(num, den);
    }
    p.year = year;
    return p;
}

Money perInhabitantPart(const std::vector<Tier>& tiers, long population) {
    std::int64_t micro = 0;
    long lower = 0;
    for (const auto& t : tiers) {
        long upper = t.upTo ? std::min<long>(*t.upTo, population) : population;
        long count = std::max<long>(0, upper - lower);
        micro = addChecked(micro, mulChecked(t.rate.micro(), count));
        if (!t.upTo || *t.upTo >= population) break;
        lower = *t.upTo;
    }
    return Money::ore(divRound(micro, Rate::kUnitsPerOre));
}

int membershipMonths(const Kommune& k, int year) {
    int months = 0;
    for (int m = 1; m <= 12; ++m) {
        Date first{year, m, 1};
        for (const auto& p : k.memberships) {
            if (p.from <= first && (!p.to || first <= *p.to)) {
                ++months;
                break;
            }
        }
    }
    return months;
}

Contribution contributionFor(const Kommune& k, long population, int months, const Parameters& p,
                             bool hostPays) {
    Contribution c;
    c.kommune = &k;
    c.population = population;
    c.months = months;
    c.payer = months > 0 && (hostPays || !k.host);
    if (!c.payer) return c;
    c.fixedPart = p.fixed;
    c.perInhabitant = perInhabitantPart(p.tiers, population);
    c.beforeLimits = c.fixedPart + c.perInhabitant;
    c.annual = c.beforeLimits;
    // A municipality is "at" a limit when it reaches it (≤ floor, ≥ cap), as the workbook shows.
    if (p.floor && c.annual <= *p.floor) {
        c.annual = *p.floor;
        c.limit = Limit::Floor;
    }
    if (p.cap && c.annual >= *p.cap) {
        c.annual = *p.cap;
        c.limit = Limit::Cap;
    }
    c.amount = c.annual.scaled(months, 12);
    if (population > 0) c.krPerInhabitant = Money::ore(divRound(c.amount.ore(), population));
    return c;
}

FairnessStats fairness(const std::vector<Contribution>& rows) {
    FairnessStats s;
    std::vector<std::int64_t> x;
    for (const auto& c : rows) {
        if (!c.payer || c.population <= 0) continue;
        x.push_back(c.krPerInhabitant.ore());
        if (c.limit == Limit::Cap) ++s.atCap;
        if (c.limit == Limit::Floor) ++s.atFloor;
    }
    s.payers = static_cast<int>(x.size());
    if (x.empty()) return s;
    std::sort(x.begin(), x.end());
    s.minPerInhabitant = Money::ore(x.front());
    s.maxPerInhabitant = Money::ore(x.back());
    std::size_t n = x.size();
    s.medianPerInhabitant = n % 2 ? Money::ore(x[n / 2]) : Money::ore(divRound(x[n / 2 - 1] + x[n / 2], 2));
    s.spread = {x.back(), x.front() > 0 ? x.front() : 1};
    // Gini = Σ_i Σ_j |x_i − x_j| / (2 n Σ x); on sorted data Σ_i Σ_j |x_i − x_j| = 2 Σ_i (2i − n + 1) x_i.
    long long pairs = 0, sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
        pairs += 2LL * (2LL * static_cast<long long>(i) - static_cast<long long>(n) + 1) * x[i];
        sum += x[i];
    }
    s.gini = {pairs, sum > 0 ? 2LL * static_cast<long long>(n) * sum : 1};
    return s;
}

FundingRun computeFunding(const Inputs& in, const FundingModel& model, int year,
                          const Parameters& params, Diagnostics& diags) {
    FundingRun run;
    run.year = year;
    run.model = &model;
    run.params = params;
    run.populationDate = Date{year - 1, 1, 1};
    std::vector<std::size_t> missing;
    for (std::size_t i = 0; i < in.kommunar.size(); ++i) {
        const Kommune& k = in.kommunar[i];
        int months = membershipMonths(k, year);
        auto pop = k.populationOn(run.populationDate);
        bool assumed = false;
        Date from = run.populationDate;
        if (!pop) {
            auto a = in.settings.assumedPopulation.find(run.populationDate);
            if (a != in.settings.assumedPopulation.end()) {
                pop = k.populationOn(a->second);
                assumed = pop.has_value();
                from = a->second;
            }
        }
        if (!pop) {
            missing.push_back(i);
            continue;
        }
        Contribution c = contributionFor(k, *pop, months, params, model.hostPays);
        c.populationAssumed = assumed;
        c.populationFrom = from;
        run.populationAssumed = run.populationAssumed || (assumed && c.payer);
        if (months > 0) ++run.members;
        if (c.payer) ++run.payers;
        run.total += c.amount;
        run.rows.push_back(c);
    }
    // A year whose figures are not there yet is one problem, not one per municipality.
    const std::string hint = "add the figures for " + run.populationDate.iso() + " to folketal, or an assumption to " +
                             in.settingsFile + " /folketal_foresetnad";
    if (!missing.empty() && missing.size() == in.kommunar.size() && missing.size() > 1)
        diags.add(in.kommunarFile, "/kommunar",
                  "no municipality has a population for " + run.populationDate.iso() + ", which budget year " +
                      std::to_string(year) + " needs", hint);
    else
        for (std::size_t i : missing)
            diags.add(in.kommunarFile, "/kommunar/" + std::to_string(i) + "/folketal",
                      "no population for " + run.populationDate.iso() + ", which budget year " + std::to_string(year) +
                          " needs (" + in.kommunar[i].name + ")");
    run.budgetNeed = in.settings.budgetNeedFor(year);
    if (run.budgetNeed) run.hostShare = *run.budgetNeed - run.total;
    run.stats = fairness(run.rows);
    return run;
}

static Money totalWith(const Inputs& in, const FundingModel& model, int year, const Parameters& p) {
    Diagnostics ignored;
    return computeFunding(in, model, year, p, ignored).total;
}

std::optional<SolveResult> solve(const Inputs& in, const FundingModel& model, int year,
                                 const Parameters& start, SolveFor::Parameter what, Money target) {
    auto with = [&](std::int64_t v) {
        Parameters p = start;
        if (what == SolveFor::Parameter::FixedAmount) {
            p.fixed = Money::ore(v);
        } else {
            // Shift every tier's rate by the same amount relative to the first tier.
            std::int64_t delta = v - start.tiers.front().rate.micro();
            for (auto& t : p.tiers) t.rate = Rate::micro(addChecked(t.rate.micro(), delta));
        }
        return p;
    };
    std::int64_t lo = 0;
    std::int64_t hi = what == SolveFor::Parameter::FixedAmount ? std::max<std::int64_t>(target.ore(), 1)
                                                               : 1'000 * Rate::kUnitsPerKrone;
    if (what == SolveFor::Parameter::Rate) {
        // Lower bound: no tier's rate may go negative.
        std::int64_t minRate = start.tiers.front().rate.micro();
        for (const auto& t : start.tiers) minRate = std::min(minRate, t.rate.micro());
        lo = start.tiers.front().rate.micro() - minRate;
    }
    if (totalWith(in, model, year, with(hi)) < target) return std::nullopt;  // cap makes it unreachable
    while (lo < hi) {
        std::int64_t mid = lo + (hi - lo) / 2;
        if (totalWith(in, model, year, with(mid)) >= target) hi = mid;
        else lo = mid + 1;
    }
    SolveResult r;
    r.params = with(lo);
    r.achieved = totalWith(in, model, year, r.params);
    r.exactToKrone = std::llabs((r.achieved - target).ore()) < 100;
    return r;
}

ProjectionRun project(const Inputs& in, const FundingModel& model, const FundingRun& base,
                      const Projection& projection) {
    ProjectionRun out;
    out.firstYearAtCap.assign(base.rows.size(), std::nullopt);
    for (std::size_t i = 0; i < base.rows.size(); ++i)
        if (base.rows[i].limit == Limit::Cap) out.firstYearAtCap[i] = base.year;
    // Index from the base year's parameters, one year at a time.
    FundingModel stepped = model;
    stepped.priceYear = base.year;
    stepped.fixed = base.params.fixed;
    stepped.tiers = base.params.tiers;
    stepped.floor = base.params.floor;
    stepped.cap = base.params.cap;
    for (int y = base.year + 1; y <= base.year + projection.years; ++y) {
        ProjectionYear py;
        py.year = y;
        py.params = *indexedParameters(stepped, y, in.settings.deflator, projection.indexation,
                                       projection.basisPoints, nullptr);
        for (std::size_t i = 0; i < base.rows.size(); ++i) {
            const Contribution& b = base.rows[i];
            const Kommune& k = *b.kommune;
            long pop = b.population;
            for (const auto& [date, value] : k.population)
                if (date <= Date{y - 1, 1, 1}) pop = value;  // latest known, held constant after
            // Members who leave stop paying and joiners start: the months of that year's membership.
            int months = membershipMonths(k, y);
            Contribution c = contributionFor(k, pop, months, py.params, model.hostPays);
            py.amounts.push_back(c.amount);
            py.months.push_back(months);
            py.total += c.amount;
            // At the cap: the year's amount is the cap (a part year's amount is below it).
            if (c.limit == Limit::Cap && months == 12) {
                ++py.atCap;
                if (!out.firstYearAtCap[i]) out.firstYearAtCap[i] = y;
            }
        }
        out.years.push_back(std::move(py));
    }
    return out;
}

}  // namespace dv
