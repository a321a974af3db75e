// Laid-out pages → PDF/A-2a + PDF/UA-1 through PoDoFo 0.9.8. PoDoFo holds the object model; the
// content streams, the tagging, the output intent, outlines, links and page labels are built here
// as dictionaries (PoDoFo has no API for them), and the file is written by hybrid (object streams,
// compact syntax), not by PoDoFo. Beside it: face (FreeType metrics), fonts (hb-subset font
// programs), fontdict (descriptor, ToUnicode), xmp (metadata).
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

#include "backends/pdf/face.h"
#include "backends/pdf/flate.h"
#include "backends/pdf/fontdict.h"
#include "backends/pdf/fonts.h"
#include "backends/pdf/hybrid.h"
#include "backends/pdf/pdf.h"
#include "backends/pdf/winansi.h"
#include "backends/pdf/xmp.h"
#include "core/text.h"

namespace dv::pdf {
namespace {

using namespace PoDoFo;
using namespace detail;

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

// A number with at most three decimals (word spacing, which adds up over a line's spaces).
std::string num3(double v) {
    long long t = std::llround(v * 1000.0);
    if (t % 10 == 0) return num(static_cast<double>(t) / 1000.0);
    std::string s = t < 0 ? "-" : "";
    t = t < 0 ? -t : t;
    char frac[4];
    std::snprintf(frac, sizeof frac, "%03lld", t % 1000);
    return s + std::to_string(t / 1000) + "." + frac;
}

// The deflated ToUnicode CMap of every simple font (winansi.h), made once per process.
const std::string& winAnsiUnicode() {
    static const std::string deflated = deflate(winAnsiUnicodeCMap(), kStreamLevel);
    return deflated;
}

PdfString utf8(const std::string& s) { return PdfString(reinterpret_cast<const pdf_utf8*>(s.c_str())); }

std::string readFile(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw std::runtime_error(path + ": cannot read");
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// A file's bytes deflated, read and compressed once per process (the ICC profile every PDF embeds).
const std::string& deflatedFile(const std::string& path) {
    static std::mutex mutex;
    static std::map<std::string, std::string> done;
    std::lock_guard<std::mutex> lock(mutex);
    auto it = done.find(path);
    if (it == done.end()) it = done.emplace(path, deflate(readFile(path), kStreamLevel)).first;
    return it->second;
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

class Writer {
public:
    Writer(const layout::Laid& laid, const Style& style, const DocumentInfo& info, const Repertoire* repertoire)
        : laid_(laid), st_(style), info_(info), repertoire_(repertoire) {}

    std::string write() {
        doc_.SetPdfVersion(ePdfVersion_1_7);
        for (int f = 0; f < FaceCount; ++f) {
            const std::string& path = st_.fonts[static_cast<std::size_t>(f)];
            std::string err;
            faces_[static_cast<std::size_t>(f)] = loadFace(path, err);
            if (!faces_[static_cast<std::size_t>(f)]) throw std::runtime_error(err);
        }
        createStructElems();
        chooseFontPrograms();
        for (std::size_t p = 0; p < laid_.pages.size(); ++p) page(p);
        finishStructure();
        outlines();
        catalog();
        for (std::size_t f = 0; f < FaceCount; ++f)
            if (fonts_[f]) embedFont(f);
        // the file syntax is ours (hybrid.h): PoDoFo's writer knows no object streams
        return writeHybridFile(doc_.GetObjects(), doc_.GetCatalog()->Reference(), doc_.GetInfo()->GetObject()->Reference());
    }

private:
    const layout::Laid& laid_;
    const Style& st_;
    const DocumentInfo& info_;
    const Repertoire* repertoire_;  // the run's code points, or none: a subset per document
    PdfMemDocument doc_;
    std::array<PdfObject*, FaceCount> fonts_{};  // the Type0 font of each face drawn, filled in by embedFont
    std::array<std::shared_ptr<FaceData>, FaceCount> faces_;
    std::array<std::vector<char32_t>, FaceCount> used_;  // code points drawn, per face (BMP), sorted, no zero
    std::array<bool, FaceCount> runSubset_{};  // per face: its subset is the run's (the repertoire's)
    std::array<bool, FaceCount> simple_{};     // per face: a simple TrueType font, one byte per character
    std::array<std::shared_ptr<const FontProgram>, FaceCount> programs_;  // per face drawn: its subset

    std::vector<PdfObject*> elems_;             // per structure node
    std::map<int, std::pair<int, int>> chunkAt_;  // chunk id → (page, mcid)
    std::map<int, std::pair<int, PdfReference>> annotAt_;  // link id → (page, annotation)
    std::vector<PdfReference> pageRefs_;
    std::vector<std::vector<int>> mcidNode_;     // per page: MCID → node
    std::unordered_map<int, std::size_t> kidAt_;  // chunk id → its place among its element's kids

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
        for (const layout::StructNode& n : laid_.nodes)
            for (std::size_t k = 0; k < n.kids.size(); ++k)
                if (n.kids[k].kind == layout::StructNode::Kid::Chunk) kidAt_[n.kids[k].index] = k;
        for (std::size_t i = 0; i < laid_.nodes.size(); ++i)
            if (laid_.nodes[i].parent >= 0)
                elems_[i]->GetDictionary().AddKey("P", elems_[static_cast<std::size_t>(laid_.nodes[i].parent)]->Reference());
    }

    // BT /F size Tf color rg dx dy Td [<gids> adj <gids>] TJ ET — glyph ids from our own table (the
    // same FreeType lookup PoDoFo's Identity encoding does), word spacing as TJ adjustments after
    // each space (PODOFO-0.9.8.md trap 10).
    // Inside one BT … ET per chunk: Tf and rg only when they change (text state and fill colour
    // persist; rules and fills are drawn in q … Q), then Td and TJ.
    struct TextState {
        int face = -1;
        double size = 0;
        std::string color;
        std::string wordSpacing = "0";  // Tw, which a page starts with at 0
        bool fresh = false;  // just after BT: the text line matrix is the identity
        long long lineX = 0, lineY = 0;  // the start of the current line, in hundredths of a point
    };
    // A glyph id as the two bytes of a literal string (half the size of hex): ( ) \\ escaped, and
    // CR, which a reader would otherwise take for an end of line.
    static void glyphBytes(std::uint16_t g, std::string& ops) {
        for (char b : {static_cast<char>(g >> 8), static_cast<char>(g & 0xFF)}) {
            if (b == '(' || b == ')' || b == '\\') ops += '\\';
            if (b == '\r') ops += "\\r";
            else ops += b;
        }
    }
    // A character as the one byte of its WinAnsiEncoding code (simple fonts), escaped alike.
    static void codeByte(char32_t cp, std::string& ops) {
        const char b = static_cast<char>(*winAnsiCode(cp));
        if (b == '(' || b == ')' || b == '\\') ops += '\\';
        ops += b;
    }
    void textOps(const layout::TextRun& r, std::string& ops, TextState& st) {
        font(r.face);
        const bool simple = simple_[static_cast<std::size_t>(r.face)];
        textStateOps(r, simple, ops, st);
        lineOps(r, ops, st);
        std::vector<char32_t> cps = codepoints(r.text);
        FaceData& face = *faces_[static_cast<std::size_t>(r.face)];
        const std::vector<std::uint16_t>& newGid = programs_[static_cast<std::size_t>(r.face)]->newGid;
        // Word spacing of a Type0 font: a TJ adjustment after each space (Tw, set by
        // textStateOps, acts on the single-byte code 32 of a simple font only).
        const std::string adj = !simple && r.wordSpacing != 0 ? ") " + num(-r.wordSpacing * 1000.0 / r.size) + " (" : "";
        ops += "[(";
        for (std::size_t i = 0; i < cps.size(); ++i) {
            char32_t cp = cps[i];
            if (simple) {
                codeByte(cp, ops);
            } else {
                const std::uint16_t old = face.glyph(cp);
                glyphBytes(old < newGid.size() ? newGid[old] : 0, ops);
            }
            if (cp == ' ' && !adj.empty()) ops += adj;
            // the kerning layout measured (Metrics::kern): a TJ number moves the next glyph left
            if (i + 1 < cps.size())
                if (float k = face.kern(cp, cps[i + 1]); k != 0) ops += ") " + num(-k) + " (";
        }
        ops += ")] TJ\n";
    }
    // Tf, rg and (simple fonts) Tw, each only when it changes.
    void textStateOps(const layout::TextRun& r, bool simple, std::string& ops, TextState& st) {
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
        if (simple)
            if (std::string tw = num3(r.wordSpacing); tw != st.wordSpacing) {
                ops += tw + " Tw\n";
                st.wordSpacing = tw;
            }
    }
    // Each line from the start of the one before it ("dx dy Td"; the first after BT from the
    // origin), in the hundredths the page is written in, so the moves add up to the place
    // exactly; shorter than "1 0 0 1 x y Tm"; a line of a paragraph is "0 -13.8 Td" again and again.
    void lineOps(const layout::TextRun& r, std::string& ops, TextState& st) const {
        if (st.fresh) st.lineX = st.lineY = 0;
        const long long x = std::llround(r.x * 100.0), y = std::llround((laid_.pageHeight - r.y) * 100.0);
        ops += num(static_cast<double>(x - st.lineX) / 100.0);
        ops += ' ';
        ops += num(static_cast<double>(y - st.lineY) / 100.0);
        ops += " Td\n";
        st.lineX = x;
        st.lineY = y;
        st.fresh = false;
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

    // The page's content as it is written: which text object and marked-content sequence are open.
    struct Marks {
        std::string ops;
        TextState text;
        bool inText = false, inMarked = false;
        void closeText() {
            if (inText) ops += "ET\n";
            inText = false;
        }
        void closeMarked() {
            closeText();
            if (inMarked) ops += "EMC\n";
            inMarked = false;
        }
    };

    // Whether chunk c goes on in prev's marked-content sequence: the same artifact kind, or the
    // same element with c its next kid (a paragraph's following line). One MCID then covers both,
    // so the element's /K and the page's ParentTree array list it once.
    bool continues(const layout::Chunk* prev, const layout::Chunk& c) const {
        if (!prev || prev->node != c.node) return false;
        if (c.node < 0) return prev->artifact == c.artifact;
        auto a = kidAt_.find(prev->id), b = kidAt_.find(c.id);
        return a != kidAt_.end() && b != kidAt_.end() && b->second == a->second + 1;
    }

    void openMarked(const layout::Chunk& c, std::size_t p, Marks& m) {
        m.closeMarked();
        m.inMarked = true;
        if (c.node < 0) {
            static const char* kinds[] = {"<</Type/Layout>>", "<</Type/Pagination/Subtype/Header>>",
                                          "<</Type/Pagination/Subtype/Footer>>"};
            m.ops += "/Artifact";
            m.ops += kinds[static_cast<int>(c.artifact)];
            m.ops += "BDC\n";
            return;
        }
        int mcid = static_cast<int>(mcidNode_.back().size());
        mcidNode_.back().push_back(c.node);
        chunkAt_[c.id] = {static_cast<int>(p), mcid};
        m.ops += "/" + laid_.nodes[static_cast<std::size_t>(c.node)].type + "<</MCID " + std::to_string(mcid) + ">>BDC\n";
    }

    void chunkOps(const layout::Chunk& c, const layout::Chunk* prev, PdfPage& page, std::size_t p, Marks& m) {
        if (!continues(prev, c)) openMarked(c, p, m);
        else if (c.node >= 0) chunkAt_[c.id] = chunkAt_[prev->id];
        if (!c.fills.empty() || !c.images.empty() || !c.paths.empty() || !c.rules.empty()) m.closeText();
        std::string& content = m.ops;
        for (const layout::Fill& f : c.fills)
            content += "q\n" + color(f.color, "rg") + num(f.x) + " " + num(laid_.pageHeight - f.y - f.h) + " " + num(f.w) + " " + num(f.h) + " re f\nQ\n";
        for (const draw::Image& im : c.images) imageOps(im, page, content);
        for (const layout::Path& q : c.paths) pathOps(q, content);
        if (c.hasBox && c.node >= 0) figureBoxes_[c.node] = c.box;
        for (const layout::RuleLine& r : c.rules)
            content += "q\n" + color(r.color, "RG") + num(r.width) + " w\n" + num(r.x1) + " " + num(laid_.pageHeight - r.y1) + " m " +
                       num(r.x2) + " " + num(laid_.pageHeight - r.y2) + " l S\nQ\n";
        if (c.runs.empty()) return;
        if (!m.inText) {
            content += "BT\n";
            m.inText = true;
            m.text.fresh = true;
        }
        for (const layout::TextRun& r : c.runs) textOps(r, content, m.text);
    }

    void page(std::size_t p) {
        const layout::Page& pg = laid_.pages[p];
        PdfPage* page = doc_.CreatePage(PdfRect(0, 0, laid_.pageWidth, laid_.pageHeight));
        pageRefs_.push_back(page->GetObject()->Reference());
        mcidNode_.emplace_back();
        Marks m;
        m.ops.reserve(64 * 1024);
        const layout::Chunk* prev = nullptr;
        for (const layout::Chunk& c : pg.chunks) {
            chunkOps(c, prev, *page, p, m);
            prev = &c;
        }
        m.closeMarked();
        const std::string& content = m.ops;
        for (int f = 0; f < FaceCount; ++f)
            if (fonts_[static_cast<std::size_t>(f)])
                page->AddResource(PdfName(fontName(static_cast<std::size_t>(f))), fonts_[static_cast<std::size_t>(f)]->Reference(),
                                  PdfName("Font"));
        PdfObject* contents = page->GetContentsForAppending();
        const std::string deflated = deflate(content, kStreamLevel);
        TVecFilters none;
        contents->GetStream()->Set(deflated.data(), static_cast<pdf_long>(deflated.size()), none);
        contents->GetDictionary().AddKey("Filter", PdfName("FlateDecode"));
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

    // The page an element's marked content is on first: its /Pg, so that each of its MCIDs on that
    // page is a bare integer in /K (ISO 32000-1 14.7.4.2); content on other pages gets an MCR.
    int firstPage(const layout::StructNode& n) const {
        for (const auto& kid : n.kids)
            if (kid.kind == layout::StructNode::Kid::Chunk)
                if (auto it = chunkAt_.find(kid.index); it != chunkAt_.end()) return it->second.first;
        return -1;
    }

    // /K of element i, in the order layout recorded: child elements, MCIDs (integers on the
    // element's /Pg, /Type /MCR dictionaries elsewhere) and OBJR for link annotations (/Pg only
    // when not the element's). One kid is written as itself, not as an array of one.
    void structKids(std::size_t i) {
        const layout::StructNode& n = laid_.nodes[i];
        PdfDictionary& e = elems_[i]->GetDictionary();
        const int pg = firstPage(n);
        if (pg >= 0) e.AddKey("Pg", pageRefs_[static_cast<std::size_t>(pg)]);
        PdfArray k;
        std::pair<int, int> last{-1, -1};  // chunks that went on in one marked-content sequence: one MCID
        for (const auto& kid : n.kids) {
            if (kid.kind == layout::StructNode::Kid::Node) {
                k.push_back(elems_[static_cast<std::size_t>(kid.index)]->Reference());
            } else if (kid.kind == layout::StructNode::Kid::Chunk) {
                auto it = chunkAt_.find(kid.index);
                if (it == chunkAt_.end() || it->second == last) continue;
                last = it->second;
                const auto mcid = PdfVariant(static_cast<pdf_int64>(it->second.second));
                if (it->second.first == pg) {
                    k.push_back(mcid);
                    continue;
                }
                PdfDictionary mcr;
                mcr.AddKey("Type", PdfName("MCR"));  // required (Table 324), and what checkers look for
                mcr.AddKey("Pg", pageRefs_[static_cast<std::size_t>(it->second.first)]);
                mcr.AddKey("MCID", mcid);
                k.push_back(mcr);
            } else if (auto it = annotAt_.find(kid.index); it != annotAt_.end()) {
                PdfDictionary objr;
                objr.AddKey("Type", PdfName("OBJR"));
                if (it->second.first != pg) objr.AddKey("Pg", pageRefs_[static_cast<std::size_t>(it->second.first)]);
                objr.AddKey("Obj", it->second.second);
                k.push_back(objr);
            }
        }
        if (k.size() == 1) e.AddKey("K", k[0]);
        else e.AddKey("K", k);
    }

    void finishStructure() {
        for (auto& [o, h] : pendingDests_) o->GetDictionary().AddKey("Dest", dest(h));
        for (std::size_t i = 0; i < laid_.nodes.size(); ++i) structKids(i);
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

        const std::string& icc = deflatedFile(st_.iccProfile);
        PdfObject* prof = doc_.GetObjects().CreateObject();
        prof->GetDictionary().AddKey("N", PdfVariant(static_cast<pdf_int64>(3)));
        prof->GetStream()->Set(icc.data(), static_cast<pdf_long>(icc.size()), none);
        prof->GetDictionary().AddKey("Filter", PdfName("FlateDecode"));
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

    // Before any page is written: the code points each face draws, and the subset each face
    // embeds (its glyph ids are the ones the content streams draw).
    void chooseFontPrograms() {
        std::array<std::vector<bool>, FaceCount> seen;
        for (const layout::Page& pg : laid_.pages)
            for (const layout::Chunk& c : pg.chunks)
                for (const layout::TextRun& r : c.runs) {
                    font(r.face);
                    const auto f = static_cast<std::size_t>(r.face);
                    if (seen[f].empty()) seen[f].assign(0x10000, false);
                    for (char32_t cp : codepoints(r.text))
                        if (cp != 0 && cp < 0x10000 && !seen[f][cp]) {
                            seen[f][cp] = true;
                            used_[f].push_back(cp);
                        }
                }
        for (auto& used : used_) std::sort(used.begin(), used.end());
        for (std::size_t f = 0; f < FaceCount; ++f)
            if (fonts_[f]) {
                programs_[f] = fontProgram(faces_[f]->path, subsetGlyphs(f));
                simple_[f] = drawsAsWinAnsi(f);
            }
    }

    // The glyph a viewer shows for `cp` written as its WinAnsiEncoding code: that of the code's
    // glyph name (winansi.h), the font's own glyph of U+0020 for a no-break space and of U+002D
    // for a soft hyphen; for a character WinAnsiEncoding lacks, its own glyph.
    static std::uint16_t shownGlyph(FaceData& face, char32_t cp) {
        const auto code = winAnsiCode(cp);
        return face.glyph(code ? winAnsiGlyphCharacter(*code) : cp);
    }

    // Whether the face can be a simple TrueType font: every character drawn has a WinAnsiEncoding
    // code, and the glyph a viewer finds for that code is in the subset with the advance layout
    // measured for the character. Else a Type0 font, two bytes per glyph.
    bool drawsAsWinAnsi(std::size_t f) {
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
    std::map<std::uint16_t, char32_t> drawnGlyphs(std::size_t f) {
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
    void embedFont(std::size_t f) {
        if (simple_[f]) return embedSimpleFont(f);
        FaceData& face = *faces_[f];
        const std::map<std::uint16_t, char32_t> drawn = drawnGlyphs(f);
        const std::string base = programs_[f]->tag + "+" + postscriptName(face);
        PdfObject* descriptor = fontDescriptor(f, base);
        TVecFilters none;
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
        // A face in the run's subset takes the run's widths and ToUnicode CMap (every glyph of
        // the subset, made once) when they map each glyph drawn to the code point drawn with it.
        const RunTables* run = runSubset_[f] ? &runTables(face, programs_[f], *repertoire_) : nullptr;
        if (run && !agrees(run->glyphs, drawn)) run = nullptr;
        c.AddKey("W", widths(face, run ? run->glyphs : drawn));

        PdfObject* toUnicode = doc_.GetObjects().CreateObject();
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
    PdfObject* fontDescriptor(std::size_t f, const std::string& base) {
        const FontProgram* program = programs_[f].get();
        PdfObject* file = doc_.GetObjects().CreateObject();
        file->GetDictionary().AddKey("Length1", PdfVariant(static_cast<pdf_int64>(program->length1)));
        TVecFilters none;  // the bytes are deflated already, once per run; Set without filters drops /Filter
        file->GetStream()->Set(program->compressed.data(), static_cast<pdf_long>(program->compressed.size()), none);
        file->GetDictionary().AddKey("Filter", PdfName("FlateDecode"));
        PdfObject* descriptor = doc_.GetObjects().CreateObject("FontDescriptor");
        describeInto(*faces_[f], base, descriptor->GetDictionary());
        descriptor->GetDictionary().AddKey("FontFile2", file->Reference());
        return descriptor;
    }

    // A face as a simple TrueType font (ISO 32000-1 9.6.3): /WinAnsiEncoding with no
    // Differences, which PDF/A-2 6.2.11.6 asks of a non-symbolic one, the font program's (3,1)
    // cmap finding each code's glyph; widths of the codes drawn; the one WinAnsi ToUnicode CMap.
    void embedSimpleFont(std::size_t f) {
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
    PdfObject* winAnsiToUnicode_ = nullptr;
    PdfObject* winAnsiToUnicode() {
        if (!winAnsiToUnicode_) {
            winAnsiToUnicode_ = doc_.GetObjects().CreateObject();
            TVecFilters none;
            winAnsiToUnicode_->GetStream()->Set(winAnsiUnicode().data(), static_cast<pdf_long>(winAnsiUnicode().size()), none);
            winAnsiToUnicode_->GetDictionary().AddKey("Filter", PdfName("FlateDecode"));
        }
        return winAnsiToUnicode_;
    }

    // The glyphs of the face's embedded subset: those of the run's repertoire when the document
    // draws nothing outside it (one font program per face for the whole run), else its own.
    std::set<std::uint16_t> subsetGlyphs(std::size_t f) {
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

bool Repertoire::has(char32_t cp) const { return std::binary_search(codePoints.begin(), codePoints.end(), cp); }

std::string writePdf(const layout::Laid& laid, const Style& style, const DocumentInfo& info, const Repertoire* repertoire) {
    try {
        Writer w(laid, style, info, repertoire);
        return w.write();
    } catch (const PdfError& e) {
        throw std::runtime_error(std::string("PDF writer: ") + PdfError::ErrorMessage(e.GetError()));
    }
}

}  // namespace dv::pdf
