// Figures of a document tree, made concrete: each "<!-- figur: ID -->" becomes a drawing, from
// the chart of that name in the view ("figurar") or else from the diagram file
// <figureDir>/ID.json; then numbered and labelled (doc::numberFigures).
#pragma once

#include <string>

#include "core/diagnostic.h"
#include "drawing/chart.h"
#include "report/view_value.h"
#include "templates/document.h"

namespace dv::app {

// Problems (an unknown id, a bad diagram file, row names that do not match the chart, no
// figurnemning) go to `diags` with the template line.
void resolveFigures(doc::Document& d, const view::Value& view, const std::string& figureDir, double width,
                    const draw::Measure& measure, Diagnostics& diags);

}  // namespace dv::app
