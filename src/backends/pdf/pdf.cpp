// Laid-out pages → PDF/A-2a + PDF/UA-1 through PoDoFo 0.9.8. PoDoFo holds the object model; the
// content streams, the output intent, outlines, links and page labels are built here
// as dictionaries (PoDoFo has no API for them), and the file is written by hybrid (object streams,
// compact syntax), not by PoDoFo. Beside it: tagging (the structure tree), fontset (which font
// each face becomes, and its dictionaries), shaping (kerning), face (FreeType metrics), fonts
// (hb-subset font programs), fontdict (descriptor, ToUnicode), winansi (the simple fonts'
// encoding), xmp (metadata).
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

#include "backends/pdf/face.h"
#include "backends/pdf/flate.h"
#include "backends/pdf/fontset.h"
#include "backends/pdf/hybrid.h"
#include "backends/pdf/pdf.h"
#include "backends/pdf/tagging.h"
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
        : laid_(laid), st_(style), info_(info), fonts_(style, repertoire, doc_.GetObjects()), tree_(laid, doc_.GetObjects()) {}

    std::string write() {
        doc_.SetPdfVersion(ePdfVersion_1_7);
        tree_.createElements();
        fonts_.choose(laid_);
        for (std::size_t p = 0; p < laid_.pages.size(); ++p) page(p);
        for (auto& [o, h] : pendingDests_) o->GetDictionary().AddKey("Dest", dest(h));
        tree_.finish(*doc_.GetCatalog());
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

    StructureTree tree_;

    // BT /F size Tf color rg [Tw] dx dy Td [(codes) kern (codes)] TJ ET. A simple font's codes are
    // the WinAnsiEncoding bytes and its word spacing is Tw; a Type0 font's are the subset's glyph
    // ids (two bytes, from the same FreeType lookup layout measured with) and its word spacing a
    // TJ adjustment after each space (PODOFO-0.9.8.md trap 10).
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
        const int mcid = tree_.mark(c, p);
        m.ops += "/" + laid_.nodes[static_cast<std::size_t>(c.node)].type + "<</MCID " + std::to_string(mcid) + ">>BDC\n";
    }

    void chunkOps(const layout::Chunk& c, const layout::Chunk* prev, PdfPage& page, std::size_t p, Marks& m) {
        if (!tree_.continues(prev, c)) openMarked(c, p, m);
        else if (c.node >= 0) tree_.goesOn(c, *prev);
        if (!c.fills.empty() || !c.images.empty() || !c.paths.empty() || !c.rules.empty()) m.closeText();
        std::string& content = m.ops;
        for (const layout::Fill& f : c.fills)
            content += "q\n" + color(f.color, "rg") + num(f.x) + " " + num(laid_.pageHeight - f.y - f.h) + " " + num(f.w) + " " + num(f.h) + " re f\nQ\n";
        for (const draw::Image& im : c.images) imageOps(im, page, content);
        for (const layout::Path& q : c.paths) pathOps(q, content);
        if (c.hasBox && c.node >= 0) tree_.figureBox(c.node, c.box);
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
        tree_.beginPage(page->GetObject()->Reference());
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
                tree_.annotation(a.id, p, o, a.node);
            }
            pd.AddKey("Annots", annots);
            pd.AddKey("Tabs", PdfName("S"));
        }
    }
    std::vector<std::pair<PdfObject*, int>> pendingDests_;

    PdfArray dest(int heading) {
        const layout::Heading& h = laid_.headings[static_cast<std::size_t>(heading)];
        PdfArray d;
        d.push_back(tree_.page(static_cast<std::size_t>(h.page)));
        d.push_back(PdfName("XYZ"));
        d.push_back(PdfVariant(static_cast<double>(0)));
        d.push_back(PdfVariant(laid_.pageHeight - h.y + 4));
        d.push_back(PdfVariant(static_cast<double>(0)));
        return d;
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
