// Plan (pure): a year's contributions and withdrawals → one invoice draft per municipality that
// owes something, with its lines worded in the buyer's målform, and whether the run must be a
// test run (something the amounts rest on is not confirmed). No ledger, no files.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"
#include "core/money.h"
#include "invoicing/wording.h"
#include "ledger/ledger.h"
#include "model/model.h"

namespace dv::invoicing {

// What one municipality owes, before the ledger gives it a number.
struct Draft {
    const Kommune* kommune = nullptr;
    Language language = Language::Nynorsk;
    std::vector<ledger::Line> lines;
    Money total;
    std::string hash;  // of what is billed (kinds, quantities, prices, amounts), not of the wording
};

struct Plan {
    int year = 0;
    Date issueDate, dueDate;
    const Agreement* agreement = nullptr;  // in force that year (its organisation model gives the VAT reason)
    bool test = false;
    std::vector<std::string> unconfirmed;  // why this is a test run (empty for a real run)
    std::vector<std::string> notBilled;    // members left out of a real run: membership not confirmed
    std::vector<Draft> drafts;             // in input order
    std::vector<std::string> unknown;      // what is unknown about the buyers' invoice data (said, not guessed)
};

// The year's plan; nullopt with diagnostics when the year has no invoice date, the funding cannot
// be computed or the wording is incomplete.
std::optional<Plan> planInvoices(const Inputs& in, int year, const Wording& words, Diagnostics& diags);

// The months of `year` the municipality was a member, as first and last day (the whole year when
// no period touches it).
struct Period {
    Date start, end;
};
Period billingPeriod(const Kommune& k, int year);

// The VAT reason's key in faktura.json: "mva." + the organisation model of the year's agreement.
std::string vatKey(const Settings& s, const Agreement* agreement);

}  // namespace dv::invoicing
