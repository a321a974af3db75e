// Receivables: payments matched to invoices by KID (check digit verified, never guessed) and
// recorded in the ledger; per invoice what is paid and outstanding; the reports and reminders
// the finance officer works from. Works inside the caller's ledger transaction, never commits,
// and returns files for the caller to stage.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "invoicing/render.h"
#include "invoicing/run.h"
#include "ledger/ledger.h"
#include "model/model.h"
#include "payments/payment.h"

namespace dv::receivables {

// The matching rule for one payment: the invoice number, or why none ("feil kontrollsiffer",
// "ukjend KID", "faktura … er kreditert").
ledger::PaymentRecord match(const payments::Payment& p, ledger::Ledger& book);

enum class Status { Paid, Partly, Over, Unpaid };
const char* statusName(Status s);  // betalt, delbetalt, overbetalt, ubetalt

struct Account {
    ledger::Invoice invoice;
    Money paid, outstanding;  // outstanding < 0 when paid too much
    Status status = Status::Unpaid;
    long daysOverdue = 0;     // on the run's date; 0 when not yet due or settled
};

// Every active real invoice of `year` with what has been paid on it by `today`.
std::vector<Account> accounts(ledger::Ledger& book, int year, const Date& today);

struct PaymentsResult {
    std::size_t read = 0, recorded = 0, alreadyRecorded = 0, unmatched = 0;
    std::vector<invoicing::OutputFile> files;
};

// Reads every file (all problems reported at once: InputError), records the new payments, and
// writes OUT/innbetalingar/YYYY/: avstemming-YYYY.csv, ukjende-innbetalingar-YYYY.csv,
// opne-postar-YYYY.xlsx and .pdf.
PaymentsResult runPayments(const Inputs& in, int year, ledger::Ledger& book, const std::vector<std::string>& files,
                           const Date& today, const std::string& templatesDir, const invoicing::RenderPdf& renderPdf);

struct RemindersResult {
    std::size_t written = 0, notYet = 0;
    std::vector<invoicing::OutputFile> files;
};

// A reminder for each invoice still open settings.reminderDays after its due date on `today`,
// and not reminded in the last reminderDays; recorded in the ledger.
RemindersResult runReminders(const Inputs& in, int year, ledger::Ledger& book, const Date& today,
                             const std::string& templatesDir, const invoicing::RenderPdf& renderPdf);

}  // namespace dv::receivables
