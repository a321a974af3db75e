// The document engine on the real inputs and templates: figures in the knowledge base against
// independent values, and golden files of the text of selected pages (regenerate with
// DV_UPDATE_GOLDEN=1 after an intended change to wording or layout, and review the diff).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "app/documents.h"
#include "input/inputs.h"
#include "report/knowledge_view.h"
#include "test_util.h"

using namespace dv;

namespace {

std::string pageText(const layout::Laid& laid, std::size_t page) {
    std::map<long, std::map<double, std::string>> rows;  // y (0.1 pt) → x → text
    for (const layout::Chunk& c : laid.pages[page].chunks)
        for (const layout::TextRun& r : c.runs) rows[static_cast<long>(r.y * 10 + 0.5)][r.x] += r.text;
    std::string out;
    for (auto& [y, xs] : rows) {
        std::string line;
        for (auto& [x, t] : xs) line += (line.empty() ? "" : " | ") + t;
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
    }
    return out;
}

void golden(const std::string& name, const std::string& actual) {
    std::string path = std::string(DV_SOURCE_DIR) + "/tests/golden/" + name;
    if (std::getenv("DV_UPDATE_GOLDEN")) {
        std::ofstream(path, std::ios::binary) << actual;
        return;
    }
    std::ifstream f(path, std::ios::binary);
    REQUIRE(f);
    std::stringstream ss;
    ss << f.rdbuf();
    INFO("golden file " << path << " (DV_UPDATE_GOLDEN=1 regenerates it)");
    CHECK(ss.str() == actual);
}

struct KnowledgeBase {
    Inputs in = input::loadInputs(std::string(DV_SOURCE_DIR) + "/inputs");
    app::DocumentEngine engine{std::string(DV_SOURCE_DIR) + "/templates"};
    view::Value view;
    KnowledgeBase() {
        Diagnostics d;
        auto v = buildKnowledgeView(in, 2021, d);
        REQUIRE(v);
        view = *v;
    }
};

}  // namespace

TEST_CASE("knowledge base: figures match the seeds and hand calculations") {
    KnowledgeBase kb;
    layout::Laid laid = kb.engine.layout(Language::Bokmal, "kunnskapsgrunnlag", kb.view);
    std::string all;
    for (std::size_t p = 0; p < laid.pages.size(); ++p) all += pageText(laid, p);
    const std::string nb = "\u00a0";
    // 42 paying municipalities, 10 371 420 kr in 2021 (hand sum of the shared data); Masfjorden
    // 133 820 kr = 100 000 + 20 × 1 691, 79,14 kr per inhabitant (seed 003)
    CHECK(all.find("10" + nb + "371" + nb + "420") != std::string::npos);
    CHECK(all.find("4634 | Masfjorden | 1" + nb + "691 | 12 | 133" + nb + "820 | 79,14") != std::string::npos);
    CHECK(all.find("Bergen (vertskommune) | 283" + nb + "929 | 12 | 0") != std::string::npos);
    // 19 470 000 need − 10 371 420 = 9 098 580, 46,7 %
    CHECK(all.find("9" + nb + "098" + nb + "580 (46,7" + nb + "%)") != std::string::npos);
    // staffing sums to 8 årsverk (seed 000, 5.5)
    CHECK(all.find("Totalt | 8") != std::string::npos);
    // every page after the title page has "Side N av M"
    std::string total = std::to_string(laid.pages.size());
    for (std::size_t p = 1; p < laid.pages.size(); ++p)
        CHECK(pageText(laid, p).find("Side " + std::to_string(p + 1) + " av " + total) != std::string::npos);
    // contents entries point at the pages their headings are on
    for (const layout::Heading& h : laid.headings)
        if (h.inContents) CHECK(pageText(laid, static_cast<std::size_t>(h.page)).find(h.text.substr(h.text.find(' ') + 1)) != std::string::npos);
}

TEST_CASE("knowledge base: golden text of the title, contents and appendix pages (nb and nn)") {
    KnowledgeBase kb;
    for (Language lang : {Language::Bokmal, Language::Nynorsk}) {
        layout::Laid laid = kb.engine.layout(lang, "kunnskapsgrunnlag", kb.view);
        std::string tag = lang == Language::Bokmal ? "nb" : "nn";
        std::size_t contents = 0;
        for (std::size_t p = 0; p < laid.pages.size() && contents == 0; ++p)
            for (const layout::Chunk& c : laid.pages[p].chunks)
                if (c.node >= 0 && laid.nodes[static_cast<std::size_t>(c.node)].type == "Link") {
                    int up = laid.nodes[static_cast<std::size_t>(c.node)].parent;  // TOCI → Reference → Link
                    if (up >= 0) up = laid.nodes[static_cast<std::size_t>(up)].parent;
                    if (up >= 0 && laid.nodes[static_cast<std::size_t>(up)].type == "TOCI") contents = p;
                }
        golden("kunnskapsgrunnlag-" + tag + "-tittel.txt", pageText(laid, 0));
        golden("kunnskapsgrunnlag-" + tag + "-innhald.txt", pageText(laid, contents));
        golden("kunnskapsgrunnlag-" + tag + "-siste.txt", pageText(laid, laid.pages.size() - 1));
    }
}
