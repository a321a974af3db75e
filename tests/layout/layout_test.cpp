// Layout: hyphenation, line breaking, pagination rules. Metrics are a fixed-width stand-in
// (every character 500/1000 em) so expected breaks can be worked out by hand.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "layout/layout.h"

using namespace dv;
using namespace dv::layout;

namespace {

struct Mono : Metrics {
    double advance(Face, char32_t) const override { return 500; }
    bool covers(Face, char32_t cp) const override { return cp != 0x2603; }  // no snowman
    double ascent(Face) const override { return 800; }
    std::string name(Face) const override { return "mono.ttf"; }
};

const Hyphenator& nb() {
    static Hyphenator h("/usr/share/hyphen/hyph_nb_NO.dic", 2, 3);
    return h;
}

std::string lineText(const SetLine& l) {
    std::string s;
    for (const TextRun& r : l.runs) s += r.text;
    return s;
}

std::vector<Fragment> text(const std::string& s) { return {{s, BodyRegular, 10, {}, {}}}; }

doc::Block para(const std::string& s) {
    doc::Block b;
    b.kind = doc::Block::Kind::Paragraph;
    b.inlines.push_back(doc::Inline{doc::Inline::Kind::Text, s, false, false, false, {}, {}});
    return b;
}

// A paragraph of exactly n lines (hard line breaks).
doc::Block lines(int n) {
    doc::Block b;
    b.kind = doc::Block::Kind::Paragraph;
    for (int i = 0; i < n; ++i) {
        if (i > 0) b.inlines.push_back(doc::Inline{doc::Inline::Kind::LineBreak, "", false, false, false, {}, {}});
        b.inlines.push_back(doc::Inline{doc::Inline::Kind::Text, "linje " + std::to_string(i + 1), false, false, false, {}, {}});
    }
    return b;
}

Style smallPage() {
    Style st;
    st.pageWidth = 300;
    st.pageHeight = 200;
    st.marginTop = st.marginBottom = 30;
    st.marginLeft = st.marginRight = 20;
    st.bodySize = 10;
    st.leading = 1.2;  // 12 pt lines: (200 - 60) / 12 = 11 lines a page
    st.paragraphSpace = 0;
    return st;
}

// Text lines of one page, top to bottom; `node` filters to content of that type ("" = all).
std::vector<std::string> pageLines(const Laid& laid, std::size_t page, bool artifacts = true) {
    std::map<double, std::string> byY;
    for (const Chunk& c : laid.pages[page].chunks) {
        if (!artifacts && c.node < 0) continue;
        for (const TextRun& r : c.runs) byY[r.y] += r.text;
    }
    std::vector<std::string> out;
    for (auto& [y, t] : byY) out.push_back(t);
    return out;
}

}  // namespace

TEST_CASE("Norwegian hyphenation points come from hyphen-no, respecting the minimum lengths") {
    REQUIRE(nb().loaded());
    auto pts = nb().points("samarbeidsavtale");
    // "sam-ar-beids-av-ta-le" in the patterns; at least 2 letters before, 3 after
    REQUIRE_FALSE(pts.empty());
    for (std::size_t p : pts) {
        CHECK(p >= 2);
        CHECK(p <= std::string("samarbeidsavtale").size() - 3);
    }
    CHECK(std::find(pts.begin(), pts.end(), 10u) != pts.end());  // samarbeids-avtale
    // æøå are letters: the UTF-8 offsets land on character boundaries
    auto ø = nb().points("kommunestørrelse");
    REQUIRE_FALSE(ø.empty());
    std::string w = "kommunestørrelse";
    for (std::size_t p : ø) CHECK((static_cast<unsigned char>(w[p]) & 0xC0) != 0x80);
    CHECK(nb().points("2024").empty());
    CHECK(nb().points("ab").empty());
}

TEST_CASE("line breaking: no line wider than the measure; justified lines fill it exactly") {
    Mono m;
    // 5 pt a character at size 10: a 100 pt line holds 20 characters
    auto lines = breakLines(text("Dette er ein tekst med mange korte ord som må brytast over fleire linjer."), 100,
                            Alignment::Justify, m, nullptr);
    REQUIRE(lines.size() >= 4);
    for (const SetLine& l : lines) CHECK(l.width <= 100 + 1e-9);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        const TextRun& last = lines[i].runs.back();
        std::string t = last.text;
        while (!t.empty() && t.back() == ' ') t.pop_back();
        int spaces = static_cast<int>(std::count(t.begin(), t.end(), ' '));
        auto chars = std::count_if(t.begin(), t.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
        double end = last.x + static_cast<double>(chars) * 5 + spaces * last.wordSpacing;
        CHECK(end == Approx(100));
    }
    CHECK(lines.back().last);
    CHECK(lines.back().runs.back().wordSpacing == 0);
}

