// The run's promises at the command line (issue 15): a ledger keeps one series, a held ledger
// is named, OUT may not hold what the run reads. (SIGKILL and two runs at once:
// tests/app/kill_test.py.)
#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "app/app.h"
#include "app/run_lock.h"
#include "ledger/ledger.h"
#include "app_util.h"
#include "test_util.h"

using namespace dvtest;
using nlohmann::json;

namespace {

std::vector<std::string> invoiceArgs(const fs::path& in, const fs::path& out, const fs::path& ledger) {
    return {"--quiet", "--inputs", in.string(), "--templates", kSource + "/templates", "--out", out.string(),
            "--reskontro", ledger.string(), "--ny-reskontro", "--year", "2021", "fakturaer"};
}

}  // namespace

TEST_CASE("a ledger keeps one series: settings that would number or KID another way are refused", "[app][ledger]") {
    TempDir tmp;
    copyInputs(tmp / "in");
    std::string err;
    REQUIRE(runApp(invoiceArgs(tmp / "in", tmp / "out", tmp / "ledger.sqlite"), err) == 0);
    json s = json::parse(readFile(tmp / "in/samarbeid.json"));
    s["faktura"]["kid"] = "MOD11";
    writeFile(tmp / "in/samarbeid.json", s.dump(2));
    std::string manifest = readFile(tmp / "out/manifest.json");
    CHECK(runApp(invoiceArgs(tmp / "in", tmp / "out", tmp / "ledger.sqlite"), err) == 2);
    CHECK(err.find((tmp / "ledger.sqlite").string() +
                   ": the ledger holds the series \"YYYYNNNNN per year, test PYYYYNNNNN, KID MOD10\", the settings make "
                   "\"YYYYNNNNN per year, test PYYYYNNNNN, KID MOD11\" (" + (tmp / "in").string() +
                   "/samarbeid.json /faktura/kid) (a ledger keeps one series; start a new one with --reskontro FILE "
                   "--ny-reskontro)\n") != std::string::npos);
    CHECK(readFile(tmp / "out/manifest.json") == manifest);
    dv::ledger::Ledger book((tmp / "ledger.sqlite").string());
    CHECK(book.forYear(2021, true).size() == 42);
}

TEST_CASE("a ledger another run holds: exit 2 naming that run", "[app][ledger]") {
    TempDir tmp;
    copyInputs(tmp / "in");
    fs::path ledger = tmp / "ledger.sqlite";
    dv::app::RunLock other(ledger.string() + ".lock", "the ledger", "pid 4711, started 2026-12-02 18:50:01 UTC: digivestland all", 0,
                           nullptr);
    std::vector<std::string> args = invoiceArgs(tmp / "in", tmp / "out", ledger);
    args.insert(args.begin(), {"--vent", "0"});
    std::string err;
    CHECK(runApp(args, err) == 2);
    CHECK(err.find("the ledger " + ledger.string() +
                   ": in use by another run (pid 4711, started 2026-12-02 18:50:01 UTC: digivestland all), waited 0 s; "
                   "nothing was done") != std::string::npos);
    CHECK(err.find("internal error") == std::string::npos);
    CHECK_FALSE(fs::exists(tmp / "out"));
    CHECK_FALSE(fs::exists(ledger));
}

TEST_CASE("usage: --vent needs seconds, --out may not hold the inputs", "[app]") {
    TempDir tmp;
    std::string err;
    CHECK(runApp({"--vent", "soon"}, err) == 2);
    CHECK(err.find("--vent expects a number of seconds, got \"soon\"") != std::string::npos);
    copyInputs(tmp / "in");
    CHECK(runApp({"--inputs", (tmp / "in").string(), "--out", tmp.str()}, err) == 2);
    CHECK(err.find("--out " + tmp.str() + " holds the inputs") != std::string::npos);
    CHECK(runApp({"--out", "."}, err) == 2);
    CHECK(err.find("--out . holds ") != std::string::npos);
}
