// The HTML backend (issue 11): escaping, heading ids and levels, tables, language runs, the
// contents list's links, and the same bytes for the same tree; then the knowledge base itself.
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "app/documents.h"
#include "backends/html/escape.h"
#include "backends/html/html.h"
#include "backends/html/ids.h"
#include "input/inputs.h"
#include "report/knowledge_view.h"
#include "templates/template.h"

using namespace dv;

namespace {

std::vector<std::string> all(const std::string& text, const std::string& pattern) {
    std::vector<std::string> out;
    std::regex re(pattern);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
        out.push_back((*it)[1].str());
    return out;
}

html::Page page(const std::string& lang = "nn") {
    return {lang, {"Hopp til hovudinnhaldet", "Innhald", "Som PDF"}, "dokument.pdf"};
}

doc::Document parse(const std::string& md) {
    Diagnostics d;
    auto doc = tmpl::parseMarkdown("t.md", md, d);
    INFO(d.format());
    REQUIRE(doc);
    doc::numberHeadings(*doc, 3);
    return *doc;
}

const char* kSample =
    "---\ntittel: Rapport <om> «A & B»\nundertittel: Undertittel\nsidefot: Fot\n---\n"
    "Innleiande avsnitt med <span lang=\"nb\">*Hvordan jobbe*</span> og [lenkje](https://example.org/?a=1&b=2).\n\n"
    "## Logg {-}\n\n| Versjon | Dato |\n|---|--:|\n| 1.0 | 9. mai |\n\n"
    "# Innhald {-}\n\n<!-- innhald -->\n\n# Innleiing\n\n## Bakgrunn\n\nTekst.\n\n## Bakgrunn\n\n- ein\n- to\n\n"
    "# Kjelder\n\n1. første\n2. andre\n";

// The first heading is an h1 (the only one, unless the page has no title) and every heading
// after it is at most one level deeper than the one before it.
void checkLevels(const std::string& out, bool oneH1 = true) {
    auto levels = all(out, "<h([1-6])");
    REQUIRE_FALSE(levels.empty());
    CHECK(levels[0] == "1");
    if (oneH1) CHECK(std::count(levels.begin(), levels.end(), "1") == 1);
    for (std::size_t i = 1; i < levels.size(); ++i) {
        INFO("heading " << i);
        CHECK(std::stoi(levels[i]) <= std::stoi(levels[i - 1]) + 1);
    }
}

// Ids unique, and every "#…" link names one of them.
void checkLinks(const std::string& out) {
    auto ids = all(out, "id=\"([^\"]+)\"");
    std::set<std::string> unique(ids.begin(), ids.end());
    CHECK(unique.size() == ids.size());
    auto targets = all(out, "href=\"#([^\"]+)\"");
    CHECK_FALSE(targets.empty());
    for (const auto& t : targets) {
        INFO("link to #" << t);
        CHECK(unique.count(t));
    }
}

}  // namespace

TEST_CASE("html: text and attributes are escaped") {
    CHECK(html::escapeText("a<b>&\"c\"") == "a&lt;b&gt;&amp;\"c\"");
    CHECK(html::escapeAttribute("a<b>&\"c\"") == "a&lt;b&gt;&amp;&quot;c&quot;");
    CHECK(html::escapeText("æøå – §") == "æøå – §");
    std::string out = html::writeHtml(parse(kSample), Style{}, page());
    CHECK(out.find("<title>Rapport &lt;om&gt; «A &amp; B»</title>") != std::string::npos);
    CHECK(out.find("href=\"https://example.org/?a=1&amp;b=2\"") != std::string::npos);
}

TEST_CASE("html: heading ids are ASCII slugs of number and text, unique on the page") {
    CHECK(html::slug("2.1 Vedtak i KS-landstinget") == "2-1-vedtak-i-ks-landstinget");
    CHECK(html::slug("1.5 Aktørar – Æ og Å") == "1-5-aktorar-ae-og-a");
    CHECK(html::slug("«»").empty());
    html::Ids ids;
    ids.reserve("main");
    CHECK(ids.make("Kjelder") == "kjelder");
    CHECK(ids.make("Kjelder") == "kjelder-2");
    CHECK(ids.make("Main") == "main-2");
    CHECK(ids.make("«»") == "h");
}

TEST_CASE("html: one h1 (the title), heading levels without gaps, contents links to every listed heading") {
    std::string out = html::writeHtml(parse(kSample), Style{}, page());
    checkLevels(out);
    checkLinks(out);
    CHECK(out.find("<h1>Rapport &lt;om&gt; «A &amp; B»</h1>") != std::string::npos);
    CHECK(out.find("<h2 id=\"logg\">Logg</h2>") != std::string::npos);  // "##" before any "#": h2, not h3
    CHECK(out.find("<h2 id=\"1-innleiing\">1 Innleiing</h2>") != std::string::npos);
    CHECK(out.find("<h3 id=\"1-2-bakgrunn\">1.2 Bakgrunn</h3>") != std::string::npos);
    CHECK(out.find("<nav aria-labelledby=\"innhald\">\n<h2 id=\"innhald\">Innhald</h2>") != std::string::npos);
    CHECK(all(out, "<li><a href=\"#([^\"]+)\"").size() == 4);  // 1, 1.1, 1.2, 2
}

