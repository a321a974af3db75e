// OUT/manifest.json: every file of the OUT tree with its kind, the municipality it belongs to,
// the target that made it (e.g. "avtalar", "fakturaer 2026"), size and SHA-256, sorted by path.
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
    std::string target;  // the target (and year) that made it; "" for a file no target made
};

std::string manifestJson(const std::vector<ManifestEntry>& entries);

// The entries of a manifest file; nullopt when it is missing or not a manifest. Entries written
// before manifests named their target have target "".
std::optional<std::vector<ManifestEntry>> readManifest(const std::string& path);

}  // namespace dv::app
