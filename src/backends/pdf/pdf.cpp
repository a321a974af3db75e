// Laid-out pages → PDF/A-2a + PDF/UA-1 through PoDoFo 0.9.8. PoDoFo does the object model, the
// font subsets (Identity-H with ToUnicode) and the file syntax; the tagging, XMP, output intent,
// outlines, links and page labels are built here as dictionaries (PoDoFo has no API for them).
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include FT_TRUETYPE_TAGS_H
#include <podofo/podofo.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "backends/pdf/fonts.h"
#include "backends/pdf/pdf.h"
#include "core/text.h"

namespace dv::pdf {
namespace {

using namespace PoDoFo;

// ---------------------------------------------------------------- metrics (FreeType)
constexpr float kMissing = -1.0f;  // the font has no glyph for the code point

// Widths and glyph ids per code point. The Latin, punctuation and symbol ranges a Norwegian
// document uses are read at load; anything else is looked up under a lock (FreeType faces must
// not be used from two threads at once, and documents are rendered in parallel).
struct FaceData {
    FT_Face face = nullptr;
    std::string path;
    double unitsPerEm = 1000;
    double ascent = 800;
    std::vector<float> width;   // per code point below kTable; kMissing when absent
    std::vector<std::uint16_t> gid;
    std::vector<bool> known;
    std::mutex lock;
    static constexpr char32_t kTable = 0x3000;
    std::unordered_map<std::uint32_t, float> kerning;  // (left gid << 16 | right gid) → 1/1000 em; read-only after load

    // The TrueType 'kern' table, format 0 horizontal subtables (DejaVu: about 1 400 pairs per
    // face, "AV", "To", "Te" among them). GPOS kerning would need a shaper (HarfBuzz).
    void loadKerning() {
        FT_ULong length = 0;
        if (FT_Load_Sfnt_Table(face, TTAG_kern, 0, nullptr, &length) != 0 || length < 4) return;
        std::vector<unsigned char> t(length);
        if (FT_Load_Sfnt_Table(face, TTAG_kern, 0, t.data(), &length) != 0) return;
        auto u16 = [&](std::size_t at) { return at + 2 <= t.size() ? static_cast<unsigned>(t[at] << 8 | t[at + 1]) : 0u; };
        unsigned tables = u16(2);
        std::size_t at = 4;
        for (unsigned k = 0; k < tables && at + 6 <= t.size(); ++k) {
            unsigned len = u16(at + 2), coverage = u16(at + 4);
            if ((coverage >> 8) == 0 && (coverage & 0x0F) == 1) {  // format 0, horizontal, kerning values
                unsigned pairs = u16(at + 6);
                for (unsigned i = 0; i < pairs; ++i) {
                    std::size_t e = at + 14 + 6 * static_cast<std::size_t>(i);
                    if (e + 6 > t.size()) break;
                    auto value = static_cast<std::int16_t>(u16(e + 4));
                    kerning[u16(e) << 16 | u16(e + 2)] = static_cast<float>(value * 1000.0 / unitsPerEm);
                }
            }
            if (len < 6) break;
            at += len;
        }
    }
    float kern(char32_t l, char32_t r) {
        if (kerning.empty() || l == ' ' || r == ' ') return 0;
        std::uint16_t a = glyph(l), b = glyph(r);
        if (a == 0 || b == 0) return 0;
        auto it = kerning.find(static_cast<std::uint32_t>(a) << 16 | b);
        return it == kerning.end() ? 0 : it->second;
    }