TEST_CASE("line breaking: the next word is hyphenated when a part of it fits") {
    Mono m;
    // The line holds 20 characters: "Avtale samarbeidsavtale" (23) does not fit; hyphen-no breaks
    // "samarbeids-avtale", and "Avtale samarbeids-" (18) does.
    auto lines = breakLines(text("Avtale samarbeidsavtale"), 100, Alignment::Left, m, &nb());
    REQUIRE(lines.size() == 2);
    std::string first = lineText(lines[0]);
    // the line-break hyphen is a soft hyphen (U+00AD, drawn as a hyphen): extraction rejoins the word
    CHECK(first == "Avtale samarbeids\u00AD");
    CHECK(lines[0].width <= 100);
    std::string joined = first.substr(0, first.size() - 2) + lineText(lines[1]);
    CHECK(joined == "Avtale samarbeidsavtale");
}

TEST_CASE("line breaking: a word longer than the line is broken, at hyphenation points first") {
    Mono m;
    std::string word = "Kommunesektororganisasjonsutviklingsprosjektet";  // 46 characters
    auto lines = breakLines(text(word), 60, Alignment::Justify, m, &nb());  // 12 characters a line
    REQUIRE(lines.size() >= 4);
    std::string joined;
    for (const SetLine& l : lines) {
        CHECK(l.width <= 60 + 1e-9);
        std::string t = lineText(l);
        if (&l != &lines.back() && t.size() > 2 && t.substr(t.size() - 2) == "\u00AD") t.resize(t.size() - 2);
        joined += t;
    }
    CHECK(joined == word);
    // no hyphenation available at all (not letters): broken between characters, nothing lost
    auto digits = breakLines(text("12345678901234567890123456789"), 50, Alignment::Left, m, &nb());
    std::string j;
    for (const SetLine& l : digits) {
        CHECK(l.width <= 50 + 1e-9);
        j += lineText(l);
    }
    CHECK(j == "12345678901234567890123456789");
}

TEST_CASE("paragraphs: no single orphan line at a page foot and no single widow at a page head") {
    Mono m;
    Style st = smallPage();
    doc::Document d;
    d.file = "t.md";
    // 10 one-line paragraphs fill 10 of 11 lines; then a 5-line paragraph: one line would fit,
    // but a lone first line is not allowed, so it starts on page 2.
    for (int i = 0; i < 10; ++i) d.blocks.push_back(para("Linje " + std::to_string(i)));
    d.blocks.push_back(lines(5));
    Diagnostics diags;
    Laid laid = layoutDocument(d, st, m, nb(), diags);
    REQUIRE(diags.empty());
    REQUIRE(laid.pages.size() == 2);
    CHECK(pageLines(laid, 0, false).size() == 10);
    CHECK(pageLines(laid, 1, false).size() == 5);

    // 9 lines used, 2 free: a 3-line paragraph would leave its last line alone on page 2 → moves
    doc::Document d2 = d;
    d2.blocks.erase(d2.blocks.begin() + 9, d2.blocks.end());
    d2.blocks.push_back(lines(3));
    Laid l2 = layoutDocument(d2, st, m, nb(), diags);
    REQUIRE(l2.pages.size() == 2);
    CHECK(pageLines(l2, 0, false).size() == 9);
    CHECK(pageLines(l2, 1, false).size() == 3);

    // 4 lines with 2 free: split 2 + 2 is allowed
    doc::Document d3 = d2;
    d3.blocks.back() = lines(4);
    Laid l3 = layoutDocument(d3, st, m, nb(), diags);
    REQUIRE(l3.pages.size() == 2);
    CHECK(pageLines(l3, 0, false).size() == 11);
    CHECK(pageLines(l3, 1, false).size() == 2);
}

