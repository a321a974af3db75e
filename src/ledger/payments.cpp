// Payments and reminders in the ledger: two tables of their own beside the invoices, written in
// the caller's transaction like everything else.
#include <sqlite3.h>

#include <stdexcept>

#include "ledger/ledger.h"
#include "ledger/statement.h"

namespace dv::ledger {
namespace {

using Query = detail::Stmt;


const char* kPaymentSchema = R"(
CREATE TABLE IF NOT EXISTS payment (
  id INTEGER PRIMARY KEY,
  ref TEXT NOT NULL UNIQUE,
  kid TEXT NOT NULL,
  amount_ore INTEGER NOT NULL CHECK (amount_ore > 0),
  paid_date TEXT NOT NULL,
  invoice_number TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS reminder (
  id INTEGER PRIMARY KEY,
  invoice_number TEXT NOT NULL,
  reminder_date TEXT NOT NULL,
  outstanding_ore INTEGER NOT NULL,
  UNIQUE (invoice_number, reminder_date)
);
)";

}  // namespace

void Ledger::ensurePaymentTables() { exec(kPaymentSchema); }

bool Ledger::recordPayment(const PaymentRecord& p) {
    ensurePaymentTables();
    Query q(db_, "INSERT OR IGNORE INTO payment(ref, kid, amount_ore, paid_date, invoice_number, reason, source) VALUES (?,?,?,?,?,?,?)", path_);
    q.bind(1, p.ref).bind(2, p.kid).bind(3, p.amountOre).bind(4, p.paidDate).bind(5, p.invoiceNumber).bind(6, p.reason).bind(7, p.source);
    q.step();
    return q.changes() > 0;
}

std::vector<PaymentRecord> Ledger::payments() {
    ensurePaymentTables();
    Query q(db_, "SELECT ref, kid, amount_ore, paid_date, invoice_number, reason, source FROM payment ORDER BY id", path_);
    std::vector<PaymentRecord> out;
    while (q.step()) out.push_back({q.text(0), q.text(1), q.i64(2), q.text(3), q.text(4), q.text(5), q.text(6)});
    return out;
}

std::optional<Invoice> Ledger::invoiceByKid(const std::string& kid) {
    Query q(db_, "SELECT year FROM invoice WHERE kid = ? AND kid <> '' AND test = 0 AND type = 'faktura'", path_);
    q.bind(1, kid);
    if (!q.step()) return std::nullopt;
    const int year = static_cast<int>(q.i64(0));
    for (Invoice& inv : forYear(year, false))
        if (inv.kid == kid) return inv;
    return std::nullopt;
}

void Ledger::recordReminder(const ReminderRecord& r) {
    ensurePaymentTables();
    Query q(db_, "INSERT OR IGNORE INTO reminder(invoice_number, reminder_date, outstanding_ore) VALUES (?,?,?)", path_);
    q.bind(1, r.invoiceNumber).bind(2, r.date).bind(3, r.outstandingOre);
    q.step();
}

std::vector<ReminderRecord> Ledger::reminders() {
    ensurePaymentTables();
    Query q(db_, "SELECT invoice_number, reminder_date, outstanding_ore FROM reminder ORDER BY id", path_);
    std::vector<ReminderRecord> out;
    while (q.step()) out.push_back({q.text(0), q.text(1), q.i64(2)});
    return out;
}

}  // namespace dv::ledger
