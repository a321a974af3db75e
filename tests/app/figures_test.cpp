// Figures end to end: the knowledge base PDFs carry at least six tagged Figures, each with /Alt,
// a /BBox and a Caption; a figure template without alternative text, an unknown figure and a
// broken diagram file are errors with their place.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <sstream>
#include <unistd.h>

#include "app/app.h"
#include "app/documents.h"
#include "app/figures.h"
#include "drawing/image.h"
#include "input/diagram.h"
#include "input/inputs.h"
#include "report/knowledge_view.h"
#include "templates/template.h"
#include "test_util.h"

using namespace dv;
namespace fs = std::filesystem;

namespace {

// The StructElem dictionaries of a PDF, read from qpdf's QDF form (one object per "obj … endobj",
// top-level keys indented by two spaces): a structure type /S and a parent /P at the top level (the
// optional /Type /StructElem is not written; a link annotation's /S sits deeper, in its action).
std::vector<std::string> structElems(const std::string& pdf) {
    dvtest::TempDir dir;
    dvtest::writeFile(dir / "a.pdf", pdf);
    std::system(("qpdf --qdf --object-streams=disable " + (dir / "a.pdf").string() + " " + (dir / "q.pdf").string()).c_str());
    std::string qdf = dvtest::readFile(dir / "q.pdf");
    std::vector<std::string> out;
    std::size_t at = 0;
    while ((at = qdf.find(" obj\n", at)) != std::string::npos) {
        std::size_t end = qdf.find("endobj", at);
        std::string obj = qdf.substr(at, end - at);
        if (obj.find("\n  /S /") != std::string::npos && obj.find("\n  /P ") != std::string::npos) out.push_back(obj);
        at = end;
    }
    return out;
}

}  // namespace

TEST_CASE("figures: each knowledge base has at least six Figures with /Alt, /BBox and a Caption") {
    Inputs in = input::loadInputs(dvtest::kSource + "/inputs");
    app::DocumentEngine engine(dvtest::kSource + "/templates");
    Diagnostics d;
    auto view = buildKnowledgeView(in, 2021, d);
    REQUIRE(view);
    for (Language lang : {Language::Bokmal, Language::Nynorsk}) {
        pdf::DocumentInfo info{"Kunnskapsgrunnlag", "DigiVestland", "figurtest", "", "", Date{2024, 5, 6}};
        std::string bytes = engine.render(lang, "kunnskapsgrunnlag", *view, info);
        int figures = 0, captions = 0;
        for (const std::string& e : structElems(bytes)) {
            if (e.find("/S /Caption") != std::string::npos) ++captions;
            if (e.find("/S /Figure") == std::string::npos) continue;
            ++figures;
            INFO(e);
            CHECK(std::regex_search(e, std::regex("/Alt (\\(|<)[^)>]{20,}")));  // a real text, not a stub
            CHECK(std::regex_search(e, std::regex("/BBox \\[\\s*[0-9.]+\\s+[0-9.]+\\s+[0-9.]+\\s+[0-9.]+\\s*\\]")));
            // it has content: an MCID, or an array that starts with one, an MCR or an element
            CHECK(std::regex_search(e, std::regex("/K\\s*(\\d|\\[\\s*(\\d|<<))")));
        }
        CHECK(figures >= 6);
        CHECK(captions == figures);
    }
}

TEST_CASE("figures: the template must give a figure its alternative text and caption") {
    Diagnostics d;
    auto doc = tmpl::parseMarkdown("mal.md", "Tekst.\n\n<!-- figur: kr_per_innbyggjar\ntekst: Kostnad per innbyggjar\n-->\n", d);
    CHECK_FALSE(doc);
    CHECK(d.format().find("mal.md: 3: the figure \"kr_per_innbyggjar\" has no alternative text") != std::string::npos);

    Diagnostics d2;
    auto doc2 = tmpl::parseMarkdown("mal.md", "<!-- figur: x\nalt: Ein tekst\ntekst: Tittel\nfarge: raud\n-->\n", d2);
    CHECK_FALSE(doc2);
    CHECK(d2.format().find("mal.md: 4: a figure takes the lines") != std::string::npos);

    Diagnostics d3;
    auto doc3 = tmpl::parseMarkdown("mal.md", "<!-- figur: x\nalt: Ein \\*tekst\\*\ntekst: Tittel\nserie: A | B\n-->\n", d3);
    REQUIRE(doc3);
    REQUIRE(doc3->blocks.size() == 1);
    CHECK(doc3->blocks[0].kind == doc::Block::Kind::Figure);
    CHECK(doc3->blocks[0].alt == "Ein *tekst*");  // Mustache's Markdown escapes undone
    CHECK(doc3->blocks[0].series == std::vector<std::string>{"A", "B"});
}

