// The fonts of one PDF: for each face a document draws, the code points it draws, the subset it
// embeds (fonts.h: the run's when the document stays inside the run's repertoire) and its
// encoding — a simple TrueType font with WinAnsiEncoding (winansi.h) when every character drawn
// has a code there, else a Type0 font with Identity-H — and, once the pages are written, the font
// dictionaries, descriptors (fontdict.h), widths and ToUnicode CMaps. Internal to the PDF backend.
#pragma once

#include <podofo/podofo.h>

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "backends/pdf/face.h"
#include "backends/pdf/fonts.h"
#include "backends/pdf/pdf.h"
#include "layout/layout.h"
#include "model/style.h"

namespace dv::pdf::detail {

class FontSet {
public:
    // Loads the style's faces; throws std::runtime_error when one cannot be read.
    FontSet(const Style& style, const Repertoire* repertoire, PoDoFo::PdfVecObjects& objects);

    // Before any page is written: the code points each face draws, and the subset each face
    // embeds (its glyph ids are the ones the content streams draw).
    void choose(const layout::Laid& laid);
    // The font object of a face, created when first asked for; its resource name ("F1" …).
    PoDoFo::PdfObject* font(Face f);
    static std::string resourceName(std::size_t f) { return "F" + std::to_string(f + 1); }
    PoDoFo::PdfObject* drawn(std::size_t f) const { return fonts_[f]; }

    // What a content stream draws a face with: its metrics and glyphs, whether it is a simple
    // font (one byte per character, the WinAnsiEncoding code), else the subset's glyph ids.
    FaceData& face(Face f) { return *faces_[static_cast<std::size_t>(f)]; }
    bool simple(Face f) const { return simple_[static_cast<std::size_t>(f)]; }
    const std::vector<std::uint16_t>& newGid(Face f) const { return programs_[static_cast<std::size_t>(f)]->newGid; }

    // After the pages: the dictionaries of every face drawn.
    void embed();

private:
    using PdfObject = PoDoFo::PdfObject;
    using PdfArray = PoDoFo::PdfArray;
    static std::uint16_t shownGlyph(FaceData& face, char32_t cp);
    bool drawsAsWinAnsi(std::size_t f);
    std::map<std::uint16_t, char32_t> drawnGlyphs(std::size_t f);
    void embedFace(std::size_t f);
    PdfObject* fontDescriptor(std::size_t f, const std::string& base);
    void embedSimpleFont(std::size_t f);
    PdfObject* winAnsiToUnicode();
    std::set<std::uint16_t> subsetGlyphs(std::size_t f);
    static PdfArray widths(FaceData& face, const std::map<std::uint16_t, char32_t>& drawn);

    const Repertoire* repertoire_;  // the run's code points, or none: a subset per document
    PoDoFo::PdfVecObjects& objects_;
    std::array<PdfObject*, FaceCount> fonts_{};  // the font object of each face drawn (font()); embed() fills it in
    std::array<std::shared_ptr<FaceData>, FaceCount> faces_;
    std::array<std::vector<char32_t>, FaceCount> used_;  // code points drawn, per face (BMP), sorted, no zero
    std::array<bool, FaceCount> runSubset_{};  // per face: its subset is the run's (the repertoire's)
    std::array<bool, FaceCount> simple_{};     // per face: a simple TrueType font, one byte per character
    std::array<std::shared_ptr<const FontProgram>, FaceCount> programs_;  // per face drawn: its subset
    PdfObject* winAnsiToUnicode_ = nullptr;   // the one ToUnicode stream of the file's simple fonts
};

}  // namespace dv::pdf::detail
