// Wiring of the targets "innbetalingar" (payment files → ledger, reconciliation, open items)
// and "purringar" (reminders): the receivables stage (src/receivables) run inside the ledger
// transaction the app holds open (app/ledger_session.h), its files staged. Never commits.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "app/documents.h"
#include "app/output.h"
#include "ledger/ledger.h"
#include "model/model.h"

namespace dv::app {

struct ReceivablesOptions {
    std::string templatesDir;
    std::string ledgerPath;           // --reskontro; empty: the settings' ledger
    std::optional<Date> today;        // --dato: required (days overdue, reminders)
    std::vector<std::string> files;   // --innbetalingar
    bool quiet = false;
};

// Throws InputError: no --dato, or no ledger yet (payments and reminders never start one).
void checkReceivables(const Inputs& in, const ReceivablesOptions& o, const std::string& target);
void makePayments(const Inputs& in, int year, DocumentEngine& engine, const ReceivablesOptions& o, ledger::Ledger& book,
                  Staging& staging, std::ostream& err);
void makeReminders(const Inputs& in, int year, DocumentEngine& engine, const ReceivablesOptions& o, ledger::Ledger& book,
                   Staging& staging, std::ostream& err);

}  // namespace dv::app