TEST_CASE("figures: an unknown figure and a figure without figurnemning are errors at the template") {
    Diagnostics d;
    auto doc = tmpl::parseMarkdown("mal.md", "Tekst.\n\n<!-- figur: finst_ikkje\nalt: Ein tekst\ntekst: Tittel\n-->\n", d);
    REQUIRE(doc);
    Diagnostics r;
    app::resolveFigures(*doc, view::Value{}, "/nonexistent", 400, [](const std::string& t, double s) { return t.size() * s / 2; }, r);
    CHECK(r.format().find("mal.md: 3: no chart or diagram \"finst_ikkje\"") != std::string::npos);
    CHECK(r.format().find("figurnemning") != std::string::npos);
}

TEST_CASE("figures: a diagram file with overlapping boxes or a link to no box is refused at its pointer") {
    Diagnostics d;
    auto g = input::loadDiagram("d.json", R"({"kolonnar": 2, "boksar": [
        {"id": "a", "tekst": "A", "rad": 0, "kolonne": 0, "spenn": 2},
        {"id": "b", "tekst": "B", "rad": 0, "kolonne": 1},
        {"id": "c", "tekst": "C", "rad": 1, "kolonne": 1, "spenn": 2}],
      "lenkjer": [{"fra": "a", "til": "z"}]})", d);
    CHECK_FALSE(g);
    std::string all = d.format();
    INFO(all);
    CHECK(all.find("d.json: /boksar/1: the box \"b\" overlaps the box \"a\"") != std::string::npos);
    CHECK(all.find("d.json: /boksar/2/spenn: the box reaches column 3") != std::string::npos);
    CHECK(all.find("d.json: /lenkjer/0/til: no box has the id \"z\"") != std::string::npos);

    Diagnostics ok;
    auto good = input::loadDiagram("d.json", R"({"kolonnar": 2, "radhogd": 30, "boksar": [
        {"id": "a", "tekst": "A", "rad": 0, "kolonne": 0}, {"id": "b", "tekst": "B", "rad": 1, "kolonne": 1}],
      "lenkjer": [{"fra": "a", "til": "b"}]})", ok);
    REQUIRE(good);
    draw::Drawing dr = draw::drawDiagram(*good, 210);
    CHECK(dr.height == Approx(30 + 14 + 30 + 1));
    CHECK(dr.labels.size() == 2);
    CHECK(dr.shapes.size() == 4);  // two boxes, the arrow's line and head
}

TEST_CASE("figures: a raster image needs its alternative text, and a file that is a PNG or JPEG") {
    Diagnostics d;
    CHECK_FALSE(tmpl::parseMarkdown("mal.md", "Tekst.\n\n![](logo.png)\n", d));
    CHECK(d.format().find("mal.md: 3: the image \"logo.png\" has no alternative text") != std::string::npos);

    Diagnostics inl;
    CHECK_FALSE(tmpl::parseMarkdown("mal.md", "Sjå ![logo](logo.png) her.\n", inl));
    CHECK(inl.format().find("mal.md: 1: an image must stand alone in its paragraph") != std::string::npos);

    Diagnostics d2;
    auto doc = tmpl::parseMarkdown("/nowhere/mal.md", "![Logoen til samarbeidet](finst-ikkje.png)\n", d2);
    REQUIRE(doc);
    Diagnostics r;
    app::resolveFigures(*doc, view::Value{}, "/nowhere/figurar", 400, [](const std::string&, double) { return 0.0; }, r);
    CHECK(r.format().find("/nowhere/mal.md: 1: the image \"finst-ikkje.png\" (/nowhere/finst-ikkje.png) is missing or not a PNG or JPEG file") !=
          std::string::npos);

    // sizes from the headers: PNG IHDR, JPEG SOF0 (FF D8, an APP0 segment, then FF C0)
    auto png = draw::imageInfo(dvtest::readFile(dvtest::kSource + "/tests/data/figurar/rgb-40x20.png"));
    REQUIRE(png);
    CHECK(png->width == 40);
    CHECK(png->height == 20);
    const std::string jpeg("\xFF\xD8\xFF\xE0\x00\x04\x00\x00\xFF\xC0\x00\x11\x08\x01\x2C\x02\x58\x03", 18);
    auto jpg = draw::imageInfo(jpeg);
    REQUIRE(jpg);
    CHECK(jpg->format == draw::ImageInfo::Format::Jpeg);
    CHECK(jpg->width == 600);
    CHECK(jpg->height == 300);
    CHECK_FALSE(draw::imageInfo("GIF89a......"));
}

