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

// Lines `text` takes wrapped at word boundaries in a cell `width` column-width units wide, as the
// writer estimates it to give each row holding wrapped text its height (libxlsxwriter does not
// autofit). '\n' starts a new line; a word longer than the line is broken.
int wrappedLines(const std::string& text, double width);

}  // namespace dv::xlsx
