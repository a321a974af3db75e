// Shared helpers for tests: temporary directories, files, running commands.
#pragma once

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

namespace dvtest {

namespace fs = std::filesystem;

inline const std::string kSource = DV_SOURCE_DIR;

class TempDir {
public:
    TempDir() {
        std::random_device rd;
        path_ = fs::temp_directory_path() / ("dv-test-" + std::to_string(rd()) + std::to_string(rd()));
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    std::string str() const { return path_.string(); }
    fs::path operator/(const std::string& s) const { return path_ / s; }

private:
    fs::path path_;
};

inline std::string readFile(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::ostringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

inline void writeFile(const fs::path& p, const std::string& s) {
    fs::create_directories(p.parent_path());
    std::ofstream f(p, std::ios::binary);
    f << s;
}

inline std::string capture(const std::string& cmd) {
    std::string out;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return out;
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    pclose(p);
    return out;
}

inline void copyInputs(const fs::path& to) {
    fs::create_directories(to);
    for (const char* f : {"kommunar.json", "portefolje.json", "samarbeid.json"})
        fs::copy_file(fs::path(kSource) / "inputs" / f, to / f, fs::copy_options::overwrite_existing);
}

}  // namespace dvtest
