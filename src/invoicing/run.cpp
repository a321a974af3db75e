#include "invoicing/run.h"

#include <filesystem>

#include <unistd.h>

#include "invoicing/handover.h"
#include "invoicing/plan.h"
#include "invoicing/reconcile.h"
#include "invoicing/record.h"

namespace dv::invoicing {
namespace {

void throwIf(const Diagnostics& diags) {
    if (!diags.empty()) throw InputError{diags};
}

// The rendered bytes move into the files (a year of 4 300 invoices is about 1 GB of them).
std::vector<OutputFile> yearFiles(const Inputs& in, int year, const std::vector<ledger::Invoice>& all,
                                  std::vector<Rendered>&& docs) {
    std::vector<OutputFile> files;
    const std::string dir = "fakturaer/" + std::to_string(year) + "/";
    for (std::size_t i = 0; i < all.size(); ++i) {
        files.push_back({dir + docs[i].stem + ".pdf", std::move(docs[i].pdf), all[i].type, all[i].kommunenummer});
        files.push_back({dir + "ehf/" + docs[i].stem + ".xml", std::move(docs[i].xml), "ehf", all[i].kommunenummer});
        files.push_back({dir + "sbd/" + docs[i].stem + ".sbd.xml", std::move(docs[i].sbd), "ehf-sbd", all[i].kommunenummer});
    }
    files.push_back({dir + "fakturagrunnlag-" + std::to_string(year) + ".csv", lineExportCsv(in, all), "fakturagrunnlag", {}});
    files.push_back({dir + "erp-import-" + std::to_string(year) + ".csv", erpImportCsv(in, all), "erp-import", {}});
    return files;
}

// The control list as XLSX (libxlsxwriter writes a scratch file) and as PDF.
void journalFiles(const Inputs& in, int year, const std::vector<ledger::Invoice>& all, bool test, const Wording& words,
                  const RenderPdf& renderPdf, std::vector<OutputFile>& files) {
    Diagnostics diags;
    xlsx::Journal j = journal(in, year, all, words, diags);
    throwIf(diags);
    const std::string stem = "fakturaer/" + std::to_string(year) + "/fakturajournal-" + std::to_string(year);
    const auto scratch = std::filesystem::temp_directory_path() /
                         ("dv-fakturajournal-" + std::to_string(::getpid()) + "-" + std::to_string(year) + ".xlsx");
    auto bytes = xlsx::journalXlsx(j, scratch.string(), diags);
    throwIf(diags);
    files.push_back({stem + ".xlsx", *bytes, "fakturajournal-xlsx", {}});
    pdf::DocumentInfo info;
    info.author = in.settings.host.name;
    info.subject = j.title;
    info.keywords = in.settings.name + "; fakturajournal; " + std::to_string(year);
    info.date = j.created;
    files.push_back({stem + ".pdf", renderPdf(in.settings.sharedLanguage, "fakturajournal", journalView(in, year, j, test), info),
                     "fakturajournal-pdf", {}});
}

}  // namespace

Result runInvoicing(const Inputs& in, int year, ledger::Ledger& book, const Options& o, const RenderPdf& renderPdf,
                    const ForEach& forEach) {
    Diagnostics diags;
    Wording words(o.templatesDir, diags);
    throwIf(diags);
    auto plan = planInvoices(in, year, words, diags);
    throwIf(diags);
    Reconciled r = reconcile(*plan, in.settings, book, {o.correct, o.today, o.ledgerName}, diags);
    throwIf(diags);

    // Every document of the year, rendered from the ledger (the same bytes on a rerun)
    std::vector<ledger::Invoice> all = book.forYear(year, plan->test);
    RenderContext c{in, year, plan->agreement, words, {}};
    for (const auto& inv : all) c.byNumber[inv.number] = &inv;
    std::vector<Rendered> docs(all.size());
    forEach(all.size(), [&](std::size_t i) { docs[i] = renderInvoice(c, all[i], renderPdf); });

    Result res{r.issued, r.reused, r.credited, plan->test, plan->unconfirmed, plan->notBilled, {}, {}};
    res.notes = plan->unknown;
    for (auto& note : recordHashes(book, all, docs)) res.notes.push_back(std::move(note));
    res.files = yearFiles(in, year, all, std::move(docs));
    journalFiles(in, year, all, plan->test, words, renderPdf, res.files);
    return res;
}

}  // namespace dv::invoicing
