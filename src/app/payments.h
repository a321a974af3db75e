// Wiring of the targets "innbetalingar" (payment files → ledger, reconciliation, open items)
// and "purringar" (reminders): the ledger file and its transaction, the document engine and
// the staging directory around the receivables stage (src/receivables).
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "app/documents.h"
#include "app/output.h"
#include "model/model.h"

namespace dv::app {

struct ReceivablesOptions {
    std::string templatesDir;
    std::string ledgerPath;           // --reskontro; empty: the settings' ledger
    std::optional<Date> today;        // --dato: required (days overdue, reminders)
    std::vector<std::string> files;   // --innbetalingar
    bool quiet = false;
};

void makePayments(const Inputs& in, int year, DocumentEngine& engine, const ReceivablesOptions& o, Staging& staging, std::ostream& err);
void makeReminders(const Inputs& in, int year, DocumentEngine& engine, const ReceivablesOptions& o, Staging& staging, std::ostream& err);

}  // namespace dv::app