TEST_CASE("figures: a PNG in a template becomes a tagged Figure image that passes the PDF checks") {
    dvtest::TempDir tmp;
    fs::copy(dvtest::kSource + "/templates", tmp / "templates", fs::copy_options::recursive);
    fs::copy_file(dvtest::kSource + "/tests/data/figurar/rgb-40x20.png", tmp / "templates/nb/logo.png");
    fs::copy_file(dvtest::kSource + "/tests/data/figurar/rgba-16x16.png", tmp / "templates/nb/ikon.png");
    dvtest::writeFile(tmp / "templates/nb/bilete.md",
                      "---\ntittel: Bilete\nfigurnemning: Figur [nr].\n---\n# Bilete\n\nTekst.\n\n"
                      "![Logoen: eit blått rektangel](logo.png \"Logoen til samarbeidet.\")\n\n"
                      "![Eit lite ikon med gjennomsiktige striper](ikon.png)\n\nMeir tekst.\n");
    app::DocumentEngine engine((tmp / "templates").string());
    pdf::DocumentInfo info{"Bilete", "DigiVestland", "biletetest", "", "", Date{2024, 5, 6}};
    std::string bytes = engine.render(Language::Bokmal, "bilete", view::Value{}, info);
    int figures = 0, captions = 0;
    for (const std::string& e : structElems(bytes)) {
        if (e.find("/S /Caption") != std::string::npos) ++captions;
        if (e.find("/S /Figure") != std::string::npos && e.find("/Alt") != std::string::npos) ++figures;
    }
    CHECK(figures == 2);
    CHECK(captions == 1);  // the icon has no caption, and no number
    dvtest::writeFile(tmp / "bilete.pdf", bytes);
    std::string check = dvtest::capture("/usr/bin/python3 " + dvtest::kSource + "/tests/pdf/pdfcheck.py " + (tmp / "bilete.pdf").string() + " 2>&1; echo rc=$?");
    INFO(check);
    CHECK(check.find("rc=0") != std::string::npos);
    std::string text = dvtest::capture("pdftotext " + (tmp / "bilete.pdf").string() + " - 2>&1");
    CHECK(text.find("Figur 1. Logoen til samarbeidet.") != std::string::npos);
    std::string images = dvtest::capture("pdfimages -list " + (tmp / "bilete.pdf").string() + " 2>&1");
    INFO(images);
    CHECK(images.find("40    20  rgb") != std::string::npos);
    CHECK(images.find("smask") != std::string::npos);  // the icon's alpha channel
}

TEST_CASE("figures: the agreement's organisation appendix shows the organisation chart as a tagged Figure") {
    dvtest::TempDir tmp;
    std::ostringstream err;
    REQUIRE(app::run({"--quiet", "--inputs", dvtest::kSource + "/inputs", "--templates", dvtest::kSource + "/templates", "--out",
                      (tmp / "out").string(), "--runde", "vedtak-2025", "avtalar"},
                     err) == 0);
    for (const char* file : {"avtale-4634-masfjorden.pdf", "avtale-4621-voss.pdf"}) {  // nynorsk, and Voss herad
        int figures = 0, captions = 0;
        for (const std::string& e : structElems(dvtest::readFile(tmp / "out/avtalar" / file))) {
            if (e.find("/S /Caption") != std::string::npos) ++captions;
            if (e.find("/S /Figure") == std::string::npos) continue;
            ++figures;
            CHECK(std::regex_search(e, std::regex("/Alt (\\(|<)[^)>]{40,}")));
        }
        INFO(file);
        CHECK(figures == 1);
        CHECK(captions == 1);
    }
}

TEST_CASE("figures: a knowledge base for a year whose funding need is unknown still renders (no split chart, no stray field)") {
    Inputs in = input::loadInputs(dvtest::kSource + "/inputs");
    app::DocumentEngine engine(dvtest::kSource + "/templates");
    Diagnostics d;
    auto view = buildKnowledgeView(in, 2026, d);  // 2026: the inputs give no funding need
    REQUIRE(view);
    for (Language lang : {Language::Bokmal, Language::Nynorsk}) {
        pdf::DocumentInfo info{"Kunnskapsgrunnlag", "DigiVestland", "figurtest", "", "", Date{2024, 5, 6}};
        std::string bytes;
        CHECK_NOTHROW(bytes = engine.render(lang, "kunnskapsgrunnlag", *view, info));
        CHECK(bytes.rfind("%PDF-", 0) == 0);
    }
}
