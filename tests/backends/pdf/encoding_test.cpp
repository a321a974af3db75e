// Issue 14, file size: a face whose characters WinAnsiEncoding has is written as a simple
// TrueType font (one byte per character, word spacing by Tw); any other stays a Type0 font. The
// codes are checked against ISO 32000-1 Table D.2 by hand, the PDFs with qpdf and pdftotext.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <regex>

#include "app/documents.h"
#include "backends/pdf/pdf.h"
#include "backends/pdf/winansi.h"

using namespace dv;
using namespace dv::pdf::detail;

TEST_CASE("pdf encoding: WinAnsiEncoding codes as Table D.2 gives them") {
    CHECK(winAnsiCode(U'a') == 0x61);
    CHECK(winAnsiCode(U'æ') == 0xE6);
    CHECK(winAnsiCode(U'Ø') == 0xD8);
    CHECK(winAnsiCode(U'å') == 0xE5);
    CHECK(winAnsiCode(U'§') == 0xA7);
    CHECK(winAnsiCode(U'€') == 0x80);
    CHECK(winAnsiCode(U'–') == 0x96);
    CHECK(winAnsiCode(U'—') == 0x97);
    CHECK(winAnsiCode(U'’') == 0x92);
    CHECK(winAnsiCode(U'•') == 0x95);
    CHECK(winAnsiCode(U'…') == 0x85);
    CHECK(winAnsiCode(U'Š') == 0x8A);
    CHECK(winAnsiCode(U'\u00A0') == 0xA0);
    CHECK(winAnsiCode(U'\u00AD') == 0xAD);
    for (char32_t none : {U'≈', U'ŋ', U'č', U'→', U'\u0081', U'\u009D', U'\t', U'\n', U'\u007F', U'\u2212'}) {
        INFO(static_cast<unsigned>(none));
        CHECK_FALSE(winAnsiCode(none));
    }
    // the two duplicate glyph names: a viewer draws "space" and "hyphen" for them
    CHECK(winAnsiGlyphCharacter(0xA0) == U' ');
    CHECK(winAnsiGlyphCharacter(0xAD) == U'-');
    CHECK(winAnsiGlyphCharacter(0x96) == U'–');
    int defined = 0;
    for (unsigned c = 0; c < 256; ++c) {
        const char32_t u = winAnsiCharacter(static_cast<std::uint8_t>(c));
        if (u == 0) continue;
        ++defined;
        CHECK(winAnsiCode(u) == c);
    }
    CHECK(defined == 95 + 27 + 96);  // printable ASCII, 27 of 0x80–0x9F, 0xA0–0xFF
}

TEST_CASE("pdf encoding: the ToUnicode CMap maps every defined code, 0xAD to the soft hyphen") {
    const std::string m = winAnsiUnicodeCMap();
    CHECK(m.find("<00> <FF>") != std::string::npos);
    CHECK(m.find("<20> <7E> <0020>") != std::string::npos);
    CHECK(m.find("<A0> <FF> <00A0>") != std::string::npos);  // 0xAD → U+00AD inside it
    CHECK(m.find("27 beginbfchar") != std::string::npos);
    CHECK(m.find("<96> <2013>") != std::string::npos);
    CHECK(m.find("<80> <20AC>") != std::string::npos);
    CHECK(m.find("<81>") == std::string::npos);
}

namespace {

std::string readAll(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("pdf encoding: WinAnsi faces are simple fonts with Tw word spacing, a face drawing ŋ stays Type0") {
    app::DocumentEngine engine(std::string(DV_SOURCE_DIR) + "/templates");
    layout::Laid laid;
    laid.pageWidth = 300;
    laid.pageHeight = 200;
    layout::StructNode doc, p;
    doc.type = "Document";
    doc.parent = -1;
    doc.kids.push_back({layout::StructNode::Kid::Node, 1});
    p.type = "P";
    p.parent = 0;
    p.kids.push_back({layout::StructNode::Kid::Chunk, 0});
    laid.nodes = {doc, p};
    layout::Page page;
    layout::Chunk c;
    c.id = 0;
    c.node = 1;
    // justified: 1.25 pt more in each space; a soft hyphen at the line's end
    c.runs.push_back({BodyRegular, 10, 20, 50, "Kommunen betaler 10\u00A0kr – ver\u00AD", 1.25, {}});
    c.runs.push_back({BodyBold, 10, 20, 70, "Sámi ŋ", 0, {}});
    page.chunks.push_back(c);
    laid.pages.push_back(page);
    pdf::DocumentInfo info{"Koding", "DigiVestland", "encoding test", "test", "nb-NO", Date{2024, 6, 30}};
    const std::string bytes = pdf::writePdf(laid, engine.style(), info);
    const std::string dir = "/tmp/dv-enc-" + std::to_string(::getpid());
    std::system(("mkdir -p " + dir).c_str());
    { std::ofstream(dir + "/e.pdf", std::ios::binary) << bytes; }
    REQUIRE(std::system(("qpdf --qdf --object-streams=disable " + dir + "/e.pdf " + dir + "/q.pdf").c_str()) == 0);
    REQUIRE(std::system(("pdftotext -raw " + dir + "/e.pdf " + dir + "/e.txt").c_str()) == 0);
    const std::string qdf = readAll(dir + "/q.pdf"), text = readAll(dir + "/e.txt");
    std::system(("rm -rf " + dir).c_str());
    INFO(text);
    INFO(qdf.substr(qdf.find("\nBT\n"), 300));
    CHECK(count(qdf, "/Subtype /TrueType") == 1);
    CHECK(count(qdf, "/Encoding /WinAnsiEncoding") == 1);
    CHECK(count(qdf, "/Subtype /Type0") == 1);
    CHECK(count(qdf, "/Encoding /Identity-H") == 1);
    CHECK(count(qdf, "1.25 Tw") == 1);
    // one byte per character, no TJ number after the spaces (a kerning one after "K")
    CHECK(qdf.find("ommunen betaler 10\xA0kr ") != std::string::npos);
    CHECK(qdf.find(" ver\xAD)] TJ") != std::string::npos);
    // the text layer: the characters drawn, the soft hyphen included (pdftotext gives a no-break
    // space as a space)
    CHECK(text.find("Kommunen betaler 10") != std::string::npos);
    CHECK(text.find("kr – ver\u00AD") != std::string::npos);
    CHECK(text.find("Sámi ŋ") != std::string::npos);
}
