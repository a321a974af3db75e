// The new OUT tree (app/output.h): other targets' files carried over, a target's stale files
// removed and listed, the manifest of the whole tree, leftovers of a killed run cleared, and the
// lock naming the run that holds it.
#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "app/output.h"
#include "app/run_lock.h"
#include "app/targets.h"
#include "core/diagnostic.h"
#include "test_util.h"

using namespace dvtest;
using nlohmann::json;

namespace {

void runTarget(const fs::path& out, const std::string& target, const std::vector<std::string>& files) {
    dv::app::Staging s(out.string());
    s.claim(target);
    s.attribute(target);
    for (const auto& f : files) s.put(f, "bytes of " + f + " by " + target, "test");
    s.seal(dv::app::targetOfPath);
    s.publish();
}

}  // namespace

TEST_CASE("a run replaces its targets' files, removes what they no longer make, keeps the rest", "[app][output]") {
    TempDir tmp;
    fs::path out = tmp / "out";
    runTarget(out, "avtalar", {"avtalar/avtale-4601-bergen.pdf", "avtalar/avtale-9999-borte.pdf"});
    runTarget(out, "fakturaer 2025", {"fakturaer/2025/faktura-1.pdf"});
    writeFile(out / "notat.txt", "put there by hand");
    writeFile(out / "saksframlegg/saksframlegg-9999-borte.pdf", "by a version without targets in its manifest");

    dv::app::Staging s(out.string());
    s.claim("avtalar");
    s.claim("saksframlegg");
    s.attribute("avtalar");
    s.put("avtalar/avtale-4601-bergen.pdf", "new agreement", "avtale", "4601");
    s.seal(dv::app::targetOfPath);
    CHECK(s.removed() == std::vector<std::string>{"avtalar/avtale-9999-borte.pdf", "saksframlegg/saksframlegg-9999-borte.pdf"});
    CHECK(s.carried() == 2);
    CHECK(readFile(out / "avtalar/avtale-9999-borte.pdf") != "");  // OUT untouched until the switch
    s.publish();

    CHECK(readFile(out / "avtalar/avtale-4601-bergen.pdf") == "new agreement");
    CHECK_FALSE(fs::exists(out / "avtalar/avtale-9999-borte.pdf"));
    CHECK_FALSE(fs::exists(out / "saksframlegg"));
    CHECK(readFile(out / "fakturaer/2025/faktura-1.pdf") == "bytes of fakturaer/2025/faktura-1.pdf by fakturaer 2025");
    CHECK(readFile(out / "notat.txt") == "put there by hand");
    json m = json::parse(readFile(out / "manifest.json"));
    REQUIRE(m.size() == 3);
    CHECK(m[0]["path"] == "avtalar/avtale-4601-bergen.pdf");
    CHECK(m[0]["target"] == "avtalar");
    CHECK(m[0]["kommunenummer"] == "4601");
    CHECK(m[1]["path"] == "fakturaer/2025/faktura-1.pdf");
    CHECK(m[1]["target"] == "fakturaer 2025");
    CHECK(m[2]["path"] == "notat.txt");
    CHECK(m[2]["kind"] == "annan");
    CHECK_FALSE(m[2].contains("target"));
    CHECK(m[2]["bytes"] == 17);
    CHECK_FALSE(fs::exists(tmp / ".out.staging"));
}

TEST_CASE("a failed run leaves OUT as it was; the next run clears what a killed one left", "[app][output]") {
    TempDir tmp;
    fs::path out = tmp / "out";
    runTarget(out, "avtalar", {"avtalar/a.pdf"});
    {
        dv::app::Staging s(out.string());
        s.claim("avtalar");
        s.attribute("avtalar");
        s.put("avtalar/b.pdf", "b", "avtale");
        CHECK(fs::exists(tmp / ".out.staging/avtalar/b.pdf"));
    }  // no publish: as if the run failed
    CHECK_FALSE(fs::exists(tmp / ".out.staging"));
    CHECK(fs::exists(out / "avtalar/a.pdf"));
    writeFile(tmp / ".out.staging/avtalar/half.pdf", "a killed run's");
    dv::app::Staging s(out.string());
    CHECK(s.clearedLeftover());
    CHECK_FALSE(fs::exists(tmp / ".out.staging/avtalar/half.pdf"));
}

TEST_CASE("targets by path, for files no manifest attributes", "[app][output]") {
    using dv::app::targetOfPath;
    CHECK(targetOfPath("arbeidsbok/finansiering-2021.xlsx") == "arbeidsbok 2021");
    CHECK(targetOfPath("fakturaer/2026/ehf/faktura-P202600001-4602-kinn.xml") == "fakturaer 2026");
    CHECK(targetOfPath("folgjebrev/folgjebrev-4602-kinn.pdf") == "hoyringspakkar");
    CHECK(targetOfPath("avtalar/avtale-4602-kinn.pdf") == "avtalar");
    CHECK(targetOfPath("notat.txt") == "");
    CHECK(targetOfPath("mine/notat.txt") == "");
    CHECK(dv::app::targetScope("fakturaer", 2026) == "fakturaer 2026");
    CHECK(dv::app::targetScope("avtalar", 2026) == "avtalar");
}

TEST_CASE("a second holder of a lock waits, then stops naming the first", "[app][output]") {
    TempDir tmp;
    std::string file = dv::app::lockFileBeside((tmp / "out").string());
    CHECK(file == (tmp / ".out.lock").string());
    dv::app::RunLock first(file, "out", "pid 1, started then: digivestland all", 0, nullptr);
    std::ostringstream notice;
    try {
        dv::app::RunLock second(file, "out", "pid 2", 1, &notice);
        FAIL("the second lock was taken");
    } catch (const dv::InputError& e) {
        CHECK(e.diagnostics.format() ==
              "out: in use by another run (pid 1, started then: digivestland all), waited 1 s; nothing was done "
              "(run again when it has finished, or wait longer with --vent SECONDS)\n");
    }
    CHECK(notice.str().find("waiting up to 1 s") != std::string::npos);
}