    void load(char32_t cp) {  // caller holds `lock` or is the only user
        FT_UInt g = FT_Get_Char_Index(face, cp);
        if (g == 0 || FT_Load_Glyph(face, g, FT_LOAD_NO_SCALE | FT_LOAD_NO_BITMAP) != 0) {
            width[cp] = kMissing;
        } else {
            width[cp] = static_cast<float>(face->glyph->metrics.horiAdvance * 1000.0 / unitsPerEm);
            gid[cp] = static_cast<std::uint16_t>(g);
        }
        known[cp] = true;
    }
    void ensure(char32_t cp) {
        if (cp >= kTable) return;
        std::lock_guard<std::mutex> g(lock);
        if (!known[cp]) load(cp);
    }
    static bool eager(char32_t cp) { return cp < 0x250 || (cp >= 0x2000 && cp < 0x2200) || (cp >= 0x25A0 && cp < 0x2600); }
    float lookup(char32_t cp) {
        if (cp >= kTable) return kMissing;
        if (!eager(cp)) ensure(cp);
        return width[cp];
    }
    std::uint16_t glyph(char32_t cp) {
        if (cp >= kTable) return 0;
        if (!eager(cp)) ensure(cp);
        return gid[cp];
    }
};

FT_Library library() {
    static FT_Library lib = [] {
        FT_Library l = nullptr;
        FT_Init_FreeType(&l);
        return l;
    }();
    return lib;
}

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

// Font descriptor values from the font's own tables: Flags (Serif from the PANOSE serif style,
// Italic from post.italicAngle or OS/2 fsSelection, FixedPitch from post), ItalicAngle, CapHeight
// (OS/2 sCapHeight, else the height of "H"; 1/1000 em). StemV is not stored in TrueType fonts; it is estimated from the
// weight class as (weight / 65)² + 50, the approximation font tools use (400 → 88, 700 → 166).
struct Descriptor {
    int flags = 32;
    double italicAngle = 0;
    int stemV = 88;
    int capHeight = 0;
};

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

double perEm(const FaceData& fd, double units) { return std::round(units * 1000.0 / fd.unitsPerEm * 1000.0) / 1000.0; }

// The FontDescriptor of an embedded face (ISO 32000-1 §9.8, Table 122).
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

// A ToUnicode CMap (Adobe technical note 5411) for glyph ids → the code points drawn with them.
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

// ---------------------------------------------------------------- helpers
// A PDF number with at most two decimals, no trailing zeros ("12", "12.5", "-0.25").
std::string num(double v) {
    long long h = std::llround(v * 100.0);
    std::string s;
    if (h < 0) {
        s += '-';
        h = -h;
    }
    s += std::to_string(h / 100);
    int frac = static_cast<int>(h % 100);
    if (frac != 0) {
        s += '.';
        s += static_cast<char>('0' + frac / 10);
        if (frac % 10) s += static_cast<char>('0' + frac % 10);
    }
    if (s == "-0") s = "0";
    return s;
}

std::string color(const Rgb& c, const char* op) {
    return num(c.r / 255.0) + " " + num(c.g / 255.0) + " " + num(c.b / 255.0) + " " + op + "\n";
}

PdfString utf8(const std::string& s) { return PdfString(reinterpret_cast<const pdf_utf8*>(s.c_str())); }

std::string pdfDate(const Date& d) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "D:%04d%02d%02d120000+01'00'", d.year, d.month, d.day);
    return buf;
}
std::string xmpDate(const Date& d) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT12:00:00+01:00", d.year, d.month, d.day);
    return buf;
}

std::string xmp(const DocumentInfo& info, const std::string& producer, const std::string& creator) {
    std::ostringstream x;
    x << "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      << "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      << "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      << "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
      << "<dc:format>application/pdf</dc:format>\n"
      << "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" << xmlEscape(info.title) << "</rdf:li></rdf:Alt></dc:title>\n"
      << "<dc:creator><rdf:Seq><rdf:li>" << xmlEscape(info.author) << "</rdf:li></rdf:Seq></dc:creator>\n"
      << "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" << xmlEscape(info.subject) << "</rdf:li></rdf:Alt></dc:description>\n"
      << "<dc:language><rdf:Bag><rdf:li>" << info.lang << "</rdf:li></rdf:Bag></dc:language>\n"
      << "</rdf:Description>\n"
      << "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
      << "<xmp:CreateDate>" << xmpDate(info.date) << "</xmp:CreateDate>\n"
      << "<xmp:ModifyDate>" << xmpDate(info.date) << "</xmp:ModifyDate>\n"
      << "<xmp:MetadataDate>" << xmpDate(info.date) << "</xmp:MetadataDate>\n"
      << "<xmp:CreatorTool>" << xmlEscape(creator) << "</xmp:CreatorTool>\n"
      << "</rdf:Description>\n"
      << "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
      << "<pdf:Producer>" << xmlEscape(producer) << "</pdf:Producer>\n"
      << "<pdf:Keywords>" << xmlEscape(info.keywords) << "</pdf:Keywords>\n"
      << "</rdf:Description>\n"
      << "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
      << "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>A</pdfaid:conformance>\n"
      << "</rdf:Description>\n"
      << "<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
      << "<pdfuaid:part>1</pdfuaid:part>\n"
      << "</rdf:Description>\n"
      // PDF/A-2 accepts only predefined schemas unless declared: declare pdfuaid.
      << "<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\""
         " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
      << "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
      << "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
      << "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
      << "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
      << "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
      << "<pdfaProperty:name>part</pdfaProperty:name>\n<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
      << "<pdfaProperty:category>internal</pdfaProperty:category>\n"
      << "<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n"
      << "</rdf:li></rdf:Seq></pdfaSchema:property>\n"
      << "</rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
      << "</rdf:Description>\n"
      << "</rdf:RDF>\n</x:xmpmeta>\n";
    for (int i = 0; i < 10; ++i) x << "                                                                                \n";
    x << "<?xpacket end=\"w\"?>";
    return x.str();
}

