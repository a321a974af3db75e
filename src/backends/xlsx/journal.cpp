#include "backends/xlsx/journal.h"

#include "backends/xlsx/properties.h"

#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace dv::xlsx {
namespace {

struct Formats {
    lxw_format *header, *money, *date, *total;
};

Formats formats(lxw_workbook* wb) {
    Formats f{};
    f.header = workbook_add_format(wb);
    format_set_bold(f.header);
    format_set_bottom(f.header, LXW_BORDER_THIN);
    f.money = workbook_add_format(wb);
    format_set_num_format(f.money, "#,##0.00");
    f.date = workbook_add_format(wb);
    format_set_num_format(f.date, "dd.mm.yyyy");
    f.total = workbook_add_format(wb);
    format_set_bold(f.total);
    format_set_num_format(f.total, "#,##0.00");
    format_set_top(f.total, LXW_BORDER_THIN);
    return f;
}

lxw_datetime datetime(const Date& d) { return {d.year, d.month, d.day, 0, 0, 0}; }

void rows(lxw_worksheet* ws, const Journal& j, const Formats& f) {
    for (std::size_t c = 0; c < j.headers.size(); ++c)
        worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), j.headers[c].c_str(), f.header);
    lxw_row_t r = 1;
    for (const JournalRow& row : j.rows) {
        worksheet_write_string(ws, r, 0, row.number.c_str(), nullptr);
        worksheet_write_string(ws, r, 1, row.type.c_str(), nullptr);
        worksheet_write_string(ws, r, 2, row.customer.c_str(), nullptr);
        worksheet_write_string(ws, r, 3, row.orgnr.c_str(), nullptr);  // text: keeps every digit
        worksheet_write_string(ws, r, 4, row.kid.c_str(), nullptr);
        worksheet_write_number(ws, r, 5, static_cast<double>(row.amount.ore()) / 100.0, f.money);
        lxw_datetime d = datetime(row.due);
        worksheet_write_datetime(ws, r, 6, &d, f.date);
        if (j.headers.size() > 7) worksheet_write_number(ws, r, 7, static_cast<double>(row.daysOverdue), nullptr);
        ++r;
    }
}

void total(lxw_worksheet* ws, const Journal& j, const Formats& f) {
    const lxw_row_t r = static_cast<lxw_row_t>(j.rows.size() + 1);
    Money sum;
    for (const JournalRow& row : j.rows) sum = sum + row.amount;
    worksheet_write_string(ws, r, 2, j.totalLabel.c_str(), f.total);
    const std::string formula = "=SUM(F2:F" + std::to_string(std::max<std::size_t>(j.rows.size() + 1, 2)) + ")";
    worksheet_write_formula_num(ws, r, 5, formula.c_str(), f.total, static_cast<double>(sum.ore()) / 100.0);
}

std::string readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

std::optional<std::string> journalXlsx(const Journal& j, const std::string& scratch, Diagnostics& diags) {
    lxw_workbook* wb = workbook_new(scratch.c_str());
    if (!wb) {
        diags.add(scratch, "", "cannot create the invoice journal");
        return std::nullopt;
    }
    detail::setProperties(wb, j.title, j.author, j.created);
    lxw_worksheet* ws = workbook_add_worksheet(wb, j.sheet.c_str());
    Formats f = formats(wb);
    worksheet_set_column(ws, 0, 1, 13, nullptr);
    worksheet_set_column(ws, 2, 2, 26, nullptr);
    worksheet_set_column(ws, 3, 7, 16, nullptr);
    rows(ws, j, f);
    total(ws, j, f);
    worksheet_freeze_panes(ws, 1, 0);
    lxw_error err = workbook_close(wb);
    if (err != LXW_NO_ERROR) {
        diags.add(scratch, "", std::string("cannot write the invoice journal: ") + lxw_strerror(err));
        return std::nullopt;
    }
    std::string bytes = readAll(scratch);
    std::error_code ec;
    std::filesystem::remove(scratch, ec);
    return bytes;
}

}  // namespace dv::xlsx
