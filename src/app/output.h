// Outputs appear whole or not at all: files are written into a staging directory inside OUT
// and moved into place only when the whole run succeeded; then the manifest is written.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dv::app {

struct ManifestEntry {
    std::string path;  // relative to OUT
    std::string kind;
    std::optional<std::string> kommunenummer;
    std::uintmax_t bytes = 0;
    std::string sha256;
};

class Staging {
public:
    explicit Staging(std::string outDir);
    ~Staging();  // removes the staging directory if commit() did not run
    Staging(const Staging&) = delete;
    Staging& operator=(const Staging&) = delete;

    // Absolute-or-relative path in staging for `relPath`, creating parent directories.
    std::string pathFor(const std::string& relPath);
    // Records a file written at pathFor(relPath).
    void add(const std::string& relPath, const std::string& kind,
             std::optional<std::string> kommunenummer = std::nullopt);
    // Writes `bytes` at pathFor(relPath) and records it (throws std::runtime_error on failure).
    void put(const std::string& relPath, const std::string& bytes, const std::string& kind,
             std::optional<std::string> kommunenummer = std::nullopt);
    // Moves every file into OUT and writes OUT/manifest.json (sorted by path).
    void commit();
    const std::vector<ManifestEntry>& entries() const { return entries_; }

private:
    std::string out_;
    std::string staging_;
    std::vector<ManifestEntry> entries_;
    bool committed_ = false;
    bool createdOut_ = false;
};

std::string manifestJson(const std::vector<ManifestEntry>& entries);

}  // namespace dv::app
