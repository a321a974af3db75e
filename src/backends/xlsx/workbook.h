// XLSX backend: the funding workbook, written with libxlsxwriter (confined to this module).
// Every derived cell is a formula on named parameters, written with the engine's figure as its
// cached value. Formulas use en-US syntax inside the file whatever the reader's locale.
#pragma once

#include <string>

#include "core/diagnostic.h"
#include "report/workbook_view.h"

namespace dv::xlsx {

// Writes the workbook to `path`. Returns false and fills `diags` on failure.
bool writeWorkbook(const WorkbookView& view, const std::string& path, Diagnostics& diags);

// A1 reference of a zero-based cell: cellRef(4, 2) == "C5"; absolute with '$'.
std::string cellRef(int row, int col, bool absolute = false);
std::string columnName(int col);

}  // namespace dv::xlsx
