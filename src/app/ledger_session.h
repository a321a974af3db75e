// The run's ledger, as the app holds it: the path resolved (the settings' ledger relative to
// samarbeid.json, created on first use; a --reskontro FILE must exist unless --ny-reskontro),
// locked against other runs, seller and series claimed, and one transaction open that the app
// commits only when every target has succeeded, just before OUT is switched in. Destroyed
// without commit() it rolls back, and a ledger this run created is removed again.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>

#include "app/run_lock.h"
#include "ledger/ledger.h"
#include "model/model.h"

namespace dv::app {

struct LedgerChoice {
    std::string path;        // --reskontro; empty: samarbeid.json /faktura/reskontro
    bool mayCreate = false;  // --ny-reskontro
    int waitSeconds = 0;     // --vent
    std::string holder;      // this run, for the lock file
};

class LedgerSession {
public:
    // Throws InputError (exit 2): a --reskontro FILE that does not exist, the ledger in use by
    // another run after the wait, another seller's ledger, another series.
    LedgerSession(const Inputs& in, const LedgerChoice& choice, std::ostream* notice);
    ~LedgerSession();
    LedgerSession(const LedgerSession&) = delete;
    LedgerSession& operator=(const LedgerSession&) = delete;

    ledger::Ledger& book() { return *book_; }
    const std::string& path() const { return path_; }
    void commit();

private:
    void open(const Inputs& in);
    void discard();
    std::string path_;
    bool created_ = false, committed_ = false;
    std::unique_ptr<RunLock> lock_;
    std::unique_ptr<ledger::Ledger> book_;
};

// The ledger `choice` names: --reskontro as given (refused with InputError when it does not exist
// and may not be created), else the settings' ledger relative to samarbeid.json.
std::string resolveLedgerPath(const Inputs& in, const LedgerChoice& choice);

// How a ledger's numbers and KIDs are made under these settings: "YYYYNNNNN per year, test
// PYYYYNNNNN, KID MOD10".
std::string seriesOf(const Settings& s);

}  // namespace dv::app