std::string readFile(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw std::runtime_error(path + ": cannot read");
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// Decodes UTF-8 (validated upstream) to code points.
std::vector<char32_t> codepoints(const std::string& s) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        char32_t cp;
        if (c < 0x80) { cp = c; i += 1; }
        else if ((c & 0xE0) == 0xC0) { cp = ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu); i += 2; }
        else if ((c & 0xF0) == 0xE0) { cp = ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu); i += 3; }
        else { cp = ((c & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6) | (s[i + 3] & 0x3Fu); i += 4; }
        out.push_back(cp);
    }
    return out;
}

class Writer {
public:
    Writer(const layout::Laid& laid, const Style& style, const DocumentInfo& info) : laid_(laid), st_(style), info_(info) {}

    std::string write() {
        doc_.SetPdfVersion(ePdfVersion_1_7);
        doc_.SetWriteMode(ePdfWriteMode_Clean);
        for (int f = 0; f < FaceCount; ++f) {
            const std::string& path = st_.fonts[static_cast<std::size_t>(f)];
            std::string err;
            faces_[static_cast<std::size_t>(f)] = loadFace(path, err);
            if (!faces_[static_cast<std::size_t>(f)]) throw std::runtime_error(err);
        }
        createStructElems();
        for (std::size_t p = 0; p < laid_.pages.size(); ++p) page(p);
        finishStructure();
        outlines();
        catalog();
        for (std::size_t f = 0; f < FaceCount; ++f)
            if (fonts_[f]) embedFont(f);
        PdfRefCountedBuffer buf;
        PdfOutputDevice dev(&buf);
        doc_.Write(&dev);
        return std::string(buf.GetBuffer(), dev.GetLength());
    }

private:
    const layout::Laid& laid_;
    const Style& st_;
    const DocumentInfo& info_;
    PdfMemDocument doc_;
    std::array<PdfObject*, FaceCount> fonts_{};  // the Type0 font of each face drawn, filled in by embedFont
    std::array<std::shared_ptr<FaceData>, FaceCount> faces_;
    std::array<std::vector<bool>, FaceCount> used_ = [] {
        std::array<std::vector<bool>, FaceCount> a;
        for (auto& v : a) v.assign(0x10000, false);
        return a;
    }();  // code points drawn, per face (BMP)

    std::vector<PdfObject*> elems_;             // per structure node
    std::map<int, std::pair<int, int>> chunkAt_;  // chunk id → (page, mcid)
    std::map<int, std::pair<int, PdfReference>> annotAt_;  // link id → (page, annotation)
    std::vector<PdfReference> pageRefs_;
    std::vector<std::vector<int>> mcidNode_;     // per page: MCID → node

    static std::string fontName(std::size_t f) { return "F" + std::to_string(f + 1); }
    PdfObject* font(Face f) {
        std::size_t i = static_cast<std::size_t>(f);
        if (!fonts_[i]) fonts_[i] = doc_.GetObjects().CreateObject("Font");
        return fonts_[i];
    }

    void createStructElems() {
        for (const layout::StructNode& n : laid_.nodes) {
            // No /Type: it is optional for a structure element (ISO 32000-1 Table 323), and a
            // knowledge base has about 1 800 of them.
            PdfObject* o = doc_.GetObjects().CreateObject();
            o->GetDictionary().AddKey("S", PdfName(n.type));
            if (!n.lang.empty()) o->GetDictionary().AddKey("Lang", PdfString(n.lang));
            if (!n.scope.empty()) {
                PdfDictionary a;
                a.AddKey("O", PdfName("Table"));
                a.AddKey("Scope", PdfName(n.scope));
                o->GetDictionary().AddKey("A", a);
            }
            if (!n.listNumbering.empty()) {
                PdfDictionary a;
                a.AddKey("O", PdfName("List"));
                a.AddKey("ListNumbering", PdfName(n.listNumbering));
                o->GetDictionary().AddKey("A", a);
            }
            if (!n.alt.empty()) o->GetDictionary().AddKey("Alt", utf8(n.alt));
            elems_.push_back(o);
        }
        for (std::size_t i = 0; i < laid_.nodes.size(); ++i)
            if (laid_.nodes[i].parent >= 0)
                elems_[i]->GetDictionary().AddKey("P", elems_[static_cast<std::size_t>(laid_.nodes[i].parent)]->Reference());
    }

