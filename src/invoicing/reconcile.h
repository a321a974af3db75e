// Reconcile a plan with the ledger: per draft, reuse the active invoice (same content or the same
// amount), refuse a changed amount, or, with --korriger and --dato, credit it and issue anew;
// credit invoices no longer owed. Works inside the caller's transaction and never commits: the
// caller begins it before and commits it only when everything else of the run succeeded.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "core/date.h"
#include "core/diagnostic.h"
#include "invoicing/plan.h"
#include "ledger/ledger.h"
#include "model/model.h"

namespace dv::invoicing {

struct ReconcileOptions {
    bool correct = false;        // --korriger
    std::optional<Date> today;   // --dato: corrections and credit notes are dated with it
    std::string ledgerName;      // for diagnostics
};

struct Reconciled {
    std::size_t issued = 0, reused = 0, credited = 0;
};

// Refusals go to `diags`; the caller then rolls back.
Reconciled reconcile(const Plan& plan, const Settings& s, ledger::Ledger& book, const ReconcileOptions& o, Diagnostics& diags);

// "202600001", or "P202600001" in the test series (a form the real series never has).
std::string invoiceNumber(int year, std::int64_t seq, bool test);

}  // namespace dv::invoicing
