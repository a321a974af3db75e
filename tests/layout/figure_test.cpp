// Figures in layout: one unit that is never split across pages, moved whole to the next page when
// it does not fit, scaled to the measure and the page, tagged Figure (with /Alt and its box) and
// followed by its Caption on the same page.
#include <catch2/catch.hpp>

#include "layout/layout.h"

using namespace dv;
using namespace dv::layout;

namespace {

struct Mono : Metrics {
    double advance(Face, char32_t) const override { return 500; }
    bool covers(Face, char32_t) const override { return true; }
    double ascent(Face) const override { return 800; }
    std::string name(Face) const override { return "mono.ttf"; }
};

const Hyphenator& nb() {
    static Hyphenator h("/usr/share/hyphen/hyph_nb_NO.dic", 2, 3);
    return h;
}

Style smallPage() {
    Style st;
    st.pageWidth = 300;
    st.pageHeight = 200;
    st.marginTop = st.marginBottom = 30;
    st.marginLeft = st.marginRight = 20;
    st.bodySize = 10;
    st.leading = 1.2;  // 12 pt lines, 140 pt of text a page
    st.paragraphSpace = 0;
    return st;
}

doc::Block lines(int n) {
    doc::Block b;
    b.kind = doc::Block::Kind::Paragraph;
    for (int i = 0; i < n; ++i) {
        if (i > 0) b.inlines.push_back(doc::Inline{doc::Inline::Kind::LineBreak, "", false, false, false, {}});
        b.inlines.push_back(doc::Inline{doc::Inline::Kind::Text, "linje " + std::to_string(i + 1), false, false, false, {}});
    }
    return b;
}

doc::Block figure(double w, double h) {
    doc::Block b;
    b.kind = doc::Block::Kind::Figure;
    b.figureId = "test";
    b.alt = "Ein boks med ein tekst";
    b.caption = "Ein boks";
    b.label = "Figur 1.";
    b.drawing.width = w;
    b.drawing.height = h;
    b.drawing.rect(0, 0, w, h, Rgb{200, 200, 200}, Rgb{0, 0, 0});
    b.drawing.labels.push_back({w / 2, h / 2, "boks", 8, false, draw::Anchor::Middle, Rgb{}, 0});
    return b;
}

struct Found {
    int page = -1;
    int chunks = 0;
    Box box;
    int captionPage = -1;
};

Found findFigure(const Laid& laid) {
    Found f;
    for (std::size_t p = 0; p < laid.pages.size(); ++p)
        for (const Chunk& c : laid.pages[p].chunks) {
            if (c.node < 0) continue;
            const StructNode& n = laid.nodes[static_cast<std::size_t>(c.node)];
            if (n.type == "Figure") {
                ++f.chunks;
                f.page = static_cast<int>(p);
                f.box = c.box;
                CHECK(c.hasBox);
                CHECK(n.alt == "Ein boks med ein tekst");
            }
            if (n.type == "Caption" && f.captionPage < 0) f.captionPage = static_cast<int>(p);
        }
    return f;
}

}  // namespace

TEST_CASE("figure layout: a figure that does not fit moves whole to the next page with its caption") {
    Style st = smallPage();
    Mono m;
    Diagnostics diags;
    doc::Document d;
    d.blocks.push_back(lines(8));  // 96 pt: 44 pt left, the figure needs 60 + its space
    d.blocks.push_back(figure(200, 60));
    Laid laid = layoutDocument(d, st, m, nb(), diags);
    REQUIRE(diags.empty());
    Found f = findFigure(laid);
    CHECK(f.chunks == 1);  // one piece: never split
    CHECK(f.page == 1);
    CHECK(f.captionPage == 1);
    CHECK(f.box.y == Approx(st.marginTop));
    CHECK(f.box.h == Approx(60));
    // the drawing's shapes and labels are all inside the box, on that page
    for (const Chunk& c : laid.pages[1].chunks) {
        if (c.node < 0 || laid.nodes[static_cast<std::size_t>(c.node)].type != "Figure") continue;
        for (const Path& p : c.paths)
            for (const auto& [x, y] : p.points) {
                CHECK(y >= f.box.y - 1e-6);
                CHECK(y <= f.box.y + f.box.h + 1e-6);
            }
        REQUIRE(c.runs.size() == 1);
        CHECK(c.runs[0].text == "boks");
        CHECK(c.runs[0].x == Approx(20 + 30 + 100 - 8));  // centred: (260 − 200) / 2 + 100 − half of 4 × 4 pt
    }
}