    // BT /F size Tf color rg x y Tm [<gids> adj <gids>] TJ ET — glyph ids from our own table (the
    // same FreeType lookup PoDoFo's Identity encoding does), word spacing as TJ adjustments after
    // each space (PODOFO-0.9.8.md trap 10).
    // Inside one BT … ET per chunk: Tf and rg only when they change (text state and fill colour
    // persist; rules and fills are drawn in q … Q), then Tm and TJ.
    struct TextState {
        int face = -1;
        double size = 0;
        std::string color;
    };
    void textOps(const layout::TextRun& r, std::string& ops, TextState& st) {
        font(r.face);
        std::vector<char32_t> cps = codepoints(r.text);
        auto& used = used_[static_cast<std::size_t>(r.face)];
        for (char32_t cp : cps)
            if (cp < used.size()) used[cp] = true;  // told to PoDoFo once, at the end
        FaceData& face = *faces_[static_cast<std::size_t>(r.face)];
        if (st.face != r.face || st.size != r.size) {
            ops += '/';
            ops += fontName(static_cast<std::size_t>(r.face));
            ops += ' ';
            ops += num(r.size);
            ops += " Tf\n";
            st.face = r.face;
            st.size = r.size;
        }
        std::string rg = color(r.color, "rg");
        if (rg != st.color) {
            ops += rg;
            st.color = rg;
        }
        ops += "1 0 0 1 ";
        ops += num(r.x);
        ops += ' ';
        ops += num(laid_.pageHeight - r.y);
        ops += " Tm\n[<";
        std::string adj = r.wordSpacing != 0 ? "> " + num(-r.wordSpacing * 1000.0 / r.size) + " <" : "";
        static const char* hex = "0123456789ABCDEF";
        for (std::size_t i = 0; i < cps.size(); ++i) {
            char32_t cp = cps[i];
            std::uint16_t g = face.glyph(cp);
            ops += hex[(g >> 12) & 15];
            ops += hex[(g >> 8) & 15];
            ops += hex[(g >> 4) & 15];
            ops += hex[g & 15];
            if (cp == ' ' && !adj.empty()) ops += adj;
            // the kerning layout measured (Metrics::kern): a TJ number moves the next glyph left
            if (i + 1 < cps.size())
                if (float k = face.kern(cp, cps[i + 1]); k != 0) ops += "> " + num(-k) + " <";
        }
        ops += ">] TJ\n";
    }

    // A figure's shape: "x y m x y l … h", then fill (f), stroke (S) or both (B), in q … Q.
    void pathOps(const layout::Path& q, std::string& ops) {
        if (q.points.empty() || (!q.filled && !q.stroked)) return;
        ops += "q\n";
        if (q.filled) ops += color(q.fill, "rg");
        if (q.stroked) ops += color(q.stroke, "RG") + num(q.width) + " w\n";
        const auto& p = q.points;
        // an axis-aligned rectangle as "re": shorter, and what checkers read as a background
        if (q.closed && p.size() == 4 && p[0].second == p[1].second && p[1].first == p[2].first &&
            p[2].second == p[3].second && p[3].first == p[0].first) {
            ops += num(std::min(p[0].first, p[2].first)) + " " + num(laid_.pageHeight - std::max(p[0].second, p[2].second)) + " " +
                   num(std::abs(p[2].first - p[0].first)) + " " + num(std::abs(p[2].second - p[0].second)) + " re\n";
        } else {
            for (std::size_t i = 0; i < p.size(); ++i)
                ops += num(p[i].first) + " " + num(laid_.pageHeight - p[i].second) + (i == 0 ? " m\n" : " l\n");
            if (q.closed) ops += "h ";
        }
        ops += q.filled && q.stroked ? "B\nQ\n" : q.filled ? "f\nQ\n" : "S\nQ\n";
    }
    std::map<int, layout::Box> figureBoxes_;  // Figure node → its area on its page

    // A raster image as an image XObject, embedded once per file (PoDoFo reads PNG and JPEG;
    // a PNG's alpha channel becomes an SMask, which PDF/A-2 allows), drawn into its box.
    void imageOps(const draw::Image& im, PdfPage& page, std::string& ops) {
        auto it = images_.find(im.path);
        if (it == images_.end()) {
            auto img = std::make_unique<PdfImage>(&doc_);
            img->LoadFromFile(im.path.c_str());
            it = images_.emplace(im.path, std::move(img)).first;
        }
        PdfImage& img = *it->second;
        page.AddResource(img.GetIdentifier(), img.GetObject()->Reference(), PdfName("XObject"));
        ops += "q\n" + num(im.w) + " 0 0 " + num(im.h) + " " + num(im.x) + " " + num(laid_.pageHeight - im.y - im.h) +
               " cm\n/" + img.GetIdentifier().GetName() + " Do\nQ\n";
    }
    std::map<std::string, std::unique_ptr<PdfImage>> images_;

