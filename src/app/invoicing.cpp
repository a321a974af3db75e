#include "app/invoicing.h"

#include <ostream>

#include "app/parallel.h"

namespace dv::app {

InvoicingResult makeInvoices(const Inputs& in, int year, DocumentEngine& engine, const InvoicingOptions& o,
                             ledger::Ledger& book, Staging& staging, std::ostream& err) {
    auto renderPdf = [&](Language l, const std::string& name, const view::Value& v, const pdf::DocumentInfo& info) {
        return engine.render(l, name, v, info);
    };
    InvoicingResult r = invoicing::runInvoicing(in, year, book, {o.templatesDir, o.correct, o.today, book.path()}, renderPdf, parallelFor);
    for (const auto& f : r.files) staging.put(f.path, f.bytes, f.kind, f.kommunenummer);
    for (const auto& note : r.notes) err << "digivestland: note: " << note << "\n";
    return r;
}

}  // namespace dv::app
