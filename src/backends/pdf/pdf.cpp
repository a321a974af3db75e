// Laid-out pages → PDF/A-2a + PDF/UA-1 through PoDoFo 0.9.8. PoDoFo holds the object model; the
// content streams, the tagging, the output intent, outlines, links and page labels are built here
// as dictionaries (PoDoFo has no API for them), and the file is written by hybrid (object streams,
// compact syntax), not by PoDoFo. Beside it: fontset (which font each face becomes, and its
// dictionaries), face (FreeType metrics), fonts (hb-subset font programs), fontdict (descriptor,
// ToUnicode), winansi (the simple fonts' encoding), xmp (metadata).
#include <podofo/podofo.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "backends/pdf/face.h"
#include "backends/pdf/flate.h"
#include "backends/pdf/fontset.h"
#include "backends/pdf/hybrid.h"
#include "backends/pdf/pdf.h"
#include "backends/pdf/utf8.h"
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

class Writer {
public:
    Writer(const layout::Laid& laid, const Style& style, const DocumentInfo& info, const Repertoire* repertoire)
        : laid_(laid), st_(style), info_(info), fonts_(style, repertoire, doc_.GetObjects()) {}

    std::string write() {
        doc_.SetPdfVersion(ePdfVersion_1_7);
        createStructElems();
        fonts_.choose(laid_);
        for (std::size_t p = 0; p < laid_.pages.size(); ++p) page(p);
        finishStructure();
        outlines();
        catalog();
        fonts_.embed();
        // the file syntax is ours (hybrid.h): PoDoFo's writer knows no object streams
        return writeHybridFile(doc_.GetObjects(), doc_.GetCatalog()->Reference(), doc_.GetInfo()->GetObject()->Reference());
    }

private:
    const layout::Laid& laid_;
    const Style& st_;
    const DocumentInfo& info_;
    PdfMemDocument doc_;
    FontSet fonts_;  // after doc_: it creates its objects there

    std::vector<PdfObject*> elems_;             // per structure node
    std::map<int, std::pair<int, int>> chunkAt_;  // chunk id → (page, mcid)
    std::map<int, std::pair<int, PdfReference>> annotAt_;  // link id → (page, annotation)
    std::vector<PdfReference> pageRefs_;
    std::vector<std::vector<int>> mcidNode_;     // per page: MCID → node
    std::unordered_map<int, std::size_t> kidAt_;  // chunk id → its place among its element's kids


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
        fonts_.font(r.face);
        const bool simple = fonts_.simple(r.face);
        textStateOps(r, simple, ops, st);
        lineOps(r, ops, st);
        std::vector<char32_t> cps = codepoints(r.text);
        FaceData& face = fonts_.face(r.face);
        const std::vector<std::uint16_t>& newGid = fonts_.newGid(r.face);
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
            ops += FontSet::resourceName(static_cast<std::size_t>(r.face));
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
            if (PdfObject* font = fonts_.drawn(static_cast<std::size_t>(f)))
                page->AddResource(PdfName(FontSet::resourceName(static_cast<std::size_t>(f))), font->Reference(),
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
