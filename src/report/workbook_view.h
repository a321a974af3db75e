// The funding workbook's content: the engine's figures for the budget year under the current and
// the proposed model, the projection, and the labels. The XLSX backend turns this into sheets
// with live formulas whose cached values are these figures.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "finance/funding.h"
#include "model/model.h"

namespace dv {

struct ModelView {
    const FundingModel* model = nullptr;
    std::string namePrefix;  // prefix of the defined names: "" (current) or "Forslag_"
    FundingRun run;
    std::optional<SolveResult> solved;  // when the model's parameter was solved for a target
    std::optional<Money> solveTarget;
};

// Text for the workbook, from templates/<målform>/arbeidsbok.json: key → wording.
struct Labels {
    std::string file;
    std::map<std::string, std::string> text;
    // The wording for `key`; a missing key is recorded in `missing` and yields the key itself.
    const std::string& operator()(const std::string& key) const;
    mutable std::vector<std::string> missing;
};

struct WorkbookView {
    int year = 0;
    Language language = Language::Bokmal;  // of the labels and the input texts (the shared målform)
    Labels labels;
    std::string title;
    std::string author;
    Date documentDate;
    const Inputs* inputs = nullptr;
    ModelView current;
    ModelView proposed;
    std::shared_ptr<const FundingModel> proposalAtPriceLevel;  // set when the proposal is shown unindexed
    ProjectionRun projection;
    Projection projectionSettings;
    std::vector<int> projectionDeflator;  // basis points per projected year
};

// Computes everything the workbook shows for `year`; problems go to `diags`.
std::optional<WorkbookView> buildWorkbookView(const Inputs& in, int year, Diagnostics& diags);

// Shared by the view and tests: the run of `model` for `year`, with indexation and, when the
// model asks for it, the budget solver (target: its own or the current model's total).
std::optional<ModelView> modelView(const Inputs& in, const FundingModel& model, int year,
                                   std::optional<Money> defaultTarget, Diagnostics& diags);

// The one computation of what each municipality owes for `year`: the adopted model in force that
// year (a proposal only where no adopted one applies), indexed, solved against its own target
// when it has one. Invoices, workbook, agreements and case documents all take amounts from here.
std::optional<ModelView> yearFunding(const Inputs& in, int year, Diagnostics& diags);

}  // namespace dv
