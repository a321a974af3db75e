// Issue 14, typography, measured on the laid-out knowledge base (both målformer, real fonts):
// no justified line has an inter-word space wider than twice its normal space, and no date,
// amount or "kr NN" is split across lines.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>

#include "app/documents.h"
#include "backends/pdf/pdf.h"
#include "input/inputs.h"
#include "report/knowledge_view.h"

using namespace dv;

namespace {

struct Line {
    int root;
    std::size_t page;
    double y;
    std::string text;
};

// The block an element's text belongs to: up through inline elements (Span, Link, Reference).
int blockOf(const layout::Laid& laid, int node) {
    while (node >= 0) {
        const std::string& t = laid.nodes[static_cast<std::size_t>(node)].type;
        if (t != "Span" && t != "Link" && t != "Reference") return node;
        node = laid.nodes[static_cast<std::size_t>(node)].parent;
    }
    return node;
}

// Lines of content text per block, in reading order.
std::vector<Line> blockLines(const layout::Laid& laid) {
    std::vector<Line> out;
    std::map<std::pair<int, long>, std::size_t> at;  // (block, page*1e6 + y) → line
    for (std::size_t p = 0; p < laid.pages.size(); ++p)
        for (const layout::Chunk& c : laid.pages[p].chunks) {
            if (c.node < 0) continue;
            // a figure's labels (a chart's names and values, one per bar) are not lines of text
            if (laid.nodes[static_cast<std::size_t>(c.node)].type == "Figure") continue;
            int root = blockOf(laid, c.node);
            for (const layout::TextRun& r : c.runs) {
                auto key = std::make_pair(root, static_cast<long>(p) * 1000000 + static_cast<long>(r.y * 10));
                auto it = at.find(key);
                if (it == at.end()) {
                    at[key] = out.size();
                    out.push_back({root, p, r.y, r.text});
                } else {
                    out[it->second].text += r.text;
                }
            }
        }
    return out;
}

struct Fixture {
    Inputs in = input::loadInputs(std::string(DV_SOURCE_DIR) + "/inputs");
    app::DocumentEngine engine{std::string(DV_SOURCE_DIR) + "/templates"};
    view::Value view;
    std::unique_ptr<layout::Metrics> metrics;
    Fixture() {
        Diagnostics d;
        auto v = buildKnowledgeView(in, 2021, d);
        REQUIRE(v);
        view = *v;
        std::string err;
        metrics = pdf::loadMetrics(engine.style(), err);
        REQUIRE(metrics);
    }
};

}  // namespace

TEST_CASE("typography: justified lines of the knowledge base keep every space within twice its width") {
    Fixture fx;
    for (Language lang : {Language::Bokmal, Language::Nynorsk}) {
        layout::Laid laid = fx.engine.layout(lang, "kunnskapsgrunnlag", fx.view);
        int justified = 0, worst = 0;
        double worstRatio = 0;
        for (const layout::Page& p : laid.pages)
            for (const layout::Chunk& c : p.chunks)
                for (const layout::TextRun& r : c.runs) {
                    if (r.wordSpacing == 0 || r.text.find(' ') == std::string::npos) continue;
                    ++justified;
                    double space = layout::textWidth(*fx.metrics, r.face, r.size, " ");
                    double ratio = (space + r.wordSpacing) / space;
                    worstRatio = std::max(worstRatio, ratio);
                    if (ratio > 2 + 1e-9) ++worst;
                }
        INFO("målform " << (lang == Language::Bokmal ? "nb" : "nn") << ": " << justified
                        << " justified runs, widest space " << worstRatio << " × normal");
        CHECK(justified > 100);
        CHECK(worst == 0);
        CHECK(worstRatio <= 2 + 1e-9);
    }
}

TEST_CASE("typography: no date, amount or kr-amount of the knowledge base is split across lines") {
    Fixture fx;
    const std::string month = "(januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember)";
    // the end of one line ⏎ the start of the next, spaces (plain or no-break) around the join
    const std::string sp = "[ \u00A0]*";
    std::vector<std::pair<std::string, std::regex>> splits = {
        {"day ⏎ month", std::regex("(^|[^0-9])[0-9]{1,2}\\." + sp + "⏎" + sp + month)},
        {"month ⏎ year", std::regex(month + sp + "⏎" + sp + "[0-9]{4}")},
        {"kr ⏎ amount", std::regex("(^|[^a-zæøå])kr\\.?" + sp + "⏎" + sp + "[0-9]")},
        {"amount ⏎ kr", std::regex("[0-9]" + sp + "⏎" + sp + "kr([^a-zæøå]|$)")},
        {"number group", std::regex("(^|[^0-9])[0-9]{1,3}" + sp + "⏎" + sp + "[0-9]{3}([^0-9]|$)")},
    };
    for (Language lang : {Language::Bokmal, Language::Nynorsk}) {
        layout::Laid laid = fx.engine.layout(lang, "kunnskapsgrunnlag", fx.view);
        std::vector<Line> lines = blockLines(laid);
        int pairs = 0;
        for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
            if (lines[i].root != lines[i + 1].root) continue;
            ++pairs;
            std::string a = lines[i].text, b = lines[i + 1].text;
            std::string join = a.substr(a.size() > 24 ? a.size() - 24 : 0) + "⏎" + b.substr(0, 24);
            for (auto& [what, re] : splits) {
                INFO(what << ": \"" << join << "\"");
                CHECK_FALSE(std::regex_search(join, re));
            }
        }
        CHECK(pairs > 100);
    }
}

