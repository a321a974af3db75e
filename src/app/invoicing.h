// Wiring of the annual invoicing run (target "fakturaer"): runs the invoicing stage
// (src/invoicing) inside the ledger transaction the app holds open (app/ledger_session.h) and
// stages its files. The stage holds all invoicing logic; this file only connects it to the
// document engine, the thread pool and the staging directory. It never commits the ledger.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>

#include "app/documents.h"
#include "app/output.h"
#include "invoicing/run.h"
#include "ledger/ledger.h"
#include "model/model.h"

namespace dv::app {

struct InvoicingOptions {
    std::string templatesDir;
    bool correct = false;       // --korriger
    std::optional<Date> today;  // --dato: corrections and credit notes are dated with it
};

using InvoicingResult = invoicing::Result;

// Records in `book`, inside the transaction its caller holds open; never commits.
InvoicingResult makeInvoices(const Inputs& in, int year, DocumentEngine& engine, const InvoicingOptions& o,
                             ledger::Ledger& book, Staging& staging, std::ostream& err);

}  // namespace dv::app
