// The layout builder: one document's blocks → vertical items → pages (layout.cpp runs it until
// the contents page's numbers settle). Its methods live in files of one job each: builder.cpp
// (bookkeeping), blocks.cpp (paragraphs, headings, lists), table.cpp, figure.cpp, contents.cpp
// (contents, list of figures), pages.cpp (title page, pagination, headers and footers).
// Internal to the layout stage.
#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "layout/layout.h"
#include "layout/linecache.h"

namespace dv::layout::detail {

struct VItem {
    double height = 0;
    double spaceBefore = 0;
    bool keepWithPrev = false;
    bool pageBreakBefore = false;
    std::vector<Chunk> chunks;     // y relative to the item's top
    std::vector<LinkArea> links;   // y relative to the item's top
    int heading = -1;
    int table = -1;
    bool tableHeader = false;
    bool fullPage = false;         // the title page: no header or footer
    int figure = -1;               // index into Laid::figures
};

inline std::size_t utf8Next(const std::string& s, std::size_t i, char32_t& cp) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { cp = c; return i + 1; }
    if ((c & 0xE0) == 0xC0) { cp = ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu); return i + 2; }
    if ((c & 0xF0) == 0xE0) { cp = ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu); return i + 3; }
    cp = ((c & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6) | (s[i + 3] & 0x3Fu);
    return i + 4;
}

class Builder {
public:
    Builder(const doc::Document& d, const Style& st, const Metrics& m, const Hyphenator& hy, LineCache& lines,
            Diagnostics& diags, const std::vector<int>& headingPages, const std::vector<int>& figurePages)
        : d_(d), st_(st), m_(m), hy_(hy), lines_(lines), diags_(diags), headingPages_(headingPages), figurePages_(figurePages) {
        left_ = st.marginLeft;
        width_ = st.pageWidth - st.marginLeft - st.marginRight;
        out_.nodes.push_back({"Document", -1, {}, {}, {}, {}, {}});
        out_.meta = d.meta;
        out_.pageWidth = st.pageWidth;
        out_.pageHeight = st.pageHeight;
        scanHeadings();
    }

    Laid run();

private:
    const doc::Document& d_;
    const Style& st_;
    const Metrics& m_;
    const Hyphenator& hy_;
    LineCache& lines_;  // shared by the passes of one document
    Diagnostics& diags_;
    const std::vector<int>& headingPages_;
    const std::vector<int>& figurePages_;  // of the previous pass, for the list of figures
    Laid out_;
    std::vector<VItem> items_;
    std::vector<std::vector<VItem>> tableHeaders_;
    double left_, width_;
    int nextChunk_ = 0, nextLink_ = 0, headingIndex_ = 0;
    bool breakPending_ = false;
    std::vector<bool> reportedChars_ = std::vector<bool>(0x30000, false);

    int node(const std::string& type, int parent);
    Chunk chunk(int nodeIdx);
    void push(VItem it);

    void scanHeadings();

    Face faceFor(bool head, const doc::Inline& in) const;

    void checkCoverage(const std::string& text, Face f, int line);

    std::vector<Fragment> fragments(const doc::Inlines& in, bool head, double size, int line);

    double baseline(double size) const { return size * (st_.leading - 1) / 2 + size * m_.ascent(BodyRegular) / 1000.0; }

    // Lines → items. Widow/orphan: a paragraph breaks only where at least two lines stay on
    // either side. Returns the number of items pushed.
    void setParagraph(const std::vector<SetLine>& lines, int pNode, double x, double size, Rgb color, double spaceBefore,
                      bool keepFirst, bool orphanControl = true);

    // Bold and italic stretches become inline elements of their own. PDF 1.7 has no Strong or
    // Em (PDF 2.0 types, role-mapped to Span for PDF/UA-1); the shared ua_check.py looks RoleMap
    // keys up without their slash and fails every role-mapped type, so until it is fixed both
    // are written as the standard Span. 0: plain, 1: bold, 2: italic.
    static int inlineKindFor(Face f) { return f == BodyBold || f == BodyBoldItalic ? 1 : f == BodyItalic ? 2 : 0; }

    // A paragraph as an element of `type` under `parent`; an empty type puts its lines in
    // `parent` itself (a list item's one paragraph, in its LBody).
    void paragraph(const doc::Inlines& in, int parent, double x, double width, int line, double spaceAfterPrev,
                   const std::string& type = "P", bool keepFirst = false);

    // depth: list nesting (bullets vary by level)
    void block(const doc::Block& b, int parent, double x, double width, int depth);
    bool keepNext_ = false;

    // A figure: one item (a figure is never split; the pager moves it whole to the next page),
    // scaled down to fit the measure and the page, tagged Figure with its /Alt and a box, then
    // its caption (label + text) as a Caption kept with it.
    void figure(const doc::Block& b, int parent, double x, double width);
    void figureLabel(const draw::Label& l, double ox, double scale, int line, Chunk& c);

    // Lists and quotes indent their content; nested without bound they would squeeze the measure
    // below zero (issue 15). Deeper than kMaxNesting is refused at the block's template line.
    static constexpr int kMaxNesting = 10;
    int nesting_ = 0;
    bool nestingReported_ = false;
    bool enterNesting(const doc::Block& b);

    void heading(const doc::Block& b, int parent, double x, double width);

    void list(const doc::Block& b, int parent, double x, double width, int depth);

    // Wraps every cell of a table, sizes columns from content, emits one item per row.
    void table(const doc::Block& b, int parent, double x, double width);

    double widestPageNumber(Face f, double size) const;

    void contents(int parent, double x, double width);
    Chunk leaderDots(double gridX, double from, double to, double size);

    // The list of figures: label and caption, dot leaders, page number (of the previous pass, as
    // the contents), tagged TOC/TOCI.
    void figureList(int parent, double x, double width);

    void titlePage();

    // --- pagination ---
    void newPage() { out_.pages.emplace_back(); }

    void paginate();

    void decorate(const std::vector<bool>& fullPage);
};

}  // namespace dv::layout::detail
