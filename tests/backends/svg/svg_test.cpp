// The SVG writer: one element per shape and label, text escaped, a wrapped label as a box the
// browser fills, title and desc named by aria-labelledby, an image as a data: URI.
#include <catch2/catch.hpp>

#include "backends/svg/svg.h"

using namespace dv;

namespace {
std::string count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return std::to_string(n);
}
std::string bytesOf(const std::string& path) { return path == "a.png" ? std::string("\x89PNG\r\n\x1a\nabc", 11) : ""; }
}  // namespace

TEST_CASE("svg: shapes and labels in order, escaped, named by title and desc", "[svg]") {
    draw::Drawing d;
    d.width = 200;
    d.height = 100;
    d.rect(10, 10, 50.5, 20, Rgb{10, 61, 107}, std::nullopt);
    d.line({0, 90}, {200, 90}, Rgb{0, 0, 0});
    d.labels.push_back({60, 50, "Kinn & Fedje <2>", 8, true, draw::Anchor::End, Rgb{255, 255, 255}, 0, 0});
    d.labels.push_back({100, 50, "Ein lang tekst som må brytast", 7, false, draw::Anchor::Middle, Rgb{0, 0, 0}, 80, 30});
    std::string s = svg::svg(d, {"figur-1", "Figur 1. Aktørar", "Boksar og piler"}, bytesOf);
    CHECK(s.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 200 100\"", 0) == 0);
    CHECK(s.find("aria-labelledby=\"figur-1-tittel figur-1-skildring\"") != std::string::npos);
    CHECK(s.find("<title id=\"figur-1-tittel\">Figur 1. Aktørar</title>") != std::string::npos);
    CHECK(s.find("<desc id=\"figur-1-skildring\">Boksar og piler</desc>") != std::string::npos);
    CHECK(count(s, "<polygon ") == "1");
    CHECK(s.find("points=\"10,10 60.5,10 60.5,30 10,30\" fill=\"#0a3d6b\"") != std::string::npos);
    CHECK(count(s, "<polyline ") == "1");
    CHECK(s.find(">Kinn &amp; Fedje &lt;2&gt;</text>") != std::string::npos);
    CHECK(s.find("text-anchor=\"end\" fill=\"#ffffff\" font-size=\"8\" font-weight=\"bold\"") != std::string::npos);
    // the wrapped label: a box 80 wide, 30 high, centred on (100, 50)
    CHECK(s.find("<foreignObject x=\"60\" y=\"35\" width=\"80\" height=\"30\">") != std::string::npos);
    CHECK(s.find(">Ein lang tekst som må brytast</div></foreignObject>") != std::string::npos);
    CHECK(s.substr(s.size() - 6) == "</svg>");
}

TEST_CASE("svg: a raster image is a data: URI; an unreadable one is left out", "[svg]") {
    draw::Drawing d;
    d.width = d.height = 16;
    d.images.push_back({0, 0, 16, 16, "a.png"});
    d.images.push_back({0, 0, 16, 16, "missing.png"});
    std::string s = svg::svg(d, {"f", "t", "d"}, bytesOf);
    CHECK(count(s, "<image ") == "1");
    CHECK(s.find("href=\"data:image/png;base64,iVBORw0KGgphYmM=\"") != std::string::npos);
}
