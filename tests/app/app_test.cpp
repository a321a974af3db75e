#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/app.h"
#include "app_util.h"
#include "test_util.h"

using namespace dvtest;
using nlohmann::json;

namespace {

std::map<std::string, std::string> snapshot(const fs::path& dir) {
    std::map<std::string, std::string> files;
    if (!fs::exists(dir)) return files;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        files[fs::relative(e.path(), dir).string()] = e.is_regular_file() ? readFile(e.path()) : "<dir>";
    return files;
}

// Bytes of a string whose code points are all below 256, one byte each (to make invalid UTF-8).
std::string latin1(const std::string& utf8) {
    std::string out;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(utf8[i]);
        if (c < 0x80) out += static_cast<char>(c);
        else out += static_cast<char>(((c & 0x1F) << 6) | (static_cast<unsigned char>(utf8[++i]) & 0x3F));
    }
    return out;
}

}  // namespace

TEST_CASE("every malformed input gets its one-line error, exit 2, and leaves OUT untouched", "[app][bad-input]") {
    std::vector<fs::path> cases;
    for (const auto& e : fs::directory_iterator(fs::path(kSource) / "tests/data/bad"))
        if (e.path().extension() == ".json") cases.push_back(e.path());
    std::sort(cases.begin(), cases.end());
    REQUIRE(cases.size() >= 30);
    for (const auto& c : cases) {
        DYNAMIC_SECTION(c.filename().string()) {
            json spec = json::parse(readFile(c));
            TempDir tmp;
            fs::path in = tmp / "in", out = tmp / "out";
            copyInputs(in);
            fs::path target = in / spec["file"].get<std::string>();
            if (spec.contains("patch")) {
                json doc = json::parse(readFile(target));
                writeFile(target, doc.patch(spec["patch"]).dump(2));
            } else if (spec.contains("raw")) {
                writeFile(target, spec["raw"].get<std::string>());
            } else if (spec.contains("raw_latin1")) {
                writeFile(target, latin1(spec["raw_latin1"].get<std::string>()));
            } else if (spec.value("delete", false)) {
                fs::remove(target);
            }
            writeFile(out / "manifest.json", "[]\n");
            writeFile(out / "arbeidsbok/finansiering-2021.xlsx", "from an earlier run");
            auto before = snapshot(out);
            std::string err;
            std::vector<std::string> args = {"--inputs", in.string(), "--templates", kSource + "/templates",
                                             "--out", out.string(), "--year", "2021"};
            // "targets": a case about what only printed documents check (fonts); default the workbook
            for (const auto& t : spec.value("targets", json::array({"arbeidsbok"}))) args.push_back(t.get<std::string>());
            int code = runApp(args, err);
            CHECK(code == 2);
            std::string expect = spec["expect"].get<std::string>();
            for (std::size_t p; (p = expect.find("{dir}")) != std::string::npos;) expect.replace(p, 5, in.string());
            std::vector<std::string> lines;
            std::istringstream ls(err);
            for (std::string l; std::getline(ls, l);) lines.push_back(l);
            INFO("stderr:\n" << err);
            CHECK(std::find(lines.begin(), lines.end(), expect) != lines.end());
            // Every diagnostic line names the file it is about.
            for (std::size_t i = 0; i + 1 < lines.size(); ++i) CHECK(lines[i].rfind(in.string() + "/", 0) == 0);
            CHECK(snapshot(out) == before);
        }
    }
}

TEST_CASE("a run writes the workbook and a manifest that tells the truth", "[app]") {
    TempDir tmp;
    std::string err;
    fs::path out = tmp / "out";
    REQUIRE(runApp({"--inputs", kSource + "/inputs", "--templates", kSource + "/templates", "--out", out.string(),
                    "--year", "2021", "arbeidsbok"}, err) == 0);
    json manifest = json::parse(readFile(out / "manifest.json"));
    REQUIRE(manifest.size() == 1);
    CHECK(manifest[0]["path"] == "arbeidsbok/finansiering-2021.xlsx");
    CHECK(manifest[0]["kind"] == "arbeidsbok");
    std::string bytes = readFile(out / "arbeidsbok/finansiering-2021.xlsx");
    CHECK(manifest[0]["bytes"] == bytes.size());
    std::string sha = capture("sha256sum '" + (out / "arbeidsbok/finansiering-2021.xlsx").string() + "'");
    CHECK(sha.substr(0, 64) == manifest[0]["sha256"].get<std::string>());
    CHECK_FALSE(fs::exists(tmp / ".out.staging"));  // the new tree was switched in, nothing left beside OUT
    CHECK(err.find("arbeidsbok") != std::string::npos);

    SECTION("same inputs, byte-identical outputs") {
        TempDir again;
        REQUIRE(runApp({"--quiet", "--inputs", kSource + "/inputs", "--templates", kSource + "/templates", "--out",
                        again.str(), "--year", "2021", "arbeidsbok"}, err) == 0);
        CHECK(readFile(again / "arbeidsbok/finansiering-2021.xlsx") == bytes);
        CHECK(readFile(again / "manifest.json") == readFile(out / "manifest.json"));
    }
}

