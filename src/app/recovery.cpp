#include "app/recovery.h"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "app/manifest.h"

namespace fs = std::filesystem;

namespace dv::app {
namespace {

fs::path markerFor(const std::string& out) {
    fs::path p = fs::absolute(out).lexically_normal();
    if (!p.has_filename()) p = p.parent_path();
    return p.parent_path() / ("." + p.filename().string() + ".pending");
}

}  // namespace

void writePending(const std::string& out, const std::vector<PendingInvoices>& pending) {
    fs::path marker = markerFor(out), tmp = marker.string() + ".tmp";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        for (const auto& p : pending) f << p.year << ' ' << fs::absolute(p.ledger).lexically_normal().string() << '\n';
        f.close();
        if (!f) throw std::runtime_error("cannot write " + tmp.string());
    }
    fs::rename(tmp, marker);  // whole or not at all
}

void clearPending(const std::string& out) {
    std::error_code ec;
    fs::remove(markerFor(out), ec);
}

std::vector<PendingInvoices> readPending(const std::string& out) {
    std::vector<PendingInvoices> result;
    std::ifstream f(markerFor(out));
    for (std::string line; std::getline(f, line);) {
        std::istringstream ls(line);
        PendingInvoices p;
        if (ls >> p.year && ls.get() == ' ' && std::getline(ls, p.ledger) && !p.ledger.empty()) result.push_back(p);
    }
    return result;
}

bool ledgerAhead(ledger::Ledger& book, int year, const std::string& out) {
    std::set<std::string> listed;
    if (auto m = readManifest((fs::path(out) / "manifest.json").string()))
        for (const auto& e : *m) listed.insert(e.sha256);
    for (bool test : {false, true})
        for (const auto& inv : book.forYear(year, test))
            if (!listed.count(inv.pdfSha256) || !listed.count(inv.xmlSha256)) return true;
    return false;
}

}  // namespace dv::app
