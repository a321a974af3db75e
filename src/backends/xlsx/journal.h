// The invoice journal (fakturajournal-YYYY.xlsx): the control list the finance officer approves
// before the invoices are sent: one row per invoice or credit note, KID and organisation numbers
// as text, amounts as numbers, the grand total a formula (with its value cached).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"
#include "core/money.h"

namespace dv::xlsx {

struct JournalRow {
    std::string number, type, customer, orgnr, kid;
    Money amount;  // negative for a credit note
    Date due;
    long daysOverdue = 0;  // written only when the journal has a days column
};

struct Journal {
    std::string title, author, sheet;
    std::vector<std::string> headers;  // number, type, customer, orgnr, KID, amount, due date [, days overdue]
    std::string totalLabel;
    std::vector<JournalRow> rows;
    Date created;  // the documents' date: same inputs, same bytes
};

// The .xlsx bytes; nullopt with a diagnostic when libxlsxwriter fails. `scratch` is a file path
// the writer may use and removes.
std::optional<std::string> journalXlsx(const Journal& j, const std::string& scratch, Diagnostics& diags);

}  // namespace dv::xlsx
