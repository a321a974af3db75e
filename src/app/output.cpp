#include "app/output.h"

#include <fcntl.h>
#include <stdio.h>  // renameat2, RENAME_EXCHANGE (glibc, Linux)

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/sha256.h"

namespace fs = std::filesystem;

namespace dv::app {
namespace {

std::string readAll(const fs::path& path) {
    std::ifstream f(path, std::ios::binary);
    std::ostringstream ss;
    ss << f.rdbuf();
    if (!f && !f.eof()) throw std::runtime_error("cannot read " + path.string());
    return ss.str();
}

// OUT as a plain directory path: absolute, no trailing separator, symlinks followed, so the
// switch swaps the directory itself.
fs::path resolveOut(const std::string& out) {
    fs::path p = fs::absolute(out).lexically_normal();
    if (!p.has_filename()) p = p.parent_path();
    if (fs::is_symlink(p)) p = fs::canonical(p);
    return p;
}

fs::path besideOut(const fs::path& out, const std::string& suffix) {
    return out.parent_path() / ("." + out.filename().string() + suffix);
}

void linkOrCopy(const fs::path& from, const fs::path& to) {
    fs::create_directories(to.parent_path());
    std::error_code ec;
    fs::create_hard_link(from, to, ec);
    if (ec) fs::copy_file(from, to, fs::copy_options::overwrite_existing);
}

}  // namespace

Staging::Staging(std::string outDir) {
    fs::path out = resolveOut(outDir);
    out_ = out.string();
    fs::path staging = besideOut(out, ".staging"), old = besideOut(out, ".old");
    fs::create_directories(out.parent_path());
    // A switch without RENAME_EXCHANGE (see publish) moves OUT aside first: if the run died
    // right there, the previous tree is put back.
    if (fs::exists(old)) {
        if (!fs::exists(out)) fs::rename(old, out);
        else fs::remove_all(old);
        clearedLeftover_ = true;
    }
    if (fs::exists(staging)) {
        fs::remove_all(staging);
        clearedLeftover_ = true;
    }
    if (fs::exists(out) && !fs::is_directory(out)) throw std::runtime_error(out_ + " is not a directory");
    fs::create_directory(staging);
    staging_ = staging.string();
}

Staging::~Staging() {
    if (!published_) {
        std::error_code ec;
        fs::remove_all(staging_, ec);
    }
}

void Staging::claim(const std::string& target) { claimed_.insert(target); }

void Staging::attribute(const std::string& target, std::map<std::string, std::string> byFolder) {
    target_ = target;
    byFolder_ = std::move(byFolder);
}

std::string Staging::pathFor(const std::string& relPath) {
    fs::path p = fs::path(staging_) / relPath;
    fs::create_directories(p.parent_path());
    return p.string();
}

void Staging::record(const std::string& relPath, const std::string& kind, std::optional<std::string> kommunenummer,
                     std::uintmax_t bytes, std::string sha) {
    auto f = byFolder_.find(relPath.substr(0, relPath.find('/')));
    entries_.push_back({relPath, kind, std::move(kommunenummer), bytes, std::move(sha), f == byFolder_.end() ? target_ : f->second});
}

std::string Staging::put(const std::string& relPath, const std::string& bytes, const std::string& kind,
                         std::optional<std::string> kommunenummer) {
    std::string path = pathFor(relPath);
    {
        std::ofstream f(path, std::ios::binary);
        f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!f) throw std::runtime_error("cannot write " + path);
    }
    std::string sha = sha256Hex(bytes);
    record(relPath, kind, std::move(kommunenummer), bytes.size(), sha);
    return sha;
}

void Staging::add(const std::string& relPath, const std::string& kind, std::optional<std::string> kommunenummer) {
    std::string bytes = readAll(pathFor(relPath));
    record(relPath, kind, std::move(kommunenummer), bytes.size(), sha256Hex(bytes));
}

void Staging::seal(const std::function<std::string(const std::string&)>& targetOfPath) {
    tree_ = entries_;
    std::set<std::string> made;
    for (const auto& e : entries_) made.insert(e.path);
    if (fs::is_directory(out_)) {
        std::map<std::string, ManifestEntry> known;
        if (auto m = readManifest((fs::path(out_) / "manifest.json").string()))
            for (auto& e : *m) known[e.path] = std::move(e);
        std::vector<std::string> files;
        for (const auto& f : fs::recursive_directory_iterator(out_))
            if (f.is_regular_file()) files.push_back(fs::relative(f.path(), out_).generic_string());
        std::sort(files.begin(), files.end());
        for (const std::string& rel : files) {
            // the manifest is written anew; `.staging` is where versions before this one staged
            if (rel == "manifest.json" || rel.rfind(".staging/", 0) == 0 || made.count(rel)) continue;
            auto k = known.find(rel);
            ManifestEntry e = k != known.end() ? k->second : ManifestEntry{rel, "annan", std::nullopt, 0, "", ""};
            if (e.target.empty()) e.target = targetOfPath(rel);
            if (claimed_.count(e.target)) {
                removed_.push_back(rel);
                continue;
            }
            linkOrCopy(fs::path(out_) / rel, fs::path(staging_) / rel);
            std::string bytes = readAll(fs::path(staging_) / rel);
            e.bytes = bytes.size();
            e.sha256 = sha256Hex(bytes);
            tree_.push_back(std::move(e));
            ++carried_;
        }
    }
    std::sort(tree_.begin(), tree_.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    std::ofstream m(pathFor("manifest.json"), std::ios::binary);
    m << manifestJson(tree_);
    m.close();
    if (!m) throw std::runtime_error("cannot write manifest.json in " + staging_);
    sealed_ = true;
}

void Staging::publish(const std::function<void()>& afterSwitch) {
    if (!sealed_) throw std::logic_error("Staging::publish before seal");
    fs::path out(out_), staging(staging_);
    if (!fs::exists(out)) {
        if (renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, out_.c_str(), RENAME_NOREPLACE) != 0)
            throw std::runtime_error("cannot move " + staging_ + " to " + out_ + ": " + std::strerror(errno));
        published_ = true;
        if (afterSwitch) afterSwitch();
        return;
    }
    if (renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, out_.c_str(), RENAME_EXCHANGE) != 0) {
        if (errno != EINVAL && errno != ENOSYS)
            throw std::runtime_error("cannot switch " + staging_ + " in as " + out_ + ": " + std::strerror(errno));
        // A file system without RENAME_EXCHANGE: two renames; OUT is briefly absent, never mixed,
        // and the constructor of the next run puts the previous tree back if we die in between.
        fs::path old = besideOut(out, ".old");
        fs::rename(out, old);
        fs::rename(staging, out);
        published_ = true;
        if (afterSwitch) afterSwitch();
        fs::remove_all(old);
        return;
    }
    published_ = true;
    if (afterSwitch) afterSwitch();
    fs::remove_all(staging);  // now the previous tree
}

}  // namespace dv::app
