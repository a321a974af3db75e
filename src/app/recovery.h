// Ledger and OUT committed together: the ledger commits first, then OUT is switched in. A run
// that dies between the two leaves the ledger ahead of OUT. So that the next run knows, a marker
// beside OUT (`.NAME.pending`) names the ledgers and years a run is about to commit; it is
// written before the ledger commits and removed once OUT is switched in. The next run on OUT
// finds it and, where the ledger holds documents OUT's manifest lacks, makes that year's
// invoices again from the ledger (a rerun reuses the recorded invoices and renders the same bytes).
#pragma once

#include <string>
#include <vector>

#include "ledger/ledger.h"

namespace dv::app {

struct PendingInvoices {
    std::string ledger;  // the ledger's path as the run resolved it
    int year = 0;
};

void writePending(const std::string& out, const std::vector<PendingInvoices>& pending);
void clearPending(const std::string& out);
std::vector<PendingInvoices> readPending(const std::string& out);

// True when `book` holds an invoice or credit note of `year` whose PDF or XML (by SHA-256) OUT's
// manifest does not list.
bool ledgerAhead(ledger::Ledger& book, int year, const std::string& out);

}  // namespace dv::app
