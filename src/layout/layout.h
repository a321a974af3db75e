// The layout stage: the document tree set into pages. Our own line breaker (justified, with
// Norwegian hyphenation), block stacking with keep-with-next, widow/orphan control, tables with
// repeated header rows, a contents page, header and footer. The output is positioned text runs,
// rules and link areas grouped into marked chunks, plus the logical structure tree the PDF
// backend writes as tags. Font metrics come in through an interface so this stage depends on no
// PDF library.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/diagnostic.h"
#include "model/style.h"
#include "templates/document.h"

namespace dv::layout {

// Advance widths of the faces the style names, in 1/1000 em.
class Metrics {
public:
    virtual ~Metrics() = default;
    virtual double advance(Face f, char32_t cp) const = 0;
    virtual bool covers(Face f, char32_t cp) const = 0;
    virtual double ascent(Face f) const = 0;  // 1/1000 em
    // Pair kerning between two adjacent characters of one run, 1/1000 em (negative: closer).
    // The PDF backend draws exactly the pairs this reports, so measured and drawn widths agree.
    virtual double kern(Face, char32_t /*left*/, char32_t /*right*/) const { return 0; }
    virtual std::string name(Face f) const = 0;
};

// Hyphenation points of a word, from a libhyphen pattern file (hyphen-no: nb and nn). Pattern
// files of the same content are loaded once and shared (nb and nn are one file today); each
// word's points are computed once and kept. Safe to use from several threads.
class Hyphenator {
public:
    explicit Hyphenator(const std::string& dictionaryPath, int minLeft = 2, int minRight = 3);
    ~Hyphenator();
    Hyphenator(const Hyphenator&) = delete;
    Hyphenator& operator=(const Hyphenator&) = delete;
    bool loaded() const { return dict_ != nullptr; }
    // Byte offsets into `word` (UTF-8) where a line may break with a hyphen added.
    const std::vector<std::size_t>& points(const std::string& word) const;

private:
    std::vector<std::size_t> compute(const std::string& word) const;
    std::shared_ptr<void> dict_;  // the loaded patterns (HyphenDict), shared by content
    int minLeft_, minRight_;
    mutable std::mutex mutex_;  // guards cache_
    mutable std::unordered_map<std::string, std::vector<std::size_t>> cache_;  // word → points
};

struct TextRun {
    Face face = BodyRegular;
    double size = 10;
    double x = 0, y = 0;       // baseline start; y from the top of the page
    std::string text;          // UTF-8, spaces included
    double wordSpacing = 0;    // extra width of each space (justification), pt
    Rgb color;
};
struct RuleLine {
    double x1, y1, x2, y2, width;
    Rgb color;
};
struct Fill {
    double x, y, w, h;
    Rgb color;
};

// A filled and/or stroked polyline or polygon (figures). Points with y from the top of the page.
struct Path {
    std::vector<std::pair<double, double>> points;
    bool closed = false;
    bool filled = false, stroked = false;
    Rgb fill, stroke;
    double width = 0.75;
};
struct Box {
    double x = 0, y = 0, w = 0, h = 0;  // y from the top of the page
};

// What an artifact is (ISO 32000-1 14.8.2.2.2): running heads and page numbers are pagination
// artifacts, rules, fills, leader dots and repeated table headers layout artifacts.
enum class Artifact { Layout, Header, Footer };

// Content that belongs to one structure element (or to none: an artifact, node == -1).
struct Chunk {
    int id = -1;    // global id, referenced by the structure tree
    int node = -1;  // structure element, -1 = artifact
    Artifact artifact = Artifact::Layout;  // when node == -1
    std::vector<TextRun> runs;
    std::vector<RuleLine> rules;
    std::vector<Fill> fills;
    std::vector<Path> paths;  // drawn after the fills, before rules and text
    std::vector<draw::Image> images;  // raster images (page coordinates), drawn before the paths
    bool hasBox = false;      // a figure's chunk: its area on the page (the /BBox attribute)
    Box box;
};

struct LinkArea {
    int id = -1;    // global id, referenced by the structure tree (OBJR)
    double x, y, w, h;  // y from the top of the page
    std::string uri;    // external link, or
    int heading = -1;   // internal: index into Laid::headings
    int node = -1;      // its Link structure element
    std::string contents;  // description (PDF/UA: /Contents)
};

struct Page {
    std::vector<Chunk> chunks;
    std::vector<LinkArea> links;
};

struct StructNode {
    std::string type;  // Document, H1, P, L, LI, Lbl, LBody, Table, TR, TH, TD, TOC, TOCI, Link, ...
    int parent = -1;
    struct Kid {
        enum Kind { Node, Chunk, Annot } kind;
        int index;  // node index, chunk id or link id
    };
    std::vector<Kid> kids;
    std::string scope;  // TH: Column / Row
    std::string listNumbering;  // L: Decimal / Disc / Circle (ISO 32000-1 Table 347)
    std::string alt;            // Figure: alternative text (/Alt)
    std::string lang;           // Span: /Lang of a run in another language than the document's
};

struct Heading {
    int level;
    std::string text;  // with its number
    int page = 0;      // 0-based
    double y = 0;      // top, from the top of the page
    bool inContents = false;
    bool frontMatter = false;  // before the contents page (version log …): no bookmark
};

struct FigureEntry {
    std::string text;  // label and caption
    int page = 0;      // 0-based
};

struct Laid {
    std::vector<Page> pages;
    std::vector<StructNode> nodes;  // nodes[0] is Document
    std::vector<Heading> headings;
    std::vector<FigureEntry> figures;  // in document order
    std::map<std::string, std::string> meta;
    double pageWidth = 0, pageHeight = 0;
};

// Sets `d` into pages. Characters no face covers are diagnostics naming the template line.
Laid layoutDocument(const doc::Document& d, const Style& style, const Metrics& metrics,
                    const Hyphenator& hyph, Diagnostics& diags);

// --- exposed for tests -------------------------------------------------------------------
struct Fragment {
    std::string text;
    Face face;
    double size;
    std::string link;
    std::string lang;  // doc::Inline::lang: "" for the document's language
};
struct SetLine {
    std::vector<TextRun> runs;  // x relative to the line start, y = 0
    double width = 0;           // natural width
    bool last = false;          // last line of the paragraph (not justified)
    std::vector<std::pair<std::string, std::pair<double, double>>> links;  // uri, [x0, x1]
    std::vector<int> runLinks;  // per run: index into links or -1
    std::vector<std::string> runLangs;  // per run: its language when not the document's, else ""
};
enum class Alignment { Justify, Left, Right, Center };
// Breaks fragments into lines no wider than `width` (a word longer than the line is broken
// at hyphenation points, else between characters).
std::vector<SetLine> breakLines(const std::vector<Fragment>& frags, double width, Alignment align,
                                const Metrics& m, const Hyphenator* hyph);
double textWidth(const Metrics& m, Face f, double size, const std::string& utf8);
// The no-break rules (nobreak.cpp): spaces that must not break become U+00A0.
std::string bindNoBreakSpaces(const std::string& text);

}  // namespace dv::layout
