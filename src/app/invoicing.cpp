#include "app/invoicing.h"

#include <ostream>

#include "app/parallel.h"
#include "ledger/ledger.h"

namespace dv::app {

InvoicingResult makeInvoices(const Inputs& in, int year, DocumentEngine& engine, const InvoicingOptions& o,
                             Staging& staging, std::ostream& err) {
    Diagnostics diags;
    const std::string path = invoicing::ledgerPath(in, o.ledgerPath, o.newLedger, diags);
    if (!diags.empty()) throw InputError{diags};
    ledger::Ledger book(path);
    invoicing::claimLedger(in, book, path, diags);
    if (!diags.empty()) throw InputError{diags};
    auto renderPdf = [&](Language l, const std::string& name, const view::Value& v, const pdf::DocumentInfo& info) {
        return engine.render(l, name, v, info);
    };
    book.begin();
    try {
        InvoicingResult r = invoicing::runInvoicing(in, year, book, {o.templatesDir, o.correct, o.today, path}, renderPdf, parallelFor);
        for (const auto& f : r.files) staging.put(f.path, f.bytes, f.kind, f.kommunenummer);
        for (const auto& note : r.notes) err << "digivestland: note: " << note << "\n";
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

}  // namespace dv::app