TEST_CASE("html: landmarks, skip link, language, no script") {
    std::string out = html::writeHtml(parse(kSample), Style{}, page("nb"));
    CHECK(out.rfind("<!DOCTYPE html>\n<html lang=\"nb\">\n<head>\n<meta charset=\"utf-8\">", 0) == 0);
    for (const char* tag : {"<header>", "<main id=\"main\">", "<nav ", "<footer>", "<style>"})
        CHECK(out.find(tag) != std::string::npos);
    CHECK(out.find("<a class=\"skip\" href=\"#main\">Hopp til hovudinnhaldet</a>") != std::string::npos);
    CHECK(out.find("<a href=\"dokument.pdf\">Som PDF</a>") != std::string::npos);
    CHECK(out.find("<script") == std::string::npos);
    CHECK(out.find("<span lang=\"nb\"><em>Hvordan jobbe</em></span>") != std::string::npos);
}

TEST_CASE("html: tables with column header cells, lists as lists, same tree same bytes") {
    doc::Document d = parse(kSample);
    std::string out = html::writeHtml(d, Style{}, page());
    // "Versjon" holds only numbers: right-aligned as in the PDF; "Dato" is right-aligned by its "--:"
    CHECK(out.find("<thead>\n<tr><th scope=\"col\" class=\"right\">Versjon</th><th scope=\"col\" class=\"right\">Dato</th></tr>\n</thead>") !=
          std::string::npos);
    CHECK(out.find("<td class=\"right\">9. mai</td>") != std::string::npos);
    CHECK(html::writeHtml(parse("| A | B |\n|---|---|\n| x | 1 234 |\n| y | – |\n"), Style{}, page())
              .find("<tr><td>x</td><td class=\"right\">1 234</td></tr>") != std::string::npos);
    CHECK(out.find("<ul>\n<li>ein</li>\n<li>to</li>\n</ul>") != std::string::npos);
    CHECK(out.find("<ol>\n<li>første</li>") != std::string::npos);
    CHECK(html::writeHtml(parse(kSample), Style{}, page()) == out);
}

TEST_CASE("html: a contents list with no heading before it is labelled from html.json; no title, the shallowest headings are h1") {
    std::string out = html::writeHtml(parse("<!-- innhald -->\n\n## Første\n\n### Under\n\n## Andre\n\n> ## I sitat\n"), Style{}, page());
    CHECK(out.find("<nav aria-label=\"Innhald\">") != std::string::npos);
    checkLevels(out, false);
    checkLinks(out);
    CHECK(out.find("<h1 id=\"1-forste\">1 Første</h1>") != std::string::npos);
    CHECK(out.find("<h2 id=\"1-1-under\">1.1 Under</h2>") != std::string::npos);
    CHECK(out.find("<h1 id=\"2-andre\">2 Andre</h1>") != std::string::npos);  // as "Første": same level, same element
    CHECK(out.find("<blockquote>\n<h2>I sitat</h2>") != std::string::npos);  // one below its section (h1)
}

TEST_CASE("html: the knowledge base in both målformer: levels, links, lang, header cells") {
    Inputs in = input::loadInputs(std::string(DV_SOURCE_DIR) + "/inputs");
    app::DocumentEngine engine{std::string(DV_SOURCE_DIR) + "/templates"};
    Diagnostics diags;
    auto view = buildKnowledgeView(in, in.settings.knowledgeBaseYear, diags);
    REQUIRE(view);
    for (Language lang : {Language::Nynorsk, Language::Bokmal}) {
        INFO(app::languageDir(lang));
        doc::Document d = engine.document(lang, "kunnskapsgrunnlag", *view);
        std::string out = html::writeHtml(d, engine.style(), page(app::languageDir(lang)));
        checkLevels(out);
        checkLinks(out);
        CHECK(out.find("<html lang=\"" + app::languageDir(lang) + "\">") != std::string::npos);
        CHECK(all(out, "(<table>)").size() == all(out, "(<thead>)").size());
        CHECK(all(out, "<li><a href=\"#([^\"]+)\"").size() >= 40);
        if (lang == Language::Nynorsk) CHECK(all(out, "(<span lang=\"nb\">)").size() >= 5);  // bokmål source titles
        CHECK(html::writeHtml(engine.document(lang, "kunnskapsgrunnlag", *view), engine.style(),
                              page(app::languageDir(lang))) == out);
    }
}
