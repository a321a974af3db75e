// The annual invoicing run (target "fakturaer"): per member municipality an invoice PDF and an
// EHF e-invoice, recorded in the ledger; a rerun with the same inputs reissues nothing and
// reproduces the same bytes; changed amounts are refused unless a correction is asked for, which
// credits the old invoice and issues a new one.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "app/documents.h"
#include "app/output.h"
#include "ledger/ledger.h"
#include "model/model.h"

namespace dv::app {

struct InvoicingOptions {
    std::string templatesDir;
    bool correct = false;    // --korriger
    std::optional<Date> today;  // --dato: corrections and credit notes are dated with it
};

struct InvoicingResult {
    std::size_t issued = 0, reused = 0, credited = 0, files = 0;
    bool test = false;                     // a test run: every invoice marked and in the test series
    std::vector<std::string> unconfirmed;  // why (empty for a real run)
    std::vector<std::string> notBilled;    // members left out of a real run: membership not confirmed
};

// Records in `book`, inside the transaction its caller holds open; never commits.
InvoicingResult makeInvoices(const Inputs& in, int year, DocumentEngine& engine, const InvoicingOptions& o,
                             ledger::Ledger& book, Staging& staging, std::ostream& err);

// KID from customer number and invoice number with the settings' check digit (MOD10 or MOD11).
std::string makeKid(const std::string& kommunenummer, const std::string& invoiceNumber, const std::string& method);

}  // namespace dv::app
