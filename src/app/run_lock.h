// One run at a time: an exclusive flock(2) on a lock file, held for the life of the object and
// released by the kernel when the process ends in any way (SIGKILL included), so a lock is never
// left stale. The holder writes its pid, start time and command line into the file, so a second
// run can name the run it waits for. Lock files live beside what they guard (OUT's beside OUT,
// not inside it, so the atomic switch of OUT's tree never swaps a lock away).
#pragma once

#include <iosfwd>
#include <string>

namespace dv::app {

class RunLock {
public:
    // Takes the lock on `lockFile` (creating it and its directory), waiting at most `waitSeconds`.
    // `what` names the guarded thing in messages ("OUT outputs", "the ledger …"). `holder` is what
    // this run records about itself. While it waits it says so once on `notice` (if given).
    // Throws InputError (exit 2) naming the other run's process when the wait ends without the
    // lock; std::runtime_error when the file cannot be opened.
    RunLock(const std::string& lockFile, const std::string& what, const std::string& holder, int waitSeconds,
            std::ostream* notice);
    ~RunLock();
    RunLock(const RunLock&) = delete;
    RunLock& operator=(const RunLock&) = delete;

    // True when the lock was taken only after waiting for another run.
    bool waited() const { return waited_; }

private:
    int fd_ = -1;
    bool waited_ = false;
};

// What a run records about itself in a lock file: "pid 123, started 2026-12-02 18:50:01 UTC:
// digivestland --year 2026 fakturaer". The start time is the clock's, which never reaches an output.
std::string describeThisRun(const std::string& commandLine);

// The lock file guarding directory `dir`: `.NAME.lock` beside it.
std::string lockFileBeside(const std::string& dir);

}  // namespace dv::app
