// The per-municipality documents' view (agreement draft, case document, cover letter, financing
// appendix): this municipality's figures under the year's model, the comparison with the proposed
// model and the previous year, its projects, and the facts that switch sections on or off.
#pragma once

#include <optional>
#include <vector>

#include "core/diagnostic.h"
#include "model/model.h"
#include "report/view_value.h"

namespace dv {

struct MunicipalView {
    const Kommune* kommune = nullptr;
    Language language = Language::Nynorsk;
    std::string slug;  // "4634-masfjorden": file names
    view::Value value;
};

// One view per municipality for `occasion`: its dates, the agreement it is about, the
// municipality's bodies, and its amounts for each of the occasion's years.
std::optional<std::vector<MunicipalView>> buildMunicipalViews(const Inputs& in, const Occasion& occasion, Diagnostics& diags);

// ASCII file-name form of a name: "Bjørnafjorden" → "bjornafjorden", "Årdal" → "ardal".
std::string slugify(const std::string& name);

}  // namespace dv
