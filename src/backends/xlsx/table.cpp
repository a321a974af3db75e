#include "backends/xlsx/table.h"

#include "backends/xlsx/properties.h"

#include <xlsxwriter.h>

#include <algorithm>

namespace dv::xlsx {
namespace {

std::size_t characters(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

}  // namespace

bool writeTable(const Table& t, const std::string& path, Diagnostics& diags) {
    lxw_workbook_options options = {};
    lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
    if (!wb) {
        diags.add(path, "", "cannot create the workbook file");
        return false;
    }
    detail::setProperties(wb, t.title, t.author, t.date);
    lxw_worksheet* ws = workbook_add_worksheet(wb, t.sheet.c_str());
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    format_set_bottom(bold, LXW_BORDER_THIN);
    lxw_format* text = workbook_add_format(wb);
    format_set_num_format(text, "@");
    format_set_text_wrap(text);
    format_set_align(text, LXW_ALIGN_VERTICAL_TOP);
    for (std::size_t c = 0; c < t.headers.size(); ++c) {
        auto col = static_cast<lxw_col_t>(c);
        worksheet_write_string(ws, 0, col, t.headers[c].c_str(), bold);
        std::size_t width = characters(t.headers[c]);
        for (const auto& row : t.rows)
            if (c < row.size()) width = std::max(width, characters(row[c]));
        worksheet_set_column(ws, col, col, static_cast<double>(std::min<std::size_t>(width, 50) + 2), text);
    }
    for (std::size_t r = 0; r < t.rows.size(); ++r)
        for (std::size_t c = 0; c < t.rows[r].size(); ++c)
            worksheet_write_string(ws, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), t.rows[r][c].c_str(), text);
    worksheet_freeze_panes(ws, 1, 0);
    if (!t.headers.empty())
        worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(t.rows.size()), static_cast<lxw_col_t>(t.headers.size() - 1));
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);  // A4
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_repeat_rows(ws, 0, 0);
    lxw_error err = workbook_close(wb);
    if (err != LXW_NO_ERROR) {
        diags.add(path, "", std::string("cannot write the workbook: ") + lxw_strerror(err));
        return false;
    }
    return true;
}

}  // namespace dv::xlsx