TEST_CASE("tables: rows are never split, the header row repeats on every page as an artifact") {
    Mono m;
    Style st = smallPage();
    st.tableSize = 10;
    st.cellPadding = 0;
    doc::Document d;
    d.file = "t.md";
    doc::Block t;
    t.kind = doc::Block::Kind::Table;
    t.align = {doc::Align::Auto, doc::Align::Auto};
    auto cell = [](const std::string& s) { return doc::Inlines{doc::Inline{doc::Inline::Kind::Text, s, false, false, false, {}, {}}}; };
    t.rows.push_back({cell("Kommune"), cell("Bidrag")});
    for (int i = 0; i < 30; ++i)
        t.rows.push_back({cell(i % 7 == 3 ? "Ein kommune med eit langt namn som går over to linjer" : "K" + std::to_string(i)),
                          cell(std::to_string(1000 + i))});
    d.blocks.push_back(t);
    Diagnostics diags;
    Laid laid = layoutDocument(d, st, m, nb(), diags);
    REQUIRE(diags.empty());
    REQUIRE(laid.pages.size() >= 3);
    std::map<int, std::vector<int>> rowPages;  // TD node → pages its content is on
    for (std::size_t p = 0; p < laid.pages.size(); ++p) {
        auto lines = pageLines(laid, p);
        REQUIRE_FALSE(lines.empty());
        CHECK(lines.front().rfind("Kommune", 0) == 0);  // header first on every page
        int headerChunks = 0;
        for (const Chunk& c : laid.pages[p].chunks) {
            for (const TextRun& r : c.runs)
                if (r.text == "Kommune") headerChunks += c.node < 0 ? 1 : 0;
            if (c.node >= 0 && laid.nodes[static_cast<std::size_t>(c.node)].type == "TD") rowPages[c.node].push_back(static_cast<int>(p));
            if (c.node >= 0)
                for (const TextRun& r : c.runs) CHECK(r.y <= st.pageHeight - st.marginBottom + 1e-6);
        }
        CHECK(headerChunks == (p == 0 ? 0 : 1));  // the original is tagged TH; repeats are artifacts
    }
    for (auto& [node, pages] : rowPages) CHECK(std::all_of(pages.begin(), pages.end(), [&](int q) { return q == pages.front(); }));
    // the numeric column is right-aligned: its runs end at the table's right edge
    bool sawNumber = false;
    for (const Chunk& c : laid.pages[0].chunks)
        for (const TextRun& r : c.runs)
            if (r.text == "1005") {
                CHECK(r.x + 4 * 5 == Approx(st.pageWidth - st.marginRight));
                sawNumber = true;
            }
    CHECK(sawNumber);
}

TEST_CASE("headings stay with the text that follows; a missing glyph is an error naming the line") {
    Mono m;
    Style st = smallPage();
    doc::Document d;
    d.file = "t.md";
    for (int i = 0; i < 9; ++i) d.blocks.push_back(para("Linje " + std::to_string(i)));
    doc::Block h;
    h.kind = doc::Block::Kind::Heading;
    h.level = 2;
    h.inlines.push_back(doc::Inline{doc::Inline::Kind::Text, "Overskrift", false, false, false, {}, {}});
    d.blocks.push_back(h);
    d.blocks.push_back(para("Tekst etter overskrifta, to linjer lang: ordord ordord ordord"));
    Diagnostics diags;
    Laid laid = layoutDocument(d, st, m, nb(), diags);
    REQUIRE(laid.headings.size() == 1);
    CHECK(laid.headings[0].page == 1);  // would fit alone at the foot of page 1; moved with its text

    doc::Document bad;
    bad.file = "t.md";
    doc::Block p = para("Snø \u2603");
    p.line = 7;
    bad.blocks.push_back(p);
    Diagnostics d2;
    layoutDocument(bad, st, m, nb(), d2);
    REQUIRE(d2.size() == 1);
    CHECK(d2.format().rfind("t.md: 7: character U+2603 \"\u2603\" is not in the font mono.ttf", 0) == 0);
}

TEST_CASE("no-break rules: dates, amounts, number groups and paragraph signs stay together") {
    const std::string nb = "\u00A0";
    CHECK(bindNoBreakSpaces("innan 31. mai 2025 kl. 12") == "innan 31." + nb + "mai" + nb + "2025 kl. 12");
    CHECK(bindNoBreakSpaces("betaler kr 133 820 i året") == "betaler kr" + nb + "133" + nb + "820 i året");
    CHECK(bindNoBreakSpaces("Sum 10 371 420 kr.") == "Sum 10" + nb + "371" + nb + "420" + nb + "kr.");
    CHECK(bindNoBreakSpaces("etter § 20-1 i lova") == "etter §" + nb + "20-1 i lova");
    CHECK(bindNoBreakSpaces("(1. januar 2025)") == "(1." + nb + "januar" + nb + "2025)");
    // not numbers that only happen to stand side by side: a year and an amount, a count of digits ≠ 3
    CHECK(bindNoBreakSpaces("i 2021 100 000 kroner") == "i 2021 100" + nb + "000 kroner");
    CHECK(bindNoBreakSpaces("kapittel 20 og 19") == "kapittel 20 og 19");
    CHECK(bindNoBreakSpaces("mai er fin") == "mai er fin");
    CHECK(bindNoBreakSpaces("") == "");
}

