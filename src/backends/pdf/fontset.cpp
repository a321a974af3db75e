#include "backends/pdf/fontset.h"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <stdexcept>

#include "backends/pdf/flate.h"
#include "backends/pdf/fontdict.h"
#include "backends/pdf/utf8.h"
#include "backends/pdf/winansi.h"

namespace dv::pdf::detail {

using namespace PoDoFo;

namespace {

// The deflated ToUnicode CMap of every simple font (winansi.h), made once per process.
const std::string& winAnsiUnicode() {
    static const std::string deflated = deflate(winAnsiUnicodeCMap(), kStreamLevel);
    return deflated;
}

// The glyph → code point table of a face's run subset (every code point of the repertoire the
// face has, the first for a glyph shared by several) and its ToUnicode CMap, deflated: made once
// per font program and shared by every PDF that embeds it.
struct RunTables {
    std::map<std::uint16_t, char32_t> glyphs;  // subset glyph id → code point
    std::string toUnicode;                     // the CMap, FlateDecode'd
};

const RunTables& runTables(FaceData& face, const std::shared_ptr<const FontProgram>& program, const Repertoire& repertoire) {
    static std::mutex mutex;
    static std::map<const FontProgram*, std::pair<std::shared_ptr<const FontProgram>, RunTables>> made;  // the key kept alive
    std::lock_guard<std::mutex> lock(mutex);
    auto it = made.find(program.get());
    if (it != made.end()) return it->second.second;
    RunTables t;
    for (char32_t cp : repertoire.codePoints) {
        std::uint16_t g = face.glyph(cp);
        if (g != 0 && g < program->newGid.size() && program->newGid[g] != 0) t.glyphs.emplace(program->newGid[g], cp);
    }
    t.toUnicode = deflate(unicodeCMap(t.glyphs), kStreamLevel);
    return made.emplace(program.get(), std::make_pair(program, std::move(t))).first->second.second;
}

// Whether `all` maps every glyph of `drawn` to the same code point.
bool agrees(const std::map<std::uint16_t, char32_t>& all, const std::map<std::uint16_t, char32_t>& drawn) {
    for (const auto& [g, cp] : drawn) {
        auto it = all.find(g);
        if (it == all.end() || it->second != cp) return false;
    }
    return true;
}

}  // namespace

FontSet::FontSet(const Style& style, const Repertoire* repertoire, PdfVecObjects& objects)
    : repertoire_(repertoire), objects_(objects) {
    for (std::size_t f = 0; f < FaceCount; ++f) {
        std::string err;
        faces_[f] = loadFace(style.fonts[f], err);
        if (!faces_[f]) throw std::runtime_error(err);
    }
}

PdfObject* FontSet::font(Face f) {
    std::size_t i = static_cast<std::size_t>(f);
    if (!fonts_[i]) fonts_[i] = objects_.CreateObject("Font");
    return fonts_[i];
}

void FontSet::embed() {
    for (std::size_t f = 0; f < FaceCount; ++f)
        if (fonts_[f]) embedFace(f);
}

// Before any page is written: the code points each face draws, and the subset each face
// embeds (its glyph ids are the ones the content streams draw).
void FontSet::choose(const layout::Laid& laid) {
    std::array<std::vector<bool>, FaceCount> seen;
    std::array<bool, FaceCount> beyond{};  // draws a code point not in used_ (0, or above the BMP)
    for (const layout::Page& pg : laid.pages)
        for (const layout::Chunk& c : pg.chunks)
            for (const layout::TextRun& r : c.runs) {
                font(r.face);
                const auto f = static_cast<std::size_t>(r.face);
                if (seen[f].empty()) seen[f].assign(0x10000, false);
                for (char32_t cp : codepoints(r.text)) {
                    if (cp == 0 || cp >= 0x10000) beyond[f] = true;
                    else if (!seen[f][cp]) {
                        seen[f][cp] = true;
                        used_[f].push_back(cp);
                    }
                }
            }
    for (auto& used : used_) std::sort(used.begin(), used.end());
    for (std::size_t f = 0; f < FaceCount; ++f)
        if (fonts_[f]) {
            programs_[f] = fontProgram(faces_[f]->path, subsetGlyphs(f));
            simple_[f] = !beyond[f] && drawsAsWinAnsi(f);  // every character drawn has a WinAnsi code
        }
}

// The glyph a viewer shows for `cp` written as its WinAnsiEncoding code: that of the code's
// glyph name (winansi.h), the font's own glyph of U+0020 for a no-break space and of U+002D
// for a soft hyphen; for a character WinAnsiEncoding lacks, its own glyph.
std::uint16_t FontSet::shownGlyph(FaceData& face, char32_t cp) {
    const auto code = winAnsiCode(cp);
    return face.glyph(code ? winAnsiGlyphCharacter(*code) : cp);
}

// Whether the face can be a simple TrueType font: every character drawn has a WinAnsiEncoding
// code, and the glyph a viewer finds for that code is in the subset with the advance layout
// measured for the character. Else a Type0 font, two bytes per glyph.
bool FontSet::drawsAsWinAnsi(std::size_t f) {
    FaceData& face = *faces_[f];
    const std::vector<std::uint16_t>& newGid = programs_[f]->newGid;
    for (char32_t cp : used_[f]) {
        const auto code = winAnsiCode(cp);
        if (!code) return false;
        const std::uint16_t g = face.glyph(cp), shown = shownGlyph(face, cp);
        if (g == 0 || shown == 0 || shown >= newGid.size() || newGid[shown] == 0) return false;
        if (shown != g && std::lround(face.lookup(cp)) != std::lround(face.lookup(winAnsiGlyphCharacter(*code)))) return false;
    }
    return true;
}

// The face's glyphs drawn, by the subset's glyph id → the first code point drawn with it.
std::map<std::uint16_t, char32_t> FontSet::drawnGlyphs(std::size_t f) {
    FaceData& face = *faces_[f];
    const std::vector<std::uint16_t>& newGid = programs_[f]->newGid;
    std::map<std::uint16_t, char32_t> drawn;
    for (char32_t cp : used_[f]) {
        std::uint16_t g = face.glyph(cp);
        if (g != 0 && g < newGid.size()) drawn.emplace(newGid[g], cp);
    }
    return drawn;
}

// A face as a Type0 font with Identity-H, its CIDFontType2 (CIDToGIDMap /Identity: the glyph
// ids of the content stream are the subset's), widths of the glyphs drawn, a ToUnicode CMap
// mapping each glyph back to the code point drawn with it, and the font program from
// hb-subset (fonts.h). The descriptor's values are read from the font's own tables (describe).
void FontSet::embedFace(std::size_t f) {
    if (simple_[f]) return embedSimpleFont(f);
    FaceData& face = *faces_[f];
    const std::map<std::uint16_t, char32_t> drawn = drawnGlyphs(f);
    const std::string base = programs_[f]->tag + "+" + postscriptName(face);
    PdfObject* descriptor = fontDescriptor(f, base);
    TVecFilters none;
    PdfObject* cid = objects_.CreateObject("Font");
    PdfDictionary& c = cid->GetDictionary();
    c.AddKey("Subtype", PdfName("CIDFontType2"));
    c.AddKey("BaseFont", PdfName(base));
    PdfDictionary info;
    info.AddKey("Registry", PdfString("Adobe"));
    info.AddKey("Ordering", PdfString("Identity"));
    info.AddKey("Supplement", PdfVariant(static_cast<pdf_int64>(0)));
    c.AddKey("CIDSystemInfo", info);
    c.AddKey("FontDescriptor", descriptor->Reference());
    c.AddKey("CIDToGIDMap", PdfName("Identity"));
    // A face in the run's subset takes the run's widths and ToUnicode CMap (every glyph of
    // the subset, made once) when they map each glyph drawn to the code point drawn with it.
    const RunTables* run = runSubset_[f] ? &runTables(face, programs_[f], *repertoire_) : nullptr;
    if (run && !agrees(run->glyphs, drawn)) run = nullptr;
    c.AddKey("W", widths(face, run ? run->glyphs : drawn));

    PdfObject* toUnicode = objects_.CreateObject();
    const std::string own = run ? std::string() : deflate(unicodeCMap(drawn), kStreamLevel);
    const std::string& cmap = run ? run->toUnicode : own;
    toUnicode->GetStream()->Set(cmap.data(), static_cast<pdf_long>(cmap.size()), none);
    toUnicode->GetDictionary().AddKey("Filter", PdfName("FlateDecode"));

    PdfDictionary& t = fonts_[f]->GetDictionary();
    t.AddKey("Subtype", PdfName("Type0"));
    t.AddKey("BaseFont", PdfName(base));
    t.AddKey("Encoding", PdfName("Identity-H"));
    PdfArray descendants;
    descendants.push_back(cid->Reference());
    t.AddKey("DescendantFonts", descendants);
    t.AddKey("ToUnicode", toUnicode->Reference());
}

// The font program (FontFile2, deflated once per run) and its descriptor.
PdfObject* FontSet::fontDescriptor(std::size_t f, const std::string& base) {
    const FontProgram* program = programs_[f].get();
    PdfObject* file = objects_.CreateObject();
    file->GetDictionary().AddKey("Length1", PdfVariant(static_cast<pdf_int64>(program->length1)));
    TVecFilters none;  // the bytes are deflated already, once per run; Set without filters drops /Filter
    file->GetStream()->Set(program->compressed.data(), static_cast<pdf_long>(program->compressed.size()), none);
    file->GetDictionary().AddKey("Filter", PdfName("FlateDecode"));
    PdfObject* descriptor = objects_.CreateObject("FontDescriptor");
    describeInto(*faces_[f], base, descriptor->GetDictionary());
    descriptor->GetDictionary().AddKey("FontFile2", file->Reference());
    return descriptor;
}

// A face as a simple TrueType font (ISO 32000-1 9.6.3): /WinAnsiEncoding with no
// Differences, which PDF/A-2 6.2.11.6 asks of a non-symbolic one, the font program's (3,1)
// cmap finding each code's glyph; widths of the codes drawn; the one WinAnsi ToUnicode CMap.
void FontSet::embedSimpleFont(std::size_t f) {
    FaceData& face = *faces_[f];
    const std::string base = programs_[f]->tag + "+" + postscriptName(face);
    std::map<std::uint8_t, char32_t> drawn;
    for (char32_t cp : used_[f]) drawn.emplace(*winAnsiCode(cp), cp);
    PdfDictionary& t = fonts_[f]->GetDictionary();
    t.AddKey("Subtype", PdfName("TrueType"));
    t.AddKey("BaseFont", PdfName(base));
    const int first = drawn.empty() ? 32 : drawn.begin()->first, last = drawn.empty() ? 32 : drawn.rbegin()->first;
    t.AddKey("FirstChar", PdfVariant(static_cast<pdf_int64>(first)));
    t.AddKey("LastChar", PdfVariant(static_cast<pdf_int64>(last)));
    PdfArray w;
    for (int code = first; code <= last; ++code) {
        auto it = drawn.find(static_cast<std::uint8_t>(code));
        const long width = it == drawn.end() ? 0 : std::lround(std::max(0.0f, face.lookup(it->second)));
        w.push_back(PdfVariant(static_cast<pdf_int64>(width)));
    }
    t.AddKey("Widths", w);
    t.AddKey("Encoding", PdfName("WinAnsiEncoding"));
    t.AddKey("FontDescriptor", fontDescriptor(f, base)->Reference());
    t.AddKey("ToUnicode", winAnsiToUnicode()->Reference());
}
// The WinAnsi ToUnicode CMap: one stream for all the simple fonts of the file.
PdfObject* FontSet::winAnsiToUnicode() {
    if (!winAnsiToUnicode_) {
        winAnsiToUnicode_ = objects_.CreateObject();
        TVecFilters none;
        winAnsiToUnicode_->GetStream()->Set(winAnsiUnicode().data(), static_cast<pdf_long>(winAnsiUnicode().size()), none);
        winAnsiToUnicode_->GetDictionary().AddKey("Filter", PdfName("FlateDecode"));
    }
    return winAnsiToUnicode_;
}

// The glyphs of the face's embedded subset: those of the run's repertoire when the document
// draws nothing outside it (one font program per face for the whole run), else its own.
std::set<std::uint16_t> FontSet::subsetGlyphs(std::size_t f) {
    FaceData& face = *faces_[f];
    bool inRepertoire = repertoire_ != nullptr;
    std::set<std::uint16_t> own;
    for (char32_t cp : used_[f]) {
        inRepertoire = inRepertoire && repertoire_->has(cp);
        if (std::uint16_t g = face.glyph(cp); g != 0) own.insert(g);
        if (std::uint16_t g = shownGlyph(face, cp); g != 0) own.insert(g);
    }
    if (!inRepertoire) return own;
    runSubset_[f] = true;
    std::set<std::uint16_t> gids;
    for (char32_t cp : repertoire_->codePoints) {
        if (std::uint16_t g = face.glyph(cp); g != 0) gids.insert(g);
        if (std::uint16_t g = shownGlyph(face, cp); g != 0) gids.insert(g);
    }
    return gids;
}

// W: [gid [width] …] in 1/1000 em, runs of consecutive glyph ids grouped.
PdfArray FontSet::widths(FaceData& face, const std::map<std::uint16_t, char32_t>& drawn) {
    PdfArray w;
    long last = -2;
    PdfArray run;
    auto flush = [&](long first) {
        if (run.empty()) return;
        w.push_back(PdfVariant(static_cast<pdf_int64>(first)));
        w.push_back(run);
        run.clear();
    };
    long first = 0;
    for (const auto& [g, cp] : drawn) {
        if (static_cast<long>(g) != last + 1) {
            flush(first);
            first = g;
        }
        run.push_back(PdfVariant(static_cast<pdf_int64>(std::lround(std::max(0.0f, face.lookup(cp))))));
        last = g;
    }
    flush(first);
    return w;
}

}  // namespace dv::pdf::detail
