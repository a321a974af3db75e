// Hand-over of a year's invoices: the control list (fakturajournal-YYYY.xlsx and .pdf, approved
// before sending), the ERP import file in Norwegian conventions (erp-import-YYYY.csv) and, per
// EHF file, the Peppol envelope for the access point (made in render). Credit notes count
// negative, so the grand total is what the year's EHF files ask for, net.
#pragma once

#include <string>
#include <vector>

#include "backends/xlsx/journal.h"
#include "invoicing/wording.h"
#include "ledger/ledger.h"
#include "model/model.h"
#include "report/view_value.h"

namespace dv::invoicing {

// The signed amount: a credit note's total counts negative.
Money signedTotal(const ledger::Invoice& inv);

// One row per invoice line; `;`, decimal comma, UTF-8 with BOM, CRLF. KID, organisation and
// customer numbers as ="…" so Excel and LibreOffice keep them as text (no 4,6E+13); a value the
// inputs do not give is written "ukjend", never left blank or guessed.
std::string erpImportCsv(const Inputs& in, const std::vector<ledger::Invoice>& all);

// The journal's rows and wording (faktura.json "journal.*", the shared målform).
xlsx::Journal journal(const Inputs& in, int year, const std::vector<ledger::Invoice>& all, const Wording& words,
                      Diagnostics& diags);

// The same as a view for templates/<nn|nb>/fakturajournal.md.
view::Value journalView(const Inputs& in, int year, const xlsx::Journal& j, bool test);

}  // namespace dv::invoicing
