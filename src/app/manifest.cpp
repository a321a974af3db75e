#include "app/manifest.h"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace dv::app {

std::string manifestJson(const std::vector<ManifestEntry>& entries) {
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (const auto& e : entries) {
        nlohmann::ordered_json j;
        j["path"] = e.path;
        j["kind"] = e.kind;
        if (e.kommunenummer) j["kommunenummer"] = *e.kommunenummer;
        if (!e.target.empty()) j["target"] = e.target;
        j["bytes"] = e.bytes;
        j["sha256"] = e.sha256;
        arr.push_back(j);
    }
    return arr.dump(2) + "\n";
}

std::optional<std::vector<ManifestEntry>> readManifest(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return std::nullopt;
    std::ostringstream ss;
    ss << f.rdbuf();
    nlohmann::json j = nlohmann::json::parse(ss.str(), nullptr, false);
    if (!j.is_array()) return std::nullopt;
    std::vector<ManifestEntry> out;
    for (const auto& e : j) {
        if (!e.is_object() || !e.contains("path") || !e["path"].is_string()) return std::nullopt;
        ManifestEntry m;
        m.path = e["path"].get<std::string>();
        if (e.contains("kind") && e["kind"].is_string()) m.kind = e["kind"].get<std::string>();
        if (e.contains("kommunenummer") && e["kommunenummer"].is_string()) m.kommunenummer = e["kommunenummer"].get<std::string>();
        if (e.contains("target") && e["target"].is_string()) m.target = e["target"].get<std::string>();
        if (e.contains("sha256") && e["sha256"].is_string()) m.sha256 = e["sha256"].get<std::string>();
        if (e.contains("bytes") && e["bytes"].is_number_unsigned()) m.bytes = e["bytes"].get<std::uintmax_t>();
        out.push_back(std::move(m));
    }
    return out;
}

}  // namespace dv::app
