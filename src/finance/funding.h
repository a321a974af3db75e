// The funding engine: pure functions from the model to exact amounts.
//
// The model (agreement 2021, kept general for the new agreement):
//   per-inhabitant part = Σ over population tiers of rate_i × inhabitants in tier i   (R1)
//   before limits       = fixed amount + per-inhabitant part
//   annual amount       = before limits, raised to the floor, lowered to the cap
//   contribution        = annual amount × months of membership / 12                 (R1)
// Population is that on 1 January of the year before the budget year. The host municipality pays
// nothing unless the model says it does. Rounding: see core/money.h.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"
#include "core/money.h"
#include "model/model.h"

namespace dv {

// A model's parameters as they apply in one year, after indexation.
struct Parameters {
    int year = 0;
    Money fixed;
    std::vector<Tier> tiers;
    std::optional<Money> floor;
    std::optional<Money> cap;
};

// Parameters of `model` for `year`: the stated ones indexed year by year from the model's price
// year, for the parameters `which` names, with the deflator of each year (R2). A year missing
// from the series uses `fallbackBasisPoints` when given, else it is an error.
std::optional<Parameters> indexedParameters(const FundingModel& model, int year,
                                            const std::vector<DeflatorYear>& deflator,
                                            const Indexation& which,
                                            std::optional<int> fallbackBasisPoints,
                                            std::string* error);

Money perInhabitantPart(const std::vector<Tier>& tiers, long population);

enum class Limit { None, Floor, Cap };

struct Contribution {
    const Kommune* kommune = nullptr;
    long population = 0;
    int months = 0;      // months of membership in the year (0..12)
    bool payer = false;  // a member that pays (the host does not)
    Money fixedPart;
    Money perInhabitant;  // the per-inhabitant part
    Money beforeLimits;
    Money annual;         // after floor and cap, before pro-rata
    Money amount;         // what is owed for the year
    Money krPerInhabitant;  // amount / population, rounded to øre (R1)
    Limit limit = Limit::None;
    bool populationAssumed = false;  // the population is an assumption (samarbeid.json /folketal_foresetnad)
    Date populationFrom;             // the 1 January the figure is for (earlier than the run's when assumed)
};

// Months of `year` covered by the municipality's membership periods (a month counts when the
// membership covers its first day).
int membershipMonths(const Kommune& k, int year);

Contribution contributionFor(const Kommune& k, long population, int months, const Parameters& p,
                             bool hostPays);

// The rational a/b, for ratios reported to people (formatting decides the decimals).
struct Ratio {
    long long num = 0;
    long long den = 1;
};

struct FairnessStats {
    int payers = 0;
    Money minPerInhabitant, medianPerInhabitant, maxPerInhabitant;
    Ratio spread;  // max / min
    Ratio gini;    // of kr per inhabitant over paying municipalities, unweighted
    int atCap = 0;
    int atFloor = 0;
};

FairnessStats fairness(const std::vector<Contribution>& rows);

struct FundingRun {
    int year = 0;
    const FundingModel* model = nullptr;
    Parameters params;
    Date populationDate;
    std::vector<Contribution> rows;  // one per municipality, in input order
    Money total;                     // sum of amounts (R3)
    int members = 0;
    int payers = 0;
    std::optional<Money> budgetNeed;  // the cooperation's total need that year, if known
    std::optional<Money> hostShare;   // need − members' total: the host's in-kind share
    bool populationAssumed = false;   // some payer's population is an assumption
    FairnessStats stats;
};

// The whole run for one year and model; missing population for the date the year needs is a
// diagnostic against kommunar.json.
FundingRun computeFunding(const Inputs& in, const FundingModel& model, int year,
                          const Parameters& params, Diagnostics& diags);

// Budget solver: the smallest value of the chosen parameter (fixed amount in øre, or the rate of
// every tier shifted equally, in millionths of a krone) for which the members' total reaches
// `target`, with floor and cap in force. The total is a non-decreasing step function of the
// parameter, so bisection finds it; `achieved` tells how close the steps allow.
struct SolveResult {
    Parameters params;
    Money achieved;
    bool exactToKrone = false;  // |achieved − target| < 1 kr
};
std::optional<SolveResult> solve(const Inputs& in, const FundingModel& model, int year,
                                 const Parameters& start, SolveFor::Parameter what, Money target);

// Who reaches the cap when: amounts for the years after `fromYear`, population held at the
// latest known figure, parameters indexed by `projection`.
struct ProjectionYear {
    int year = 0;
    Parameters params;
    std::vector<Money> amounts;  // per municipality, input order; zero for non-payers
    std::vector<int> months;     // per municipality: its months of membership that year
    int atCap = 0;
    Money total;
};
struct ProjectionRun {
    std::vector<ProjectionYear> years;
    std::vector<std::optional<int>> firstYearAtCap;  // per municipality
};
ProjectionRun project(const Inputs& in, const FundingModel& model, const FundingRun& base,
                      const Projection& projection);

}  // namespace dv
