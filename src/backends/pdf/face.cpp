#include "backends/pdf/face.h"

#include <array>
#include <cmath>
#include <map>

#include "backends/pdf/pdf.h"

namespace dv::pdf {
namespace detail {
namespace {

FT_Library library() {
    static FT_Library lib = [] {
        FT_Library l = nullptr;
        FT_Init_FreeType(&l);
        return l;
    }();
    return lib;
}

}  // namespace

std::shared_ptr<FaceData> loadFace(const std::string& path, std::string& error) {
    static std::mutex cacheLock;
    static std::map<std::string, std::shared_ptr<FaceData>> cache;
    std::lock_guard<std::mutex> guard(cacheLock);
    if (auto it = cache.find(path); it != cache.end()) return it->second;
    auto fd = std::make_shared<FaceData>();
    fd->path = path;
    if (path.size() < 4 || path.compare(path.size() - 4, 4, ".ttf") != 0) {
        error = path + ": only TrueType .ttf fonts can be embedded reliably (PoDoFo 0.9.8)";
        return nullptr;
    }
    if (FT_New_Face(library(), path.c_str(), 0, &fd->face) != 0) {
        error = path + ": cannot load the font (is the font package installed?)";
        return nullptr;
    }
    fd->unitsPerEm = fd->face->units_per_EM;
    fd->ascent = fd->face->ascender * 1000.0 / fd->unitsPerEm;
    fd->width.assign(FaceData::kTable, kMissing);
    fd->gid.assign(FaceData::kTable, 0);
    fd->known.assign(FaceData::kTable, false);
    for (char32_t cp = 0; cp < FaceData::kTable; ++cp)
        if (FaceData::eager(cp)) fd->load(cp);
    fd->loadKerning();
    cache[path] = fd;
    return fd;
}

Descriptor describe(FaceData& fd) {
    std::lock_guard<std::mutex> g(fd.lock);
    Descriptor d;
    auto* os2 = static_cast<TT_OS2*>(FT_Get_Sfnt_Table(fd.face, FT_SFNT_OS2));
    auto* post = static_cast<TT_Postscript*>(FT_Get_Sfnt_Table(fd.face, FT_SFNT_POST));
    bool italic = false, serif = false, fixed = false;
    if (post) {
        d.italicAngle = std::round(static_cast<double>(post->italicAngle) / 65536.0 * 100.0) / 100.0;
        italic = post->italicAngle != 0;
        fixed = post->isFixedPitch != 0;
    }
    if (os2) {
        italic = italic || (os2->fsSelection & 1);
        serif = os2->panose[1] >= 2 && os2->panose[1] <= 10;  // bSerifStyle: 11–13 are sans serif
        double w = os2->usWeightClass;
        d.stemV = static_cast<int>(std::lround(w / 65.0 * w / 65.0 + 50));
        if (os2->version >= 2 && os2->sCapHeight > 0) d.capHeight = static_cast<int>(std::lround(os2->sCapHeight * 1000.0 / fd.unitsPerEm));
    }
    if (d.capHeight == 0) {  // OS/2 before version 2 (DejaVu): the height of "H"
        FT_UInt h = FT_Get_Char_Index(fd.face, 'H');
        if (h != 0 && FT_Load_Glyph(fd.face, h, FT_LOAD_NO_SCALE | FT_LOAD_NO_BITMAP) == 0)
            d.capHeight = static_cast<int>(std::lround(fd.face->glyph->metrics.horiBearingY * 1000.0 / fd.unitsPerEm));
    }
    d.flags = 32 | (fixed ? 1 : 0) | (serif ? 2 : 0) | (italic ? 64 : 0);
    return d;
}

std::string postscriptName(FaceData& fd) {
    std::lock_guard<std::mutex> g(fd.lock);
    const char* n = FT_Get_Postscript_Name(fd.face);
    return n ? n : "Font";
}

}  // namespace detail

namespace {

using detail::FaceData;

class FtMetrics : public layout::Metrics {
public:
    std::array<std::shared_ptr<FaceData>, FaceCount> faces;
    double advance(Face f, char32_t cp) const override {
        float w = faces[f]->lookup(cp);
        return w >= 0 ? w : 0;
    }
    bool covers(Face f, char32_t cp) const override { return faces[f]->lookup(cp) >= 0; }
    double ascent(Face f) const override { return faces[f]->ascent; }
    double kern(Face f, char32_t l, char32_t r) const override { return faces[f]->kern(l, r); }
    std::string name(Face f) const override { return faces[f]->path; }
};

}  // namespace

std::unique_ptr<layout::Metrics> loadMetrics(const Style& style, std::string& error) {
    auto m = std::make_unique<FtMetrics>();
    for (int f = 0; f < FaceCount; ++f) {
        m->faces[static_cast<std::size_t>(f)] = detail::loadFace(style.fonts[static_cast<std::size_t>(f)], error);
        if (!m->faces[static_cast<std::size_t>(f)]) return nullptr;
    }
    return m;
}

}  // namespace dv::pdf
