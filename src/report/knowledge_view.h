// The knowledge base's view: every figure the report prints, computed from the inputs and
// formatted the Norwegian way. The template (templates/<nb|nn>/kunnskapsgrunnlag.md) holds the
// prose; this holds numbers, names and lists only. Input texts (project and model names, staffing,
// version log) go in with both målformer; the document engine picks the template's (Value::resolved).
#pragma once

#include <optional>

#include "core/diagnostic.h"
#include "model/model.h"
#include "report/view_value.h"
#include "report/workbook_view.h"

namespace dv {

std::optional<view::Value> buildKnowledgeView(const Inputs& in, int year, Diagnostics& diags);

// Shared pieces other document views reuse.
view::Value fundingModelValue(const ModelView& mv);
view::Value contributionValue(const Contribution& c, const Inputs& in);

}  // namespace dv
