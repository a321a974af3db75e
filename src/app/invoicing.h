// Wiring of the annual invoicing run (target "fakturaer"): opens the ledger, begins its
// transaction, runs the invoicing stage (src/invoicing), stages its files and commits. The
// stage holds all invoicing logic; this file only connects it to the ledger file, the document
// engine, the thread pool and the staging directory.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>

#include "app/documents.h"
#include "app/output.h"
#include "invoicing/run.h"
#include "model/model.h"

namespace dv::app {

struct InvoicingOptions {
    std::string templatesDir;
    std::string ledgerPath;     // empty: samarbeid.json /faktura/reskontro
    bool correct = false;       // --korriger
    std::optional<Date> today;  // --dato: corrections and credit notes are dated with it
    bool newLedger = false;     // --ny-reskontro: ledgerPath may be created
};

using InvoicingResult = invoicing::Result;

InvoicingResult makeInvoices(const Inputs& in, int year, DocumentEngine& engine, const InvoicingOptions& o,
                             Staging& staging, std::ostream& err);

}  // namespace dv::app
