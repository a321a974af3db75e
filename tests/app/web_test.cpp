// The web edition beside the knowledge base's PDFs (issue 11): kind, names, målformer, the link to
// the PDF, and a missing word of html.json located like every wording error.
#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "app/app.h"
#include "app_util.h"
#include "test_util.h"

using namespace dvtest;
using nlohmann::json;

TEST_CASE("issue 11: kunnskapsgrunnlag writes an HTML edition beside each PDF, kind kunnskapsgrunnlag-html", "[app][html]") {
    TempDir tmp;
    std::string err;
    fs::path out = tmp / "out";
    REQUIRE(runApp({"--quiet", "--inputs", kSource + "/inputs", "--templates", kSource + "/templates", "--out", out.string(),
                    "kunnskapsgrunnlag"}, err) == 0);
    std::map<std::string, std::string> kinds;
    for (const auto& e : json::parse(readFile(out / "manifest.json"))) kinds[e["path"]] = e["kind"];
    // the shared målform (bokmål) has the plain name, as the PDF
    CHECK(kinds["kunnskapsgrunnlag/kunnskapsgrunnlag-2021.html"] == "kunnskapsgrunnlag-html");
    CHECK(kinds["kunnskapsgrunnlag/kunnskapsgrunnlag-2021-nn.html"] == "kunnskapsgrunnlag-html");
    std::string nb = readFile(out / "kunnskapsgrunnlag/kunnskapsgrunnlag-2021.html");
    std::string nn = readFile(out / "kunnskapsgrunnlag/kunnskapsgrunnlag-2021-nn.html");
    CHECK(nb.find("<html lang=\"nb\">") != std::string::npos);
    CHECK(nn.find("<html lang=\"nn\">") != std::string::npos);
    CHECK(nb.find("<a href=\"kunnskapsgrunnlag-2021.pdf\">") != std::string::npos);
    CHECK(nn.find("<a href=\"kunnskapsgrunnlag-2021-nn.pdf\">") != std::string::npos);
    CHECK(nn.find(">Hopp til hovudinnhaldet</a>") != std::string::npos);
    CHECK(nb.find(">Hopp til hovedinnholdet</a>") != std::string::npos);
    // the figures as the PDF has them: each an inline SVG named by its caption and alternative
    // text, with its caption; the list of figures links to each
    for (const std::string* page : {&nb, &nn}) {
        int figures = 0;
        for (std::size_t at = page->find("<figure id=\"figur-"); at != std::string::npos; at = page->find("<figure id=\"figur-", at + 1)) {
            ++figures;
            const std::string n = page->substr(at + 18, page->find('"', at + 18) - at - 18);
            const std::string fig = page->substr(at, page->find("</figure>", at) - at);
            CHECK(fig.find("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"") != std::string::npos);
            CHECK(fig.find("aria-labelledby=\"figur-" + n + "-tittel figur-" + n + "-skildring\"") != std::string::npos);
            CHECK(fig.find("<desc id=\"figur-" + n + "-skildring\">") != std::string::npos);
            CHECK(fig.find("<figcaption><strong>Figur " + n + ".</strong> ") != std::string::npos);
            CHECK(page->find("<li><a href=\"#figur-" + n + "\">Figur " + n + ". ") != std::string::npos);
        }
        CHECK(figures >= 6);
    }
}

TEST_CASE("issue 11: a word missing from html.json fails the run, naming the file and key", "[app][html]") {
    TempDir tmp;
    fs::copy(kSource + "/templates", tmp / "templates", fs::copy_options::recursive);
    json words = json::parse(readFile(tmp / "templates/nn/html.json"));
    words.erase("innhald");
    writeFile(tmp / "templates/nn/html.json", words.dump(2));
    std::string err;
    CHECK(runApp({"--inputs", kSource + "/inputs", "--templates", (tmp / "templates").string(), "--out",
                  (tmp / "out").string(), "kunnskapsgrunnlag"}, err) == 2);
    CHECK(err.find((tmp / "templates/nn/html.json").string() + ": /innhald: missing: the web edition needs this text") !=
          std::string::npos);
    CHECK_FALSE(fs::exists(tmp / "out"));
}
