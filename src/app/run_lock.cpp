#include "app/run_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <ostream>
#include <stdexcept>
#include <thread>

#include "core/diagnostic.h"

namespace fs = std::filesystem;

namespace dv::app {
namespace {

std::string readHolder(int fd) {
    std::string s;
    char buf[512];
    ssize_t n = pread(fd, buf, sizeof buf, 0);
    if (n > 0) s.assign(buf, static_cast<std::size_t>(n));
    while (!s.empty() && (s.back() == '\n' || s.back() == '\0')) s.pop_back();
    return s;
}

// The holder writes its line just after taking the lock: give it a moment.
std::string holderOf(int fd) {
    std::string other = readHolder(fd);
    for (int i = 0; other.empty() && i < 20; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        other = readHolder(fd);
    }
    return other.empty() ? "process unknown" : other;
}

void writeHolder(int fd, const std::string& holder) {
    std::string line = holder + "\n";
    if (ftruncate(fd, 0) != 0 || pwrite(fd, line.data(), line.size(), 0) != static_cast<ssize_t>(line.size()))
        throw std::runtime_error(std::string("cannot write the lock file: ") + std::strerror(errno));
}

}  // namespace

std::string lockFileBeside(const std::string& dir) {
    fs::path p = fs::absolute(dir).lexically_normal();
    if (!p.has_filename()) p = p.parent_path();
    return (p.parent_path() / ("." + p.filename().string() + ".lock")).string();
}

std::string describeThisRun(const std::string& commandLine) {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char when[32];
    std::strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S UTC", &tm);
    return "pid " + std::to_string(getpid()) + ", started " + when + ": " + commandLine;
}

RunLock::RunLock(const std::string& lockFile, const std::string& what, const std::string& holder, int waitSeconds,
                 std::ostream* notice) {
    fs::path p(lockFile);
    if (p.has_parent_path()) fs::create_directories(p.parent_path());
    fd_ = open(lockFile.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw std::runtime_error(lockFile + ": cannot open the lock file: " + std::strerror(errno));
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(waitSeconds);
    for (;;) {
        if (flock(fd_, LOCK_EX | LOCK_NB) == 0) break;
        if (errno != EWOULDBLOCK && errno != EINTR) {
            int e = errno;
            close(fd_);
            throw std::runtime_error(lockFile + ": cannot lock: " + std::strerror(e));
        }
        if (!waited_ && notice && waitSeconds > 0)
            *notice << "digivestland: " << what << " is in use by another run (" << holderOf(fd_)
                    << "); waiting up to " << waitSeconds << " s\n";
        waited_ = true;
        if (std::chrono::steady_clock::now() >= deadline) {
            std::string other = holderOf(fd_);
            if (flock(fd_, LOCK_EX | LOCK_NB) == 0) break;  // it finished meanwhile
            close(fd_);
            fd_ = -1;
            Diagnostics d;
            d.add(what, "", "in use by another run (" + other + "), waited " +
                                std::to_string(waitSeconds) + " s; nothing was done",
                  "run again when it has finished, or wait longer with --vent SECONDS");
            throw InputError{d};
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    writeHolder(fd_, holder);
}

RunLock::~RunLock() {
    if (fd_ < 0) return;
    [[maybe_unused]] int rc = ftruncate(fd_, 0);  // the holder is gone; a stale line would only mislead
    close(fd_);  // closing the last descriptor releases the flock
}

}  // namespace dv::app