TEST_CASE("usage errors exit 2 with a hint; --help exits 0", "[app]") {
    std::string err;
    CHECK(runApp({"arbeidsbk"}, err) == 2);
    CHECK(err.find("unknown target \"arbeidsbk\" (did you mean \"arbeidsbok\"?)") != std::string::npos);
    CHECK(runApp({"--year", "21"}, err) == 2);
    CHECK(runApp({"--bogus"}, err) == 2);
    CHECK(runApp({"--help"}, err) == 0);
    CHECK(err.find("--inputs DIR") != std::string::npos);
}

TEST_CASE("a missing wording key fails the run, naming the template file and key", "[app][templates]") {
    TempDir tmp;
    fs::copy(kSource + "/templates", tmp / "templates", fs::copy_options::recursive);
    json labels = json::parse(readFile(tmp / "templates/nb/arbeidsbok.json"));
    labels.erase("kol.bidrag");
    writeFile(tmp / "templates/nb/arbeidsbok.json", labels.dump(2));
    std::string err;
    CHECK(runApp({"--inputs", kSource + "/inputs", "--templates", (tmp / "templates").string(), "--out",
                  (tmp / "out").string(), "arbeidsbok"}, err) == 2);
    CHECK(err.find((tmp / "templates/nb/arbeidsbok.json").string() + ": /kol.bidrag: missing text for \"kol.bidrag\"") !=
          std::string::npos);
    CHECK_FALSE(fs::exists(tmp / "out"));
}

TEST_CASE("a template error fails the run with file:line:col, and OUT keeps its old files", "[app][templates]") {
    TempDir tmp;
    fs::copy(kSource + "/templates", tmp / "templates", fs::copy_options::recursive);
    std::string md = readFile(tmp / "templates/nn/kunnskapsgrunnlag.md");
    std::size_t at = md.find("{{medlemstal}}");
    REQUIRE(at != std::string::npos);
    md.replace(at, 14, "{{medlemstall}}");
    writeFile(tmp / "templates/nn/kunnskapsgrunnlag.md", md);
    fs::create_directories(tmp / "out");
    writeFile(tmp / "out/gammal.txt", "frå ei tidlegare køyring");
    std::string err;
    CHECK(runApp({"--inputs", kSource + "/inputs", "--templates", (tmp / "templates").string(), "--out",
                  (tmp / "out").string(), "kunnskapsgrunnlag"}, err) == 2);
    // line:col of the tag, counted in the template itself (front matter included)
    const std::size_t line = static_cast<std::size_t>(std::count(md.begin(), md.begin() + static_cast<long>(at), '\n')) + 1;
    const std::size_t col = at - md.rfind('\n', at);
    CHECK(err.find("kunnskapsgrunnlag.md: " + std::to_string(line) + ":" + std::to_string(col) + ": unknown tag") != std::string::npos);
    CHECK(err.find("unknown tag \"{{medlemstall}}\": the view has no value \"medlemstall\" here (did you mean \"medlemstal\"?)") !=
          std::string::npos);
    CHECK(readFile(tmp / "out/gammal.txt") == "frå ei tidlegare køyring");
    CHECK_FALSE(fs::exists(tmp / "out/kunnskapsgrunnlag"));
}

TEST_CASE("the style file is checked: a missing font is located by JSON pointer", "[app][templates]") {
    TempDir tmp;
    fs::copy(kSource + "/templates", tmp / "templates", fs::copy_options::recursive);
    json style = json::parse(readFile(tmp / "templates/stil.json"));
    style["skrift"]["brodtekst_kursiv"] = "/usr/share/fonts/truetype/finst-ikkje/Mangler.ttf";
    writeFile(tmp / "templates/stil.json", style.dump(2));
    std::string err;
    CHECK(runApp({"--inputs", kSource + "/inputs", "--templates", (tmp / "templates").string(), "--out",
                  (tmp / "out").string(), "kunnskapsgrunnlag"}, err) == 2);
    CHECK(err.find("stil.json: /skrift/brodtekst_kursiv: file \"/usr/share/fonts/truetype/finst-ikkje/Mangler.ttf\" does not exist") !=
          std::string::npos);
}

TEST_CASE("issue 15: --out naming a file is a usage error, exit 2, and the file is untouched", "[app]") {
    TempDir tmp;
    writeFile(tmp / "not-a-dir", "keep me");
    std::string err;
    CHECK(runApp({"--inputs", kSource + "/inputs", "--out", (tmp / "not-a-dir").string(), "arbeidsbok"}, err) == 2);
    CHECK(err.find("is a file, not a directory") != std::string::npos);
    CHECK(readFile(tmp / "not-a-dir") == "keep me");
}
