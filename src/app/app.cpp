#include "app/app.h"

#include <chrono>
#include <exception>
#include <filesystem>
#include <ostream>

#include "app/documents.h"
#include "app/followup.h"
#include "app/invoicing.h"
#include "app/municipal.h"
#include "app/output.h"
#include "backends/xlsx/workbook.h"
#include "input/inputs.h"
#include "input/labels.h"
#include "report/knowledge_view.h"
#include "report/workbook_view.h"

#include <fstream>

namespace dv::app {

const std::vector<std::string>& knownTargets() {
    static const std::vector<std::string> targets = {"arbeidsbok", "kunnskapsgrunnlag", "avtalar", "saksframlegg", "hoyringspakkar", "forsendingar", "fakturaer", "oppfolging"};
    return targets;
}

std::string usage() {
    return "usage: digivestland [options] [target...]\n"
           "\n"
           "Renders DigiVestland's documents from the JSON inputs.\n"
           "\n"
           "options:\n"
           "  --inputs DIR      input files (kommunar.json, portefolje.json, samarbeid.json); default inputs\n"
           "  --templates DIR   templates and wording, per målform under nn/ and nb/; default templates\n"
           "  --out DIR         output directory; default outputs\n"
           "  --year YYYY       budget and invoice year for arbeidsbok and fakturaer; default samarbeid.json /standardaar\n"
           "  --runde ID        the occasion for avtalar, saksframlegg and hoyringspakkar: a hearing or a decision\n"
           "                    round from samarbeid.json /rundar (shipped: hoyring-2024, vedtak-2025);\n"
           "                    default /standardrunde\n"
           "  --dato YYYY-MM-DD the day of this run: corrections and credit notes are dated with it\n"
           "                    (never the clock); needed with --korriger\n"
           "  --reskontro FILE  the invoice ledger (SQLite); default from samarbeid.json /faktura/reskontro\n"
           "  --korriger        when an invoiced amount changed: credit the old invoice and issue a new one\n"
           "  --ny-reskontro    let --reskontro FILE create a new ledger (without it, a path that does not exist\n"
           "                    is refused, so a typo cannot start a second series)\n"
           "  --quiet           no progress on stderr\n"
           "  --help            this text\n"
           "\n"
           "targets (default: all):\n"
           "  all               everything below\n"
           "  arbeidsbok        the funding workbook, OUT/arbeidsbok/finansiering-YYYY.xlsx\n"
           "  kunnskapsgrunnlag the knowledge base report (PDF/A-2a), OUT/kunnskapsgrunnlag/kunnskapsgrunnlag-YYYY.pdf\n"
           "                    (shared målform) and kunnskapsgrunnlag-YYYY-nn.pdf\n"
           "  avtalar           an agreement draft per municipality, in its målform, OUT/avtalar/avtale-NNNN-namn.pdf\n"
           "  saksframlegg      a case document per municipal council, OUT/saksframlegg/saksframlegg-NNNN-namn.pdf\n"
           "  hoyringspakkar    a cover letter per municipality (OUT/folgjebrev/), a hearing package per\n"
           "                    municipality (OUT/hoyringspakkar/hoyringspakke-NNNN-namn.zip: cover letter,\n"
           "                    agreement, case document, knowledge base, financing appendix, manifest)\n"
           "                    and the dispatch list OUT/hoyringspakkar/utsendingsliste.csv\n"
           "  forsendingar      per municipality a send-ready folder OUT/forsendingar/NNNN-namn/ (the documents as\n"
           "                    PDF/A, arkivmelding.xml, sbd.json for eFormidling, forsendelse.json for SvarUt,\n"
           "                    manifest.json) and the host's journal OUT/forsendingar/journal-arkivmelding.xml\n"
           "                    and the dispatch list OUT/forsendingar/utsendingsliste.csv and .xlsx\n"
           "  oppfolging        (not in all; needs --dato) the follow-up of --runde from inputs/oppfolging.json:\n"
           "                    OUT/oppfolging/oppfolging-RUNDE.xlsx and .pdf, and a reminder letter\n"
           "                    OUT/oppfolging/purrebrev-NNNN-namn.pdf per municipality past the deadline\n"
           "  fakturaer         the year's invoices: PDF and EHF (UBL) per member municipality under\n"
           "                    OUT/fakturaer/YYYY/, recorded in the ledger, and fakturagrunnlag-YYYY.csv;\n"
           "                    a rerun reissues nothing; changed amounts are refused unless --korriger\n"
           "\n"
           "Every run writes OUT/manifest.json listing the files it produced. A failed run leaves\n"
           "OUT as it was. Exit status: 0 success, 1 internal error, 2 bad input or usage.\n";
}

namespace {

struct UsageError {
    std::string message;
};

Options parse(const std::vector<std::string>& args) {
    Options o;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= args.size()) throw UsageError{"option " + a + " needs a value"};
            return args[++i];
        };
        if (a == "--help" || a == "-h") o.help = true;
        else if (a == "--quiet" || a == "-q") o.quiet = true;
        else if (a == "--inputs") o.inputs = value();
        else if (a == "--templates") o.templates = value();
        else if (a == "--out") o.out = value();
        else if (a == "--reskontro") o.ledger = value();
        else if (a == "--korriger") o.correct = true;
        else if (a == "--ny-reskontro") o.newLedger = true;
        else if (a == "--runde") o.occasion = value();
        else if (a == "--dato") {
            std::string v = value();
            o.today = Date::parseIso(v);
            if (!o.today) throw UsageError{"--dato expects a date YYYY-MM-DD, got \"" + v + "\""};
        }
        else if (a == "--year") {
            std::string v = value();
            if (v.size() != 4 || v.find_first_not_of("0123456789") != std::string::npos)
                throw UsageError{"--year expects a four-digit year, got \"" + v + "\""};
            o.year = std::stoi(v);
        } else if (!a.empty() && a[0] == '-') {
            throw UsageError{"unknown option " + a};
        } else {
            o.targets.push_back(a);
        }
    }
    if (std::filesystem::exists(o.out) && !std::filesystem::is_directory(o.out))
        throw UsageError{"--out " + o.out + " is a file, not a directory"};
    if (o.targets.empty()) o.targets.push_back("all");
    std::vector<std::string> expanded;
    for (const auto& t : o.targets) {
        if (t == "all") {
            for (const auto& k : knownTargets())
                if (k != "oppfolging") expanded.push_back(k);  // a follow-up is made on a day, with --dato
            continue;
        }
        bool known = false;
        for (const auto& k : knownTargets()) known = known || k == t;
        if (!known) {
            std::vector<std::string> names = knownTargets();
            names.push_back("all");
            std::string guess = closestMatch(t, names);
            throw UsageError{"unknown target \"" + t + "\"" + (guess.empty() ? "" : " (did you mean \"" + guess + "\"?)")};
        }
        expanded.push_back(t);
    }
    o.targets = expanded;
    return o;
}

double msSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

void makeWorkbook(const Options& o, const Inputs& in, int year, Staging& staging, std::ostream& err) {
    auto t0 = std::chrono::steady_clock::now();
    Diagnostics diags;
    auto view = buildWorkbookView(in, year, diags);
    if (!view) throw InputError{diags};
    view->labels.file = o.templates + "/" + languageDir(in.settings.sharedLanguage) + "/arbeidsbok.json";
    view->labels.text = input::loadLabels(view->labels.file, diags);
    if (!diags.empty()) throw InputError{diags};
    std::string rel = "arbeidsbok/finansiering-" + std::to_string(year) + ".xlsx";
    if (!xlsx::writeWorkbook(*view, staging.pathFor(rel), diags)) throw InputError{diags};
    staging.add(rel, "arbeidsbok");
    if (!o.quiet)
        err << "digivestland: arbeidsbok: " << rel << " (" << in.kommunar.size() << " municipalities, total "
            << view->current.run.total.toDecimalString() << " kr) in " << static_cast<long>(msSince(t0)) << " ms\n";
}

void makeKnowledgeBase(const Options& o, const Inputs& in, int year, DocumentEngine& engine, Language lang,
                       Staging& staging, std::ostream& err) {
    auto t0 = std::chrono::steady_clock::now();
    Diagnostics diags;
    (void)year;  // the knowledge base is the hearing's document: its figures are for its own year
    auto view = buildKnowledgeView(in, in.settings.knowledgeBaseYear, diags);
    if (!view) throw InputError{diags};
    pdf::DocumentInfo info;
    info.author = in.settings.name;
    info.subject = in.settings.name + ": kunnskapsgrunnlag " + std::to_string(in.settings.knowledgeBaseYear) + " (" + languageTag(lang) + ")";
    info.keywords = in.settings.name + "; kunnskapsgrunnlag; " + std::to_string(in.settings.knowledgeBaseYear);
    info.date = in.settings.documentDate;
    std::string bytes = engine.render(lang, "kunnskapsgrunnlag", *view, info);
    std::string rel = "kunnskapsgrunnlag/kunnskapsgrunnlag-" + std::to_string(in.settings.knowledgeBaseYear) +
                      (lang == in.settings.sharedLanguage ? "" : "-" + languageDir(lang)) + ".pdf";
    staging.put(rel, bytes, "kunnskapsgrunnlag");
    if (!o.quiet)
        err << "digivestland: kunnskapsgrunnlag: " << rel << " (" << bytes.size() / 1024 << " KiB) in "
            << static_cast<long>(msSince(t0)) << " ms\n";
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& err) {
    Options o;
    try {
        o = parse(args);
    } catch (const UsageError& e) {
        err << "digivestland: " << e.message << "\n" << "try 'digivestland --help'\n";
        return kBadInput;
    }
    if (o.help) {
        err << usage();
        return kOk;
    }
    auto t0 = std::chrono::steady_clock::now();
    try {
        Inputs in = input::loadInputs(o.inputs);
        int year = o.year.value_or(in.settings.defaultYear);
        Staging staging(o.out);
        std::unique_ptr<DocumentEngine> engine;
        auto documents = [&]() -> DocumentEngine& {
            if (!engine) engine = std::make_unique<DocumentEngine>(o.templates);
            return *engine;
        };
        MunicipalTargets municipal;
        for (const auto& t : o.targets) {
            municipal.agreements = municipal.agreements || t == "avtalar";
            municipal.caseDocuments = municipal.caseDocuments || t == "saksframlegg";
            municipal.packages = municipal.packages || t == "hoyringspakkar";
            municipal.dispatches = municipal.dispatches || t == "forsendingar";
        }
        for (const auto& t : o.targets) {
            if (t == "arbeidsbok") makeWorkbook(o, in, year, staging, err);
            if (t == "kunnskapsgrunnlag") {
                makeKnowledgeBase(o, in, year, documents(), in.settings.sharedLanguage, staging, err);
                Language other = in.settings.sharedLanguage == Language::Bokmal ? Language::Nynorsk : Language::Bokmal;
                makeKnowledgeBase(o, in, year, documents(), other, staging, err);
            }
        }
        for (const auto& t : o.targets) {
            if (t != "fakturaer") continue;
            auto t1 = std::chrono::steady_clock::now();
            InvoicingResult r = makeInvoices(in, year, documents(), {o.templates, o.ledger, o.correct, o.today, o.newLedger}, staging, err);
            if (!o.quiet)
                err << "digivestland: fakturaer " << year << ": " << r.issued << " issued, " << r.reused << " unchanged, "
                    << r.credited << " credited; " << r.files << " file(s) in " << static_cast<long>(msSince(t1)) << " ms\n";
            if (r.test) {
                err << "digivestland: fakturaer " << year << ": TEST RUN: every invoice is marked as a test, numbered P"
                    << year << "…, and asks for no payment, because:\n";
                for (const auto& why : r.unconfirmed) err << "  - " << why << "\n";
            }
            for (const auto& who : r.notBilled) err << "digivestland: fakturaer " << year << ": not invoiced: " << who << "\n";
        }
        auto occasionFor = [&]() -> const Occasion& {
            std::string id = o.occasion.empty() ? in.settings.defaultOccasion : o.occasion;
            const Occasion* occasion = in.settings.occasionById(id);
            if (!occasion) {
                std::vector<std::string> ids;
                for (const auto& oc : in.settings.occasions) ids.push_back(oc.id);
                std::string guess = closestMatch(id, ids);
                Diagnostics d;
                d.add(o.occasion.empty() ? in.settingsFile : std::string("--runde"), o.occasion.empty() ? "/standardrunde" : "",
                      "no occasion \"" + id + "\" in " + in.settingsFile + " /rundar", guess.empty() ? "" : "did you mean \"" + guess + "\"?");
                throw InputError{d};
            }
            return *occasion;
        };
        if (municipal.agreements || municipal.caseDocuments || municipal.packages || municipal.dispatches) {
            auto t1 = std::chrono::steady_clock::now();
            const Occasion* occasion = &occasionFor();
            std::size_t n = makeMunicipalDocuments(in, *occasion, documents(), municipal, staging);
            if (!o.quiet)
                err << "digivestland: per-municipality documents: " << n << " file(s) for " << in.kommunar.size()
                    << " municipalities in " << static_cast<long>(msSince(t1)) << " ms\n";
            if (municipal.dispatches) makeDispatchList(in, *occasion, o.inputs, o.templates, o.today, staging);
        }
        for (const auto& t : o.targets) {
            if (t != "oppfolging") continue;
            std::size_t n = makeFollowUp(in, occasionFor(), o.inputs, documents(), o.today, staging);
            if (!o.quiet) err << "digivestland: oppfolging: " << n << " file(s)\n";
        }
        staging.commit();
        if (!o.quiet)
            err << "digivestland: wrote " << staging.entries().size() << " file(s) and manifest.json to " << o.out
                << " in " << static_cast<long>(msSince(t0)) << " ms\n";
        return kOk;
    } catch (const InputError& e) {
        err << e.diagnostics.format();
        err << "digivestland: " << e.diagnostics.size() << " error(s); nothing written\n";
        return kBadInput;
    } catch (const std::exception& e) {
        err << "digivestland: internal error: " << e.what() << "\n";
        return kInternal;
    }
}

}  // namespace dv::app
