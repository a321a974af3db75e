// The knowledge base's charts, computed from the funding engine's results for the view: the
// numbers behind each figure (exact values and the same values as printed), which the view gives
// both as the chart (drawn by the document engine) and as rows for the table beside it.
#pragma once

#include <map>
#include <string>

#include "drawing/chart.h"
#include "report/view_value.h"
#include "report/workbook_view.h"

namespace dv {

// Chart ids (the templates place them with "<!-- figur: ID -->"):
//   kr_per_innbyggjar  kr per inhabitant per paying member, current model, highest first (øre)
//   modellar           each paying member's amount under the current and the proposed model,
//                      largest population first (øre; two series)
//   tak                municipalities at the cap in each projected year (a count)
//   fordeling          the funding need split into the host's share and the members' total (øre);
//                      (rows with empty values when the need is not known)
std::map<std::string, draw::Chart> knowledgeCharts(const WorkbookView& wb);

// The view's "figurar" (id → chart) and "figurtabell" (id → rows {namn, verdi, verdi2}; for a
// row without a name in the data, id_N → its printed value, N from 1).
void addCharts(view::Value& v, const std::map<std::string, draw::Chart>& charts);

}  // namespace dv