    void page(std::size_t p) {
        const layout::Page& pg = laid_.pages[p];
        PdfPage* page = doc_.CreatePage(PdfRect(0, 0, laid_.pageWidth, laid_.pageHeight));
        pageRefs_.push_back(page->GetObject()->Reference());
        mcidNode_.emplace_back();
        std::string content;
        content.reserve(64 * 1024);
        TextState state;
        for (const layout::Chunk& c : pg.chunks) {
            if (c.node >= 0) {
                int mcid = static_cast<int>(mcidNode_.back().size());
                mcidNode_.back().push_back(c.node);
                chunkAt_[c.id] = {static_cast<int>(p), mcid};
                content += "/" + laid_.nodes[static_cast<std::size_t>(c.node)].type + " <</MCID " + std::to_string(mcid) + ">> BDC\n";
            } else {
                static const char* kinds[] = {"<</Type /Layout>>", "<</Type /Pagination /Subtype /Header>>",
                                              "<</Type /Pagination /Subtype /Footer>>"};
                content += "/Artifact ";
                content += kinds[static_cast<int>(c.artifact)];
                content += " BDC\n";
            }
            for (const layout::Fill& f : c.fills)
                content += "q\n" + color(f.color, "rg") + num(f.x) + " " + num(laid_.pageHeight - f.y - f.h) + " " + num(f.w) + " " + num(f.h) + " re f\nQ\n";
            for (const draw::Image& im : c.images) imageOps(im, *page, content);
            for (const layout::Path& q : c.paths) pathOps(q, content);
            if (c.hasBox && c.node >= 0) figureBoxes_[c.node] = c.box;
            for (const layout::RuleLine& r : c.rules)
                content += "q\n" + color(r.color, "RG") + num(r.width) + " w\n" + num(r.x1) + " " + num(laid_.pageHeight - r.y1) + " m " +
                           num(r.x2) + " " + num(laid_.pageHeight - r.y2) + " l S\nQ\n";
            if (!c.runs.empty()) {
                content += "BT\n";
                for (const layout::TextRun& r : c.runs) textOps(r, content, state);
                content += "ET\n";
            }
            content += "EMC\n";
        }
        for (int f = 0; f < FaceCount; ++f)
            if (fonts_[static_cast<std::size_t>(f)])
                page->AddResource(PdfName(fontName(static_cast<std::size_t>(f))), fonts_[static_cast<std::size_t>(f)]->Reference(),
                                  PdfName("Font"));
        PdfObject* contents = page->GetContentsForAppending();
        contents->GetStream()->Set(content.data(), static_cast<pdf_long>(content.size()));
        PdfDictionary& pd = page->GetObject()->GetDictionary();
        pd.AddKey("StructParents", PdfVariant(static_cast<pdf_int64>(p)));
        if (!pg.links.empty()) {
            PdfArray annots;
            for (const layout::LinkArea& a : pg.links) {
                PdfObject* o = doc_.GetObjects().CreateObject("Annot");
                PdfDictionary& d = o->GetDictionary();
                d.AddKey("Subtype", PdfName("Link"));
                PdfArray rect;
                rect.push_back(PdfVariant(a.x));
                rect.push_back(PdfVariant(laid_.pageHeight - a.y - a.h));
                rect.push_back(PdfVariant(a.x + a.w));
                rect.push_back(PdfVariant(laid_.pageHeight - a.y));
                d.AddKey("Rect", rect);
                PdfArray border;
                for (int i = 0; i < 3; ++i) border.push_back(PdfVariant(static_cast<pdf_int64>(0)));
                d.AddKey("Border", border);
                d.AddKey("F", PdfVariant(static_cast<pdf_int64>(4)));
                d.AddKey("Contents", utf8(a.contents));
                d.AddKey("P", page->GetObject()->Reference());
                if (!a.uri.empty()) {
                    PdfDictionary act;
                    act.AddKey("S", PdfName("URI"));
                    act.AddKey("URI", PdfString(a.uri));
                    d.AddKey("A", act);
                } else {
                    pendingDests_.push_back({o, a.heading});
                }
                annots.push_back(o->Reference());
                annotAt_[a.id] = {static_cast<int>(p), o->Reference()};
                annotObjs_.push_back({o, a.node});
            }
            pd.AddKey("Annots", annots);
            pd.AddKey("Tabs", PdfName("S"));
        }
    }
    std::vector<std::pair<PdfObject*, int>> pendingDests_;
    std::vector<std::pair<PdfObject*, int>> annotObjs_;