TEST_CASE("figure layout: a figure that fits stays on the page") {
    Style st = smallPage();
    Mono m;
    Diagnostics diags;
    doc::Document d;
    d.blocks.push_back(lines(2));
    d.blocks.push_back(figure(200, 60));
    Laid laid = layoutDocument(d, st, m, nb(), diags);
    Found f = findFigure(laid);
    CHECK(f.page == 0);
    CHECK(f.captionPage == 0);
    CHECK(laid.figures.size() == 1);
    CHECK(laid.figures[0].page == 0);
}

TEST_CASE("figure layout: a drawing wider than the measure or taller than a page is scaled to fit") {
    Style st = smallPage();
    Mono m;
    Diagnostics diags;
    doc::Document d;
    d.blocks.push_back(figure(520, 60));  // twice the 260 pt measure
    d.blocks.push_back(figure(100, 400));  // taller than the 140 pt page
    Laid laid = layoutDocument(d, st, m, nb(), diags);
    std::vector<Box> boxes;
    for (const Page& p : laid.pages)
        for (const Chunk& c : p.chunks)
            if (c.hasBox) boxes.push_back(c.box);
    REQUIRE(boxes.size() == 2);
    CHECK(boxes[0].w == Approx(260));
    CHECK(boxes[0].h == Approx(30));
    CHECK(boxes[1].h <= 140 - 4 * 12 + 1e-6);  // room left for the caption
    CHECK(boxes[1].y + boxes[1].h <= st.pageHeight - st.marginBottom + 1e-6);
}

TEST_CASE("figure layout: the list of figures gives each figure's label, caption and final page") {
    Style st = smallPage();
    Mono m;
    Diagnostics diags;
    doc::Document d;
    doc::Block list;
    list.kind = doc::Block::Kind::FigureList;
    d.blocks.push_back(list);
    d.blocks.push_back(lines(8));
    d.blocks.push_back(figure(200, 60));  // does not fit after the list and 8 lines: page 2
    Laid laid = layoutDocument(d, st, m, nb(), diags);
    REQUIRE(diags.empty());
    Found f = findFigure(laid);
    REQUIRE(f.page == 1);
    std::string entry;
    for (const Chunk& c : laid.pages[0].chunks)
        if (c.node >= 0 && laid.nodes[static_cast<std::size_t>(c.node)].type == "TOCI")
            for (const TextRun& r : c.runs) entry += r.text + "|";
    CHECK(entry == "Figur 1. Ein boks |2|");
}

TEST_CASE("figure layout: a box label that needs more lines than its box holds is an error at the template line") {
    Style st = smallPage();
    Mono m;
    doc::Document d;
    d.file = "mal.md";
    doc::Block fig = figure(200, 60);
    fig.line = 7;
    // 4 pt per character at 8 pt: 10 characters a line in 40 pt, 1.2 × 8 pt a line
    fig.drawing.labels.push_back({100, 30, "ein lang tekst som treng mange liner", 8, false, draw::Anchor::Middle, Rgb{}, 40, 20});
    d.blocks.push_back(fig);
    Diagnostics diags;
    layoutDocument(d, st, m, nb(), diags);
    INFO(diags.format());
    CHECK(diags.format().find("mal.md: 7: the text \"ein lang tekst som treng mange liner\" needs") != std::string::npos);
    CHECK(diags.format().find("does not fit its box") != std::string::npos);

    doc::Document ok;
    doc::Block fits = figure(200, 60);
    fits.drawing.labels.push_back({100, 30, "kort", 8, false, draw::Anchor::Middle, Rgb{}, 40, 20});
    ok.blocks.push_back(fits);
    Diagnostics none;
    layoutDocument(ok, st, m, nb(), none);
    CHECK(none.empty());
}