TEST_CASE("hyphenation: capitalised words (names) are not hyphenated, lower-case words are") {
    Mono m;
    // 20 characters a line: "Samarbeid med Kommunesamarbeidet" cannot hyphenate the name
    auto lines = breakLines(text("Avtale Masfjordenkommune"), 100, Alignment::Left, m, &nb());
    REQUIRE(lines.size() == 2);
    CHECK(lineText(lines[0]) == "Avtale ");
    CHECK(lineText(lines[1]) == "Masfjordenkommune");
    auto lower = breakLines(text("Avtale masfjordenkommune"), 100, Alignment::Left, m, &nb());
    CHECK(lineText(lower[0]).find("\u00AD") != std::string::npos);
}

TEST_CASE("hyphenation: words shorter than seven letters are not hyphenated") {
    Mono m;
    // "Ein sum i kroner" with room for "Ein sum i kro-": the short word moves whole
    auto lines = breakLines(text("Ein sum i kroner"), 70, Alignment::Left, m, &nb());
    REQUIRE(lines.size() == 2);
    CHECK(lineText(lines[1]) == "kroner");
}

TEST_CASE("issue 11: a run in the other målform is a Span with /Lang; the text around it is not") {
    doc::Document d;
    doc::Block b;
    b.kind = doc::Block::Kind::Paragraph;
    b.inlines.push_back(doc::Inline{doc::Inline::Kind::Text, "Sjå ", false, false, false, {}, {}});
    b.inlines.push_back(doc::Inline{doc::Inline::Kind::Text, "Hva er felles økosystem?", false, true, false, {}, "nb"});
    b.inlines.push_back(doc::Inline{doc::Inline::Kind::Text, " og ", false, false, false, {}, {}});
    b.inlines.push_back(doc::Inline{doc::Inline::Kind::Text, "skjemaet", false, true, false, {}, {}});
    d.blocks.push_back(b);
    Mono m;
    Diagnostics diags;
    Laid laid = layoutDocument(d, smallPage(), m, nb(), diags);
    std::vector<std::string> langs;
    int spans = 0;
    for (const StructNode& n : laid.nodes) {
        if (n.type == "Span") ++spans;
        if (!n.lang.empty()) langs.push_back(n.type + ":" + n.lang);
    }
    CHECK(langs == std::vector<std::string>{"Span:nb"});
    CHECK(spans == 2);  // the bokmål title, and the nynorsk italic word after it
}

TEST_CASE("lists: an item of one paragraph is its LBody's own text, an item of two has a P for each") {
    doc::Document d;
    doc::Block list;
    list.kind = doc::Block::Kind::List;
    list.items.push_back({para("eitt avsnitt")});
    list.items.push_back({para("fyrste avsnitt"), para("andre avsnitt")});
    d.blocks.push_back(list);
    Mono m;
    Diagnostics diags;
    Laid laid = layoutDocument(d, smallPage(), m, nb(), diags);
    REQUIRE(diags.empty());
    std::vector<int> bodies;
    for (std::size_t i = 0; i < laid.nodes.size(); ++i)
        if (laid.nodes[i].type == "LBody") bodies.push_back(static_cast<int>(i));
    REQUIRE(bodies.size() == 2);
    auto kids = [&](int body) {
        std::vector<std::string> out;
        for (const StructNode::Kid& k : laid.nodes[static_cast<std::size_t>(body)].kids)
            out.push_back(k.kind == StructNode::Kid::Node ? laid.nodes[static_cast<std::size_t>(k.index)].type : "content");
        return out;
    };
    CHECK(kids(bodies[0]) == std::vector<std::string>{"content"});
    CHECK(kids(bodies[1]) == std::vector<std::string>{"P", "P"});
    // the one paragraph's line is in the page's chunks under the LBody itself
    bool found = false;
    for (const Chunk& c : laid.pages[0].chunks)
        if (c.node == bodies[0])
            for (const TextRun& r : c.runs) found = found || r.text.find("eitt avsnitt") != std::string::npos;
    CHECK(found);
}
