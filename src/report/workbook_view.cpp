#include "report/workbook_view.h"

#include <memory>

namespace dv {

const std::string& Labels::operator()(const std::string& key) const {
    auto it = text.find(key);
    if (it != text.end()) return it->second;
    missing.push_back(key);
    static thread_local std::string fallback;
    fallback = key;
    return fallback;
}

std::optional<ModelView> modelView(const Inputs& in, const FundingModel& model, int year,
                                   std::optional<Money> defaultTarget, Diagnostics& diags) {
    ModelView v;
    v.model = &model;
    std::string error;
    auto params = indexedParameters(model, year, in.settings.deflator, model.indexation, std::nullopt, &error);
    if (!params) {
        diags.add(in.settingsFile, "/deflator", "cannot index model \"" + model.id + "\" to " +
                                                    std::to_string(year) + ": " + error);
        return std::nullopt;
    }
    if (params->floor && params->cap && *params->cap < *params->floor) {
        diags.add(in.settingsFile, "/finansieringsmodellar",
                  "model \"" + model.id + "\" indexed to " + std::to_string(year) + " has a floor (" + params->floor->toDecimalString() +
                      " kr) above its cap (" + params->cap->toDecimalString() + " kr): index both or neither");
        return std::nullopt;
    }
    if (model.solveFor) {
        Money target = model.solveFor->target;
        if (target == Money{} && defaultTarget) target = *defaultTarget;
        if (target == Money{}) {
            diags.add(in.settingsFile, "/finansieringsmodellar",
                      "model \"" + model.id + "\" solves for a parameter but has no target for " + std::to_string(year),
                      "give \"loys_for\": {\"malsum\": …}");
            return std::nullopt;
        }
        v.solveTarget = target;
        v.solved = solve(in, model, year, *params, model.solveFor->parameter, target);
        if (!v.solved) {
            diags.add(in.settingsFile, "/finansieringsmodellar",
                      "model \"" + model.id + "\" cannot reach the target " + target.toDecimalString() +
                          " kr: the cap holds the total below it");
            return std::nullopt;
        }
        params = v.solved->params;
    }
    Diagnostics runDiags;
    v.run = computeFunding(in, model, year, *params, runDiags);
    diags.append(runDiags);
    if (!runDiags.empty()) return std::nullopt;
    return v;
}

std::optional<ModelView> yearFunding(const Inputs& in, int year, Diagnostics& diags) {
    const FundingModel* model = in.settings.modelForYear(year);
    if (!model) {
        diags.add(in.settingsFile, "/finansieringsmodellar",
                  "no funding model applies to " + std::to_string(year) + " (gjeld_fra_aar … gjeld_til_aar)");
        return std::nullopt;
    }
    return modelView(in, *model, year, std::nullopt, diags);
}

std::optional<WorkbookView> buildWorkbookView(const Inputs& in, int year, Diagnostics& diags) {
    WorkbookView w;
    w.year = year;
    w.language = in.settings.sharedLanguage;  // app: labels from templates/<shared målform>/arbeidsbok.json
    w.inputs = &in;
    w.title = in.settings.name + " – finansiering " + std::to_string(year);
    w.author = in.settings.host.name;
    // Dated with the year's invoice date where there is one: the workbook documents that year's run.
    auto invoiceDate = in.settings.invoiceDates.find(year);
    w.documentDate = invoiceDate != in.settings.invoiceDates.end() ? invoiceDate->second : in.settings.documentDate;
    const FundingModel* proposed = in.settings.modelById(in.settings.proposedModel);
    if (!proposed) return std::nullopt;  // reported by input
    auto cur = yearFunding(in, year, diags);
    if (!cur) return std::nullopt;
    const FundingModel* current = cur->model;
    w.current = std::move(*cur);
    // The proposal is compared at its own price level when the deflator does not reach the year:
    // an example is not made more precise by an assumed index.
    std::string error;
    if (!indexedParameters(*proposed, year, in.settings.deflator, proposed->indexation, std::nullopt, &error)) {
        auto unindexed = std::make_shared<FundingModel>(*proposed);
        unindexed->indexation = Indexation{};
        w.proposalAtPriceLevel = unindexed;
        proposed = unindexed.get();
    }
    auto prop = modelView(in, *proposed, year, w.current.run.total, diags);
    if (!prop) return std::nullopt;
    w.proposed = std::move(*prop);
    w.proposed.namePrefix = "Forslag_";
    w.projectionSettings = in.settings.projection;
    w.projection = project(in, *current, w.current.run, in.settings.projection);
    for (const auto& py : w.projection.years)
        w.projectionDeflator.push_back(in.settings.deflatorFor(py.year).value_or(in.settings.projection.basisPoints));
    return w;
}

}  // namespace dv
