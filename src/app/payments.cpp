#include "app/payments.h"

#include <filesystem>
#include <ostream>

#include "app/ledger_session.h"
#include "invoicing/run.h"
#include "receivables/receivables.h"

namespace dv::app {
namespace {

invoicing::RenderPdf renderer(DocumentEngine& engine) {
    return [&engine](Language l, const std::string& name, const view::Value& v, const pdf::DocumentInfo& info) {
        return engine.render(l, name, v, info);
    };
}

template <class Result>
void stage(const Result& r, Staging& staging) {
    for (const auto& f : r.files) staging.put(f.path, f.bytes, f.kind, f.kommunenummer);
}

}  // namespace

void checkReceivables(const Inputs& in, const ReceivablesOptions& o, const std::string& target) {
    Diagnostics diags;
    if (!o.today) diags.add("--dato", "", target + " needs the day it is run for: --dato YYYY-MM-DD (never the clock)");
    const std::string path = resolveLedgerPath(in, LedgerChoice{o.ledgerPath});
    if (!std::filesystem::exists(path))
        diags.add(path, "", "the ledger does not exist: run fakturaer first, or name it with --reskontro");
    if (!diags.empty()) throw InputError{diags};
}

void makePayments(const Inputs& in, int year, DocumentEngine& engine, const ReceivablesOptions& o, ledger::Ledger& book,
                  Staging& staging, std::ostream& err) {
    auto r = receivables::runPayments(in, year, book, o.files, *o.today, o.templatesDir, renderer(engine));
    stage(r, staging);
    if (!o.quiet)
        err << "digivestland: innbetalingar " << year << ": " << r.read << " payment(s) read, " << r.recorded << " recorded, "
            << r.alreadyRecorded << " already recorded; " << r.unmatched << " unmatched in the ledger\n";
}

void makeReminders(const Inputs& in, int year, DocumentEngine& engine, const ReceivablesOptions& o, ledger::Ledger& book,
                   Staging& staging, std::ostream& err) {
    auto r = receivables::runReminders(in, year, book, *o.today, o.templatesDir, renderer(engine));
    stage(r, staging);
    if (!o.quiet)
        err << "digivestland: purringar " << year << ": " << r.written << " reminder(s), " << r.notYet
            << " overdue but reminded within the interval\n";
}

}  // namespace dv::app