TEST_CASE("typography: the splits the check looks for are found when present") {
    // the same patterns on a made-up join, so the test above cannot pass by never matching
    const std::string month = "(januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember)";
    std::regex day("(^|[^0-9])[0-9]{1,2}\\.[ \u00A0]*⏎[ \u00A0]*" + month);
    std::regex group("(^|[^0-9])[0-9]{1,3}[ \u00A0]*⏎[ \u00A0]*[0-9]{3}([^0-9]|$)");
    CHECK(std::regex_search(std::string("innan 31. ⏎mai 2025"), day));
    CHECK(std::regex_search(std::string("Sum 10 371 ⏎420 kr"), group));
    CHECK_FALSE(std::regex_search(std::string("i 2021 ⏎100 kommunar"), group));
}

TEST_CASE("typography: kerning pairs (AV, To, Te) are measured by layout and drawn in the content stream") {
    Fixture fx;
    const layout::Metrics& m = *fx.metrics;
    for (auto [l, r] : {std::pair<char32_t, char32_t>{'A', 'V'}, {'T', 'o'}, {'T', 'e'}}) {
        INFO("pair " << static_cast<char>(l) << static_cast<char>(r));
        CHECK(m.kern(BodyRegular, l, r) < -20);  // DejaVu Serif Condensed: −50 to −78 /1000 em
        std::string pair{static_cast<char>(l), static_cast<char>(r)};
        CHECK(layout::textWidth(m, BodyRegular, 10, pair) <
              (m.advance(BodyRegular, l) + m.advance(BodyRegular, r)) * 10 / 1000.0 - 0.2);
    }
    CHECK(m.kern(BodyRegular, 'o', ' ') == 0);
    // one run "AV To Te" written as PDF: three kerning numbers inside its TJ array
    layout::Laid laid;
    laid.pageWidth = 300;
    laid.pageHeight = 200;
    laid.nodes.push_back({"Document", -1, {}, {}});
    laid.nodes.push_back({"P", 0, {{layout::StructNode::Kid::Chunk, 0}}, {}});
    laid.nodes[0].kids.push_back({layout::StructNode::Kid::Node, 1});
    layout::Page page;
    layout::Chunk c;
    c.id = 0;
    c.node = 1;
    c.runs.push_back({BodyRegular, 10, 20, 50, "AV To Te", 0, {}});
    page.chunks.push_back(c);
    laid.pages.push_back(page);
    pdf::DocumentInfo info{"Kerning", "DigiVestland", "kerning test", "test", "nb-NO", Date{2024, 6, 30}};
    std::string bytes = pdf::writePdf(laid, fx.engine.style(), info);
    std::string dir = "/tmp/dv-kern-" + std::to_string(::getpid());
    std::system(("mkdir -p " + dir).c_str());
    { std::ofstream(dir + "/k.pdf", std::ios::binary) << bytes; }
    std::system(("qpdf --qdf --object-streams=disable " + dir + "/k.pdf " + dir + "/q.pdf").c_str());
    std::ifstream q(dir + "/q.pdf", std::ios::binary);
    std::string qdf((std::istreambuf_iterator<char>(q)), std::istreambuf_iterator<char>());
    std::system(("rm -rf " + dir).c_str());
    std::smatch tj;
    // strings literal (a simple font) or hex (Type0), whichever qpdf writes
    REQUIRE(std::regex_search(qdf, tj, std::regex("\\[[(<][^\\]]*\\] TJ")));
    std::string arr = tj.str();
    std::regex kernNumber("[)>] [0-9.]+ [(<]");
    auto numbers = std::distance(std::sregex_iterator(arr.begin(), arr.end(), kernNumber), std::sregex_iterator());
    INFO(arr);
    CHECK(numbers == 3);
}
