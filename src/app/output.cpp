#include "app/output.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "core/sha256.h"

namespace fs = std::filesystem;

namespace dv::app {

static std::string readAll(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::ostringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

Staging::Staging(std::string outDir) : out_(std::move(outDir)) {
    createdOut_ = !fs::exists(out_);
    fs::create_directories(out_);
    staging_ = (fs::path(out_) / ".staging").string();
    fs::remove_all(staging_);
    fs::create_directories(staging_);
}

Staging::~Staging() {
    if (!committed_) {
        std::error_code ec;
        fs::remove_all(staging_, ec);
        // Leave OUT as it was: remove OUT itself only if this run created it empty.
        if (createdOut_ && fs::is_empty(out_, ec)) fs::remove(out_, ec);
    }
}

std::string Staging::pathFor(const std::string& relPath) {
    fs::path p = fs::path(staging_) / relPath;
    fs::create_directories(p.parent_path());
    return p.string();
}

void Staging::put(const std::string& relPath, const std::string& bytes, const std::string& kind,
                  std::optional<std::string> kommunenummer) {
    std::string path = pathFor(relPath);
    {
        std::ofstream f(path, std::ios::binary);
        f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!f) throw std::runtime_error("cannot write " + path);
    }
    entries_.push_back({relPath, kind, std::move(kommunenummer), bytes.size(), sha256Hex(bytes)});
}

void Staging::add(const std::string& relPath, const std::string& kind, std::optional<std::string> kommunenummer) {
    std::string bytes = readAll(pathFor(relPath));
    entries_.push_back({relPath, kind, std::move(kommunenummer), bytes.size(), sha256Hex(bytes)});
}

std::string manifestJson(const std::vector<ManifestEntry>& entries) {
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (const auto& e : entries) {
        nlohmann::ordered_json j;
        j["path"] = e.path;
        j["kind"] = e.kind;
        if (e.kommunenummer) j["kommunenummer"] = *e.kommunenummer;
        j["bytes"] = e.bytes;
        j["sha256"] = e.sha256;
        arr.push_back(j);
    }
    return arr.dump(2) + "\n";
}

void Staging::commit() {
    std::sort(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    {
        std::ofstream m(pathFor("manifest.json"), std::ios::binary);
        m << manifestJson(entries_);
        if (!m) throw std::runtime_error("cannot write manifest.json in " + staging_);
    }
    for (const auto& e : entries_) {
        fs::path dest = fs::path(out_) / e.path;
        fs::create_directories(dest.parent_path());
        fs::rename(fs::path(staging_) / e.path, dest);
    }
    fs::rename(fs::path(staging_) / "manifest.json", fs::path(out_) / "manifest.json");
    committed_ = true;
    fs::remove_all(staging_);
}

}  // namespace dv::app
