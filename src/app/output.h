// Outputs appear whole or not at all. A run builds a complete new OUT tree beside OUT
// (`.NAME.staging`): the files its targets make, plus, hard-linked from the current OUT, the files
// of targets it does not make. One renameat2(RENAME_EXCHANGE) then swaps the new tree in and the
// previous one (now at the staging path) is removed. Killed at any instant, OUT is wholly the old
// tree or wholly the new one; the next run removes what is left at the staging path. What a
// target made before and no longer makes (a municipality gone from the inputs) is not carried
// over: the run lists it as removed. OUT/manifest.json describes the whole tree.
//
// The caller holds the lock on OUT (app/run_lock.h) for the life of the object.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/manifest.h"

namespace dv::app {

class Staging {
public:
    // Removes a previous run's leftover staging tree and starts an empty one beside `outDir`.
    explicit Staging(std::string outDir);
    ~Staging();  // removes the staging tree if publish() did not run
    Staging(const Staging&) = delete;
    Staging& operator=(const Staging&) = delete;

    // This run makes `target`: its files in OUT are replaced by what the run puts, and those it
    // no longer puts are removed.
    void claim(const std::string& target);
    // Files added from now on belong to `target`; one whose path starts with a folder listed in
    // `byFolder` (e.g. "avtalar") belongs to that folder's target instead.
    void attribute(const std::string& target, std::map<std::string, std::string> byFolder = {});

    // Path in staging for `relPath`, creating parent directories.
    std::string pathFor(const std::string& relPath);
    // Records a file written at pathFor(relPath).
    void add(const std::string& relPath, const std::string& kind,
             std::optional<std::string> kommunenummer = std::nullopt);
    // Writes `bytes` at pathFor(relPath) and records it (throws std::runtime_error on failure);
    // returns the bytes' SHA-256 (hex), as recorded.
    std::string put(const std::string& relPath, const std::string& bytes, const std::string& kind,
             std::optional<std::string> kommunenummer = std::nullopt);

    // Completes the new tree: carries over the current OUT's files of unclaimed targets and
    // writes manifest.json. `targetOfPath` names the target of a file the current manifest does
    // not attribute (written by hand or by an earlier version), "" for none: such files are kept.
    void seal(const std::function<std::string(const std::string&)>& targetOfPath);
    // Swaps the sealed tree in as OUT in one step, calls `afterSwitch` (tests pause there), then
    // removes the previous tree.
    void publish(const std::function<void()>& afterSwitch = {});

    const std::vector<ManifestEntry>& entries() const { return entries_; }  // this run's files
    const std::vector<std::string>& removed() const { return removed_; }    // by seal(), relative to OUT
    std::size_t carried() const { return carried_; }
    bool clearedLeftover() const { return clearedLeftover_; }  // an interrupted run's tree was removed
    const std::string& out() const { return out_; }

private:
    void record(const std::string& relPath, const std::string& kind, std::optional<std::string> kommunenummer,
                std::uintmax_t bytes, std::string sha);
    std::string out_;
    std::string staging_;
    std::vector<ManifestEntry> entries_;
    std::vector<ManifestEntry> tree_;  // the whole new tree, after seal()
    std::vector<std::string> removed_;
    std::set<std::string> claimed_;
    std::string target_;
    std::map<std::string, std::string> byFolder_;
    std::size_t carried_ = 0;
    bool sealed_ = false, published_ = false, clearedLeftover_ = false;
};

}  // namespace dv::app
