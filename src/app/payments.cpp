#include "app/payments.h"

#include <filesystem>
#include <functional>
#include <ostream>

#include "invoicing/run.h"
#include "ledger/ledger.h"
#include "receivables/receivables.h"

namespace dv::app {
namespace {

// Opens the existing ledger (payments and reminders never start one), begins, runs `body`,
// stages its files and commits; rolls back on any failure.
template <class Body>
auto withLedger(const Inputs& in, const ReceivablesOptions& o, const char* target, Staging& staging, Body body) {
    Diagnostics diags;
    if (!o.today) diags.add("--dato", "", std::string(target) + " needs the day it is run for: --dato YYYY-MM-DD (never the clock)");
    const std::string path = invoicing::ledgerPath(in, o.ledgerPath, false, diags);
    if (diags.empty() && !std::filesystem::exists(path))
        diags.add(path, "", "the ledger does not exist: run fakturaer first, or name it with --reskontro");
    if (!diags.empty()) throw InputError{diags};
    ledger::Ledger book(path);
    book.begin();
    try {
        auto r = body(book);
        for (const auto& f : r.files) staging.put(f.path, f.bytes, f.kind, f.kommunenummer);
        book.commit();
        return r;
    } catch (...) {
        try {
            book.rollback();
        } catch (...) {
        }
        throw;
    }
}

invoicing::RenderPdf renderer(DocumentEngine& engine) {
    return [&engine](Language l, const std::string& name, const view::Value& v, const pdf::DocumentInfo& info) {
        return engine.render(l, name, v, info);
    };
}

}  // namespace

void makePayments(const Inputs& in, int year, DocumentEngine& engine, const ReceivablesOptions& o, Staging& staging, std::ostream& err) {
    auto r = withLedger(in, o, "innbetalingar", staging, [&](ledger::Ledger& book) {
        return receivables::runPayments(in, year, book, o.files, *o.today, o.templatesDir, renderer(engine));
    });
    if (!o.quiet)
        err << "digivestland: innbetalingar " << year << ": " << r.read << " payment(s) read, " << r.recorded << " recorded, "
            << r.alreadyRecorded << " already recorded; " << r.unmatched << " unmatched in the ledger\n";
}

void makeReminders(const Inputs& in, int year, DocumentEngine& engine, const ReceivablesOptions& o, Staging& staging, std::ostream& err) {
    auto r = withLedger(in, o, "purringar", staging, [&](ledger::Ledger& book) {
        return receivables::runReminders(in, year, book, *o.today, o.templatesDir, renderer(engine));
    });
    if (!o.quiet)
        err << "digivestland: purringar " << year << ": " << r.written << " reminder(s), " << r.notYet
            << " overdue but reminded within the interval\n";
}

}  // namespace dv::app