    PdfArray dest(int heading) {
        const layout::Heading& h = laid_.headings[static_cast<std::size_t>(heading)];
        PdfArray d;
        d.push_back(pageRefs_[static_cast<std::size_t>(h.page)]);
        d.push_back(PdfName("XYZ"));
        d.push_back(PdfVariant(static_cast<double>(0)));
        d.push_back(PdfVariant(laid_.pageHeight - h.y + 4));
        d.push_back(PdfVariant(static_cast<double>(0)));
        return d;
    }

    void finishStructure() {
        for (auto& [o, h] : pendingDests_) o->GetDictionary().AddKey("Dest", dest(h));
        // /K of every element, in the order layout recorded
        for (std::size_t i = 0; i < laid_.nodes.size(); ++i) {
            PdfArray k;
            for (const auto& kid : laid_.nodes[i].kids) {
                switch (kid.kind) {
                case layout::StructNode::Kid::Node: k.push_back(elems_[static_cast<std::size_t>(kid.index)]->Reference()); break;
                case layout::StructNode::Kid::Chunk: {
                    auto it = chunkAt_.find(kid.index);
                    if (it == chunkAt_.end()) break;
                    PdfDictionary mcr;
                    mcr.AddKey("Type", PdfName("MCR"));
                    mcr.AddKey("Pg", pageRefs_[static_cast<std::size_t>(it->second.first)]);
                    mcr.AddKey("MCID", PdfVariant(static_cast<pdf_int64>(it->second.second)));
                    k.push_back(mcr);
                    break;
                }
                case layout::StructNode::Kid::Annot: {
                    auto it = annotAt_.find(kid.index);
                    if (it == annotAt_.end()) break;
                    PdfDictionary objr;
                    objr.AddKey("Type", PdfName("OBJR"));
                    objr.AddKey("Pg", pageRefs_[static_cast<std::size_t>(it->second.first)]);
                    objr.AddKey("Obj", it->second.second);
                    k.push_back(objr);
                    break;
                }
                }
            }
            elems_[i]->GetDictionary().AddKey("K", k);
        }
        // A figure's layout attributes (PDF/UA: a Figure has /BBox): lower left, upper right.
        for (const auto& [n, b] : figureBoxes_) {
            PdfDictionary a;
            a.AddKey("O", PdfName("Layout"));
            a.AddKey("Placement", PdfName("Block"));
            PdfArray box;
            box.push_back(PdfVariant(std::round(b.x * 100) / 100));
            box.push_back(PdfVariant(std::round((laid_.pageHeight - b.y - b.h) * 100) / 100));
            box.push_back(PdfVariant(std::round((b.x + b.w) * 100) / 100));
            box.push_back(PdfVariant(std::round((laid_.pageHeight - b.y) * 100) / 100));
            a.AddKey("BBox", box);
            elems_[static_cast<std::size_t>(n)]->GetDictionary().AddKey("A", a);
        }
        PdfObject* root = doc_.GetObjects().CreateObject("StructTreeRoot");
        root->GetDictionary().AddKey("K", elems_[0]->Reference());
        elems_[0]->GetDictionary().AddKey("P", root->Reference());
        PdfArray nums;
        for (std::size_t p = 0; p < mcidNode_.size(); ++p) {
            nums.push_back(PdfVariant(static_cast<pdf_int64>(p)));
            PdfArray arr;
            for (int n : mcidNode_[p]) arr.push_back(elems_[static_cast<std::size_t>(n)]->Reference());
            nums.push_back(arr);
        }
        pdf_int64 key = static_cast<pdf_int64>(mcidNode_.size());
        for (auto& [o, n] : annotObjs_) {
            o->GetDictionary().AddKey("StructParent", PdfVariant(key));
            nums.push_back(PdfVariant(key));
            nums.push_back(elems_[static_cast<std::size_t>(n)]->Reference());
            ++key;
        }
        PdfDictionary parentTree;
        parentTree.AddKey("Nums", nums);
        PdfObject* pt = doc_.GetObjects().CreateObject(parentTree);
        root->GetDictionary().AddKey("ParentTree", pt->Reference());
        root->GetDictionary().AddKey("ParentTreeNextKey", PdfVariant(key));
        doc_.GetCatalog()->GetDictionary().AddKey("StructTreeRoot", root->Reference());
    }

