#include "app/ledger_session.h"

#include <filesystem>

#include "core/diagnostic.h"

namespace fs = std::filesystem;

namespace dv::app {

std::string seriesOf(const Settings& s) { return "YYYYNNNNN per year, test PYYYYNNNNN, KID " + s.kidMethod; }

std::string resolveLedgerPath(const Inputs& in, const LedgerChoice& choice) {
    if (choice.path.empty())
        return (fs::path(in.settingsFile).parent_path() / in.settings.ledgerPath).lexically_normal().string();
    if (!fs::exists(choice.path) && !choice.mayCreate) {
        Diagnostics diags;
        diags.add("--reskontro", "", "the ledger " + choice.path + " does not exist; check the path, or give --ny-reskontro to start a new ledger there");
        throw InputError{diags};
    }
    return choice.path;
}

LedgerSession::LedgerSession(const Inputs& in, const LedgerChoice& choice, std::ostream* notice) {
    path_ = resolveLedgerPath(in, choice);
    lock_ = std::make_unique<RunLock>(path_ + ".lock", "the ledger " + path_, choice.holder, choice.waitSeconds, notice);
    created_ = !fs::exists(path_);
    try {
        open(in);
    } catch (...) {
        discard();
        throw;
    }
}

void LedgerSession::open(const Inputs& in) {
    const Settings& s = in.settings;
    Diagnostics diags;
    book_ = std::make_unique<ledger::Ledger>(path_);
    book_->begin();  // the claims below are part of the run: a failed run leaves no trace
    if (auto other = book_->claimSeller(s.host.orgnr))
        diags.add(path_, "", "the ledger belongs to the seller " + *other + ", not to " + s.host.orgnr + " (" + in.settingsFile +
                                 " /vertskommune/organisasjonsnummer)");
    else if (auto series = book_->claimSeries(seriesOf(s)))
        diags.add(path_, "", "the ledger holds the series \"" + *series + "\", the settings make \"" + seriesOf(s) + "\" (" +
                                 in.settingsFile + " /faktura/kid)",
                  "a ledger keeps one series; start a new one with --reskontro FILE --ny-reskontro");
    if (!diags.empty()) throw InputError{diags};
}

LedgerSession::~LedgerSession() { discard(); }

void LedgerSession::discard() {
    book_.reset();  // rolls back an open transaction
    if (created_ && !committed_) {
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path_ + suffix, ec);
    }
}

void LedgerSession::commit() {
    book_->commit();
    committed_ = true;
}

}  // namespace dv::app
