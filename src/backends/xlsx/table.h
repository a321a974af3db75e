// A plain one-sheet XLSX table (the dispatch list, the follow-up register): a bold, frozen header
// row with an autofilter, then text cells only (never formulas: a value starting with "=" stays
// text), column widths from the content. Written with libxlsxwriter, dated with `date`.
#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"

namespace dv::xlsx {

struct Table {
    std::string title;   // document title (properties)
    std::string author;
    std::string sheet;   // sheet name (at most 31 characters)
    std::vector<std::string> headers;
    std::vector<std::vector<std::string>> rows;
    Date date;
};

// Writes `t` to `path`. Returns false and fills `diags` on failure.
bool writeTable(const Table& t, const std::string& path, Diagnostics& diags);

}  // namespace dv::xlsx