    // Bookmarks mirroring the headings, nested by level, built by hand for a correct /Count.
    void outlines() {
        if (laid_.headings.empty()) return;
        struct Item { PdfObject* obj; int level; std::vector<std::size_t> kids; int parent; };
        std::vector<Item> items;
        PdfObject* top = doc_.GetObjects().CreateObject("Outlines");
        std::vector<std::size_t> roots;
        std::vector<int> stack;  // indices into items
        for (std::size_t h = 0; h < laid_.headings.size(); ++h) {
            const layout::Heading& hd = laid_.headings[h];
            if (hd.level > st_.contentsDepth + 1 || hd.frontMatter) continue;
            while (!stack.empty() && items[static_cast<std::size_t>(stack.back())].level >= hd.level) stack.pop_back();
            PdfObject* o = doc_.GetObjects().CreateObject();
            o->GetDictionary().AddKey("Title", utf8(hd.text));
            o->GetDictionary().AddKey("Dest", dest(static_cast<int>(h)));
            int parent = stack.empty() ? -1 : stack.back();
            items.push_back({o, hd.level, {}, parent});
            std::size_t idx = items.size() - 1;
            if (parent < 0) roots.push_back(idx);
            else items[static_cast<std::size_t>(parent)].kids.push_back(idx);
            stack.push_back(static_cast<int>(idx));
        }
        auto link = [&](const std::vector<std::size_t>& kids, PdfObject* parent) {
            for (std::size_t i = 0; i < kids.size(); ++i) {
                PdfDictionary& d = items[kids[i]].obj->GetDictionary();
                d.AddKey("Parent", parent->Reference());
                if (i > 0) d.AddKey("Prev", items[kids[i - 1]].obj->Reference());
                if (i + 1 < kids.size()) d.AddKey("Next", items[kids[i + 1]].obj->Reference());
            }
            if (!kids.empty()) {
                parent->GetDictionary().AddKey("First", items[kids.front()].obj->Reference());
                parent->GetDictionary().AddKey("Last", items[kids.back()].obj->Reference());
            }
        };
        link(roots, top);
        // Open to the first level: chapters open (/Count > 0: their sections show), sections
        // closed (/Count < 0). The top /Count is every item visible when the file opens.
        pdf_int64 visible = static_cast<pdf_int64>(roots.size());
        for (Item& it : items) {
            link(it.kids, it.obj);
            if (it.kids.empty()) continue;
            pdf_int64 n = static_cast<pdf_int64>(it.kids.size());
            bool open = it.parent < 0;
            it.obj->GetDictionary().AddKey("Count", PdfVariant(open ? n : -n));
            if (open) visible += n;
        }
        top->GetDictionary().AddKey("Count", PdfVariant(visible));
        doc_.GetCatalog()->GetDictionary().AddKey("Outlines", top->Reference());
    }

    void catalog() {
        PdfDictionary& cat = doc_.GetCatalog()->GetDictionary();
        const std::string producer = "DigiVestland dokumentpipeline (PoDoFo 0.9.8)";
        const std::string creator = "digivestland";
        PdfInfo* info = doc_.GetInfo();
        PdfDictionary& id = info->GetObject()->GetDictionary();
        id.AddKey("Title", utf8(info_.title));
        id.AddKey("Author", utf8(info_.author));
        id.AddKey("Subject", utf8(info_.subject));
        id.AddKey("Keywords", utf8(info_.keywords));
        id.AddKey("Creator", utf8(creator));
        id.AddKey("Producer", utf8(producer));
        id.AddKey("CreationDate", PdfString(pdfDate(info_.date)));
        id.AddKey("ModDate", PdfString(pdfDate(info_.date)));

        std::string x = xmp(info_, producer, creator);
        PdfObject* md = doc_.GetObjects().CreateObject("Metadata");
        md->GetDictionary().AddKey("Subtype", PdfName("XML"));
        TVecFilters none;
        md->GetStream()->Set(x.data(), static_cast<pdf_long>(x.size()), none);
        cat.AddKey("Metadata", md->Reference());

        std::string icc = readFile(st_.iccProfile);
        PdfObject* prof = doc_.GetObjects().CreateObject();
        prof->GetDictionary().AddKey("N", PdfVariant(static_cast<pdf_int64>(3)));
        prof->GetStream()->Set(icc.data(), static_cast<pdf_long>(icc.size()));
        PdfDictionary oi;
        oi.AddKey("Type", PdfName("OutputIntent"));
        oi.AddKey("S", PdfName("GTS_PDFA1"));
        oi.AddKey("OutputConditionIdentifier", PdfString("sRGB IEC61966-2.1"));
        oi.AddKey("Info", PdfString("sRGB IEC61966-2.1"));
        oi.AddKey("DestOutputProfile", prof->Reference());
        PdfArray ois;
        ois.push_back(oi);
        cat.AddKey("OutputIntents", ois);

        PdfDictionary mark;
        mark.AddKey("Marked", PdfVariant(true));
        cat.AddKey("MarkInfo", mark);
        cat.AddKey("Lang", PdfString(info_.lang));
        PdfDictionary vp;
        vp.AddKey("DisplayDocTitle", PdfVariant(true));
        cat.AddKey("ViewerPreferences", vp);
        cat.AddKey("PageMode", PdfName(laid_.headings.empty() ? "UseNone" : "UseOutlines"));
        PdfDictionary labels, decimal;
        decimal.AddKey("S", PdfName("D"));
        PdfArray nums;
        nums.push_back(PdfVariant(static_cast<pdf_int64>(0)));
        nums.push_back(decimal);
        labels.AddKey("Nums", nums);
        cat.AddKey("PageLabels", labels);
    }

