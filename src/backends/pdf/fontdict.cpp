#include "backends/pdf/fontdict.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace dv::pdf::detail {

using namespace PoDoFo;

namespace {

// UTF-16BE hex of a code point, a surrogate pair above the BMP.
std::string utf16Hex(char32_t cp) {
    char buf[16];
    if (cp < 0x10000) {
        std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(cp));
    } else {
        cp -= 0x10000;
        std::snprintf(buf, sizeof buf, "%04X%04X", static_cast<unsigned>(0xD800 + (cp >> 10)), static_cast<unsigned>(0xDC00 + (cp & 0x3FF)));
    }
    return buf;
}

}  // namespace

double perEm(const FaceData& fd, double units) { return std::round(units * 1000.0 / fd.unitsPerEm * 1000.0) / 1000.0; }

void describeInto(FaceData& fd, const std::string& base, PdfDictionary& d) {
    const Descriptor v = describe(fd);
    d.AddKey("FontName", PdfName(base));
    d.AddKey("Flags", PdfVariant(static_cast<pdf_int64>(v.flags)));
    PdfArray box;
    for (FT_Pos p : {fd.face->bbox.xMin, fd.face->bbox.yMin, fd.face->bbox.xMax, fd.face->bbox.yMax})
        box.push_back(PdfVariant(perEm(fd, static_cast<double>(p))));
    d.AddKey("FontBBox", box);
    d.AddKey("ItalicAngle", PdfVariant(v.italicAngle));
    d.AddKey("Ascent", PdfVariant(perEm(fd, fd.face->ascender)));
    d.AddKey("Descent", PdfVariant(perEm(fd, fd.face->descender)));
    d.AddKey("CapHeight", PdfVariant(static_cast<pdf_int64>(v.capHeight)));
    d.AddKey("StemV", PdfVariant(static_cast<pdf_int64>(v.stemV)));
}

std::string unicodeCMap(const std::map<std::uint16_t, char32_t>& drawn) {
    std::string m =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    std::vector<std::pair<std::uint16_t, char32_t>> all(drawn.begin(), drawn.end());
    for (std::size_t i = 0; i < all.size(); i += 100) {
        std::size_t n = std::min<std::size_t>(100, all.size() - i);
        m += std::to_string(n) + " beginbfchar\n";
        for (std::size_t k = i; k < i + n; ++k) {
            char g[8];
            std::snprintf(g, sizeof g, "%04X", static_cast<unsigned>(all[k].first));
            m += "<" + std::string(g) + "> <" + utf16Hex(all[k].second) + ">\n";
        }
        m += "endbfchar\n";
    }
    return m + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
}

}  // namespace dv::pdf::detail
