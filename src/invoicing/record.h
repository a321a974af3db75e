// Record: the rendered documents' hashes into the ledger (once, when first issued; a document
// that later renders differently is reported, the ledger keeps what was issued), and the year's
// line-level export fakturagrunnlag-YYYY.csv.
#pragma once

#include <string>
#include <vector>

#include "invoicing/render.h"
#include "ledger/ledger.h"
#include "model/model.h"

namespace dv::invoicing {

// Returns notes for documents that no longer match their issued hashes.
std::vector<std::string> recordHashes(ledger::Ledger& book, const std::vector<ledger::Invoice>& all,
                                      const std::vector<Rendered>& docs);

// One row per invoice line: fakturanummer;type;…;fakturasum (UTF-8 with BOM, CRLF, amounts as 1234.50).
std::string lineExportCsv(const Inputs& in, const std::vector<ledger::Invoice>& all);


}  // namespace dv::invoicing