    // A face as a Type0 font with Identity-H, its CIDFontType2 (CIDToGIDMap /Identity: the glyph
    // ids of the content stream are the font's), widths of the glyphs drawn, a ToUnicode CMap
    // mapping each glyph back to the code point drawn with it, and the font program from
    // hb-subset (fonts.h). The descriptor's values are read from the font's own tables (describe).
    void embedFont(std::size_t f) {
        FaceData& face = *faces_[f];
        std::map<std::uint16_t, char32_t> drawn;  // glyph → the first code point drawn with it
        for (char32_t cp = 1; cp < used_[f].size(); ++cp)
            if (used_[f][cp]) {
                std::uint16_t g = face.glyph(cp);
                if (g != 0) drawn.emplace(g, cp);
            }
        std::set<std::uint16_t> gids;
        for (const auto& [g, cp] : drawn) gids.insert(g);
        std::shared_ptr<const FontProgram> program = fontProgram(face.path, gids);
        const std::string base = program->tag + "+" + postscriptName(face);

        PdfObject* file = doc_.GetObjects().CreateObject();
        file->GetDictionary().AddKey("Length1", PdfVariant(static_cast<pdf_int64>(program->length1)));
        TVecFilters none;  // the bytes are deflated already, once per run; Set without filters drops /Filter
        file->GetStream()->Set(program->compressed.data(), static_cast<pdf_long>(program->compressed.size()), none);
        file->GetDictionary().AddKey("Filter", PdfName("FlateDecode"));

        PdfObject* descriptor = doc_.GetObjects().CreateObject("FontDescriptor");
        describeInto(face, base, descriptor->GetDictionary());
        descriptor->GetDictionary().AddKey("FontFile2", file->Reference());

        PdfObject* cid = doc_.GetObjects().CreateObject("Font");
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
        c.AddKey("W", widths(face, drawn));

        PdfObject* toUnicode = doc_.GetObjects().CreateObject();
        const std::string cmap = unicodeCMap(drawn);
        toUnicode->GetStream()->Set(cmap.data(), static_cast<pdf_long>(cmap.size()));

        PdfDictionary& t = fonts_[f]->GetDictionary();
        t.AddKey("Subtype", PdfName("Type0"));
        t.AddKey("BaseFont", PdfName(base));
        t.AddKey("Encoding", PdfName("Identity-H"));
        PdfArray descendants;
        descendants.push_back(cid->Reference());
        t.AddKey("DescendantFonts", descendants);
        t.AddKey("ToUnicode", toUnicode->Reference());
    }

    // W: [gid [width] …] in 1/1000 em, runs of consecutive glyph ids grouped.
    static PdfArray widths(FaceData& face, const std::map<std::uint16_t, char32_t>& drawn) {
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
};

}  // namespace

std::unique_ptr<layout::Metrics> loadMetrics(const Style& style, std::string& error) {
    auto m = std::make_unique<FtMetrics>();
    for (int f = 0; f < FaceCount; ++f) {
        m->faces[static_cast<std::size_t>(f)] = loadFace(style.fonts[static_cast<std::size_t>(f)], error);
        if (!m->faces[static_cast<std::size_t>(f)]) return nullptr;
    }
    return m;
}

std::string writePdf(const layout::Laid& laid, const Style& style, const DocumentInfo& info) {
    try {
        Writer w(laid, style, info);
        return w.write();
    } catch (const PdfError& e) {
        throw std::runtime_error(std::string("PDF writer: ") + PdfError::ErrorMessage(e.GetError()));
    }
}

}  // namespace dv::pdf
