#include "app/app.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <map>
#include <memory>
#include <ostream>

#include "app/documents.h"
#include "app/followup.h"
#include "app/invoicing.h"
#include "app/knowledge.h"
#include "app/ledger_session.h"
#include "app/municipal.h"
#include "app/payments.h"
#include "app/output.h"
#include "app/parallel.h"
#include "app/recovery.h"
#include "app/run_lock.h"
#include "app/targets.h"
#include "app/web.h"
#include "backends/xlsx/workbook.h"
#include "input/inputs.h"
#include "input/labels.h"
#include "report/knowledge_view.h"
#include "report/workbook_view.h"

#include <fstream>

namespace dv::app {

namespace fs = std::filesystem;

const std::vector<std::string>& knownTargets() {
    static const std::vector<std::string> targets = {"arbeidsbok", "kunnskapsgrunnlag", "avtalar", "saksframlegg", "hoyringspakkar", "forsendingar", "fakturaer", "innbetalingar", "purringar", "oppfolging"};
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
           "  --innbetalingar FILE  a payment file for innbetalingar (repeatable)\n"
           "  --korriger        when an invoiced amount changed: credit the old invoice and issue a new one\n"
           "  --ny-reskontro    let --reskontro FILE create a new ledger (without it, a path that does not exist\n"
           "                    is refused, so a typo cannot start a second series)\n"
           "  --vent SECONDS    how long to wait for another run on the same OUT or ledger before giving up\n"
           "                    (exit 2, naming that run's process); default 10\n"
           "  --quiet           no progress on stderr\n"
           "  --help            this text\n"
           "\n"
           "targets (default: all):\n"
           "  all               everything below\n"
           "  arbeidsbok        the funding workbook, OUT/arbeidsbok/finansiering-YYYY.xlsx\n"
           "  kunnskapsgrunnlag the knowledge base report (PDF/A-2a), OUT/kunnskapsgrunnlag/kunnskapsgrunnlag-YYYY.pdf\n"
           "                    (shared målform) and kunnskapsgrunnlag-YYYY-nn.pdf, each with its web edition\n"
           "                    beside it (.html: one accessible page, no scripts)\n"
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
           "  innbetalingar     reads --innbetalingar FILE (Nets OCR giro or camt.054, repeatable), matches by KID,\n"
           "                    records in the ledger; OUT/innbetalingar/YYYY/ avstemming, unmatched, open items (--dato)\n"
           "  purringar         a reminder per invoice overdue /faktura/purring_dagar on --dato, OUT/purringar/YYYY/\n"
           "\n"
           "A run builds a complete new OUT tree beside OUT and switches it in with one rename, after\n"
           "committing the ledger; OUT/manifest.json lists every file of the tree. Files of targets the\n"
           "run does not make are kept; those its targets no longer make are removed (and listed).\n"
           "A failed run leaves OUT and the ledger as they were. One run at a time per OUT and ledger.\n"
           "Exit status: 0 success, 1 internal error, 2 bad input or usage.\n";
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
        else if (a == "--innbetalingar") o.paymentFiles.push_back(value());
        else if (a == "--ny-reskontro") o.newLedger = true;
        else if (a == "--runde") o.occasion = value();
        else if (a == "--vent") {
            std::string v = value();
            if (v.empty() || v.size() > 5 || v.find_first_not_of("0123456789") != std::string::npos)
                throw UsageError{"--vent expects a number of seconds, got \"" + v + "\""};
            o.waitSeconds = std::stoi(v);
        }
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
    // OUT is replaced as a whole by each run: it must not hold what the run reads or stands in.
    auto real = [](const std::string& p) {
        fs::path r = fs::weakly_canonical(fs::absolute(p));
        return r.has_filename() ? r : r.parent_path();
    };
    const fs::path outAbs = real(o.out);
    for (const auto& [what, dir] : {std::pair<std::string, std::string>{"the inputs", o.inputs}, {"the templates", o.templates},
                                    {"the current directory", "."}}) {
        const fs::path d = real(dir);
        auto [o1, d1] = std::mismatch(outAbs.begin(), outAbs.end(), d.begin(), d.end());
        if (o1 == outAbs.end())
            throw UsageError{"--out " + o.out + " holds " + what + " (" + dir + "); OUT is replaced by each run, give it a directory of its own"};
    }
    if (o.targets.empty()) o.targets.push_back("all");
    std::vector<std::string> expanded;
    for (const auto& t : o.targets) {
        if (t == "all") {
            for (const auto& k : knownTargets())  // payments, reminders and the follow-up need files or a date: never implied
                if (k != "innbetalingar" && k != "purringar" && k != "oppfolging") expanded.push_back(k);
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
    o.targets.clear();  // each target once, in the order asked
    for (const auto& t : expanded)
        if (std::find(o.targets.begin(), o.targets.end(), t) == o.targets.end()) o.targets.push_back(t);
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

// Both målformer's editions, rendered side by side, written in order (shared målform first).
void makeKnowledgeBases(const Options& o, const Inputs& in, KnowledgeBases& knowledge, Staging& staging, std::ostream& err) {
    auto t0 = std::chrono::steady_clock::now();
    const Language shared = in.settings.sharedLanguage;
    const Language langs[] = {shared, shared == Language::Bokmal ? Language::Nynorsk : Language::Bokmal};
    parallelFor(2, [&](std::size_t i) { knowledge.edition(langs[i]); });
    for (Language lang : langs) {
        const KnowledgeBase& kb = knowledge.edition(lang);
        staging.put(kb.base + ".pdf", kb.pdf, "kunnskapsgrunnlag");
        staging.put(kb.base + ".html", kb.html, "kunnskapsgrunnlag-html");
        if (!o.quiet)
            err << "digivestland: kunnskapsgrunnlag: " << kb.base << ".pdf (" << kb.pdf.size() / 1024 << " KiB) and .html ("
                << kb.html.size() / 1024 << " KiB) in " << static_cast<long>(msSince(t0)) << " ms\n";
    }
}

// Tests (tests/app/kill_test.py) stop the run at a named step, DV_TEST_PAUSE_AT=<step>, to kill it
// there: it says so on stderr and sleeps until killed.
void testPause(const char* step) {
    const char* at = std::getenv("DV_TEST_PAUSE_AT");
    if (!at || std::strcmp(at, step) != 0) return;
    std::string line = std::string("digivestland: test pause at ") + step + "\n";
    if (write(2, line.data(), line.size()) < 0) return;
    for (;;) pause();
}

std::string commandLine(const std::vector<std::string>& args) {
    std::string s = "digivestland";
    for (const auto& a : args) s += " " + a;
    return s;
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
        input::InputReport report;
        Inputs in = input::loadInputs(o.inputs, report);
        err << report.notes.format();
        int year = o.year.value_or(in.settings.defaultYear);
        const std::string holder = describeThisRun(commandLine(args));
        std::ostream* notice = o.quiet ? nullptr : &err;
        // One run at a time on OUT (then, if it invoices, on the ledger: always in this order).
        RunLock outLock(lockFileBeside(o.out), o.out, holder, o.waitSeconds, notice);
        Staging staging(o.out);
        if (staging.clearedLeftover())
            err << "digivestland: removed the unfinished tree an interrupted run left beside " << o.out << "\n";
        for (const auto& t : o.targets) staging.claim(targetScope(t, year));
        std::unique_ptr<DocumentEngine> engine;
        auto documents = [&]() -> DocumentEngine& {
            if (!engine) {
                engine = std::make_unique<DocumentEngine>(o.templates);
                // whatever the targets (a workbook run may publish invoices an earlier run left
                // unpublished), a PDF's font subsets come from the same repertoire
                engine->addToRepertoire(report.texts);
            }
            return *engine;
        };
        std::unique_ptr<KnowledgeBases> knowledgeBases;  // rendered once, for the target and the packages
        auto knowledge = [&]() -> KnowledgeBases& {
            if (!knowledgeBases) knowledgeBases = std::make_unique<KnowledgeBases>(in, documents());
            return *knowledgeBases;
        };
        // Every target but the workbook prints through the fonts: check the inputs against them first.
        bool printed = false;
        for (const auto& t : o.targets) printed = printed || t != "arbeidsbok";
        if (printed) {
            Diagnostics uncovered = checkFontCoverage(report.texts, documents());
            if (!uncovered.empty()) throw InputError{uncovered};
        }
        MunicipalTargets municipal;
        for (const auto& t : o.targets) {
            municipal.agreements = municipal.agreements || t == "avtalar";
            municipal.caseDocuments = municipal.caseDocuments || t == "saksframlegg";
            municipal.packages = municipal.packages || t == "hoyringspakkar";
            municipal.dispatches = municipal.dispatches || t == "forsendingar";
        }
        for (const auto& t : o.targets) {
            staging.attribute(targetScope(t, year));
            if (t == "arbeidsbok") makeWorkbook(o, in, year, staging, err);
            if (t == "kunnskapsgrunnlag") makeKnowledgeBases(o, in, knowledge(), staging, err);
        }
        // The year's invoices, and those a run killed after its ledger commit left unpublished here.
        std::map<std::string, std::unique_ptr<LedgerSession>> ledgers;  // by path, each with its transaction open
        auto ledgerFor = [&](const LedgerChoice& choice) -> LedgerSession& {
            std::string path = resolveLedgerPath(in, choice);
            auto& session = ledgers[path];
            if (!session) session = std::make_unique<LedgerSession>(in, choice, notice);
            return *session;
        };
        std::vector<std::pair<LedgerSession*, int>> invoicing;
        if (std::find(o.targets.begin(), o.targets.end(), "fakturaer") != o.targets.end())
            invoicing.push_back({&ledgerFor({o.ledger, o.newLedger, o.waitSeconds, holder}), year});
        for (const PendingInvoices& p : readPending(o.out)) {
            bool covered = false;
            for (const auto& [session, y] : invoicing)
                covered = covered || (y == p.year && fs::absolute(session->path()).lexically_normal().string() == p.ledger);
            if (covered || !fs::exists(p.ledger)) continue;
            LedgerSession& session = ledgerFor({p.ledger, false, o.waitSeconds, holder});
            if (!ledgerAhead(session.book(), p.year, staging.out())) continue;
            err << "digivestland: an earlier run committed invoices for " << p.year << " to " << p.ledger
                << " but stopped before publishing them in " << o.out << ": fakturaer " << p.year << " is made again from the ledger\n";
            staging.claim(targetScope("fakturaer", p.year));
            invoicing.push_back({&session, p.year});
        }
        for (const auto& [session, invoiceYear] : invoicing) {
            auto t1 = std::chrono::steady_clock::now();
            const int year = invoiceYear;
            staging.attribute(targetScope("fakturaer", year));
            InvoicingResult r = makeInvoices(in, year, documents(), {o.templates, o.correct, o.today}, session->book(), staging, err);
            if (!o.quiet)
                err << "digivestland: fakturaer " << year << ": " << r.issued << " issued, " << r.reused << " unchanged, "
                    << r.credited << " credited; " << r.files.size() << " file(s) in " << static_cast<long>(msSince(t1)) << " ms\n";
            if (r.test) {
                err << "digivestland: fakturaer " << year << ": TEST RUN: every invoice is marked as a test, numbered P"
                    << year << "…, and asks for no payment, because:\n";
                for (const auto& why : r.unconfirmed) err << "  - " << why << "\n";
            }
            for (const auto& who : r.notBilled) err << "digivestland: fakturaer " << year << ": not invoiced: " << who << "\n";
        }
        // Payments and reminders record in the same locked ledger and transaction as the invoices:
        // committed only when every target succeeded, just before OUT is switched in.
        for (const auto& t : o.targets) {
            if (t != "innbetalingar" && t != "purringar") continue;
            ReceivablesOptions ro{o.templates, o.ledger, o.today, o.paymentFiles, o.quiet};
            checkReceivables(in, ro, t);
            staging.attribute(targetScope(t, year));
            ledger::Ledger& book = ledgerFor({o.ledger, false, o.waitSeconds, holder}).book();
            if (t == "innbetalingar") makePayments(in, year, documents(), ro, book, staging, err);
            if (t == "purringar") makeReminders(in, year, documents(), ro, book, staging, err);
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
            // One rendering makes the three targets' files; each file belongs to its folder's target.
            staging.attribute("hoyringspakkar", {{"avtalar", "avtalar"}, {"saksframlegg", "saksframlegg"}, {"forsendingar", "forsendingar"}});
            std::size_t n = makeMunicipalDocuments(in, *occasion, documents(), knowledge(), municipal, staging);
            if (!o.quiet)
                err << "digivestland: per-municipality documents: " << n << " file(s) for " << in.kommunar.size()
                    << " municipalities in " << static_cast<long>(msSince(t1)) << " ms\n";
            if (municipal.dispatches) makeDispatchList(in, *occasion, o.inputs, o.templates, o.today, staging);
        }
        for (const auto& t : o.targets) {
            if (t != "oppfolging") continue;
            staging.attribute("oppfolging");
            std::size_t n = makeFollowUp(in, occasionFor(), o.inputs, documents(), o.today, staging);
            if (!o.quiet) err << "digivestland: oppfolging: " << n << " file(s)\n";
        }
        // Every target succeeded: complete the new tree, commit the ledger, switch the tree in.
        // Killed before the commit, nothing happened; between commit and switch, the ledger is
        // ahead of OUT and the next run makes the same files again from it.
        staging.seal(targetOfPath);
        testPause("sealed");
        std::vector<PendingInvoices> pending;
        for (const auto& [session, y] : invoicing) pending.push_back({session->path(), y});
        if (!pending.empty()) writePending(o.out, pending);
        for (auto& [path, session] : ledgers) session->commit();
        testPause("ledger-committed");
        staging.publish([] { testPause("switched"); });
        clearPending(o.out);
        for (const auto& r : staging.removed())
            err << "digivestland: removed " << o.out << "/" << r << " (its target no longer makes it)\n";
        if (!o.quiet)
            err << "digivestland: wrote " << staging.entries().size() << " file(s), kept " << staging.carried()
                << " of other targets, and manifest.json to " << o.out << " in " << static_cast<long>(msSince(t0)) << " ms\n";
        return kOk;
    } catch (const InputError& e) {
        err << e.diagnostics.format();
        err << "digivestland: " << e.diagnostics.size() << " error(s); nothing written\n";
        return kBadInput;
    } catch (const MoneyOverflow& e) {
        // Only inputs at the edge of their bounds get here (a rate indexed for 30 years at 50 %).
        err << "digivestland: the inputs make an amount too large to compute exactly (" << e.what()
            << "); nothing written\n";
        return kBadInput;
    } catch (const std::exception& e) {
        err << "digivestland: internal error: " << e.what() << "\n";
        return kInternal;
    }
}

}  // namespace dv::app
