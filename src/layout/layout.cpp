// Block layout and pagination. Blocks become vertical items (a line, a table row, a title
// page); items that must stay together are chained with keepWithPrev (heading + what follows,
// the first and last two lines of a paragraph, a table header + its first row); the pager moves
// a chain that does not fit to the next page and repeats a table's header rows there.
#include "layout/builder.h"
#include "layout/layout.h"

namespace dv::layout {

using detail::Builder;

namespace {

// Whether a block prints page numbers of the layout itself (a contents page, a list of figures).
bool printsPageNumbers(const doc::Blocks& blocks) {
    for (const doc::Block& b : blocks) {
        if (b.kind == doc::Block::Kind::Contents || b.kind == doc::Block::Kind::FigureList) return true;
        if (printsPageNumbers(b.children)) return true;
        for (const doc::Blocks& item : b.items)
            if (printsPageNumbers(item)) return true;
    }
    return false;
}

}  // namespace

Laid layoutDocument(const doc::Document& d, const Style& style, const Metrics& metrics, const Hyphenator& hyph,
                    Diagnostics& diags) {
    // The contents page shows page numbers that depend on the layout: lay out until they settle.
    // A document without one (a letter, an invoice) is laid out once.
    const int passes = printsPageNumbers(d.blocks) ? 4 : 1;
    std::vector<int> pages, figurePages;
    Laid laid;
    detail::LineCache lines(metrics, hyph);
    for (int pass = 0; pass < passes; ++pass) {
        Diagnostics passDiags;
        Builder b(d, style, metrics, hyph, lines, passDiags, pages, figurePages);
        laid = b.run();
        std::vector<int> now, figuresNow;
        for (const Heading& h : laid.headings) now.push_back(h.page);
        for (const FigureEntry& f : laid.figures) figuresNow.push_back(f.page);
        if ((now == pages && figuresNow == figurePages) || pass + 1 == passes) {
            diags.append(passDiags);
            break;
        }
        pages = now;
        figurePages = figuresNow;
    }
    return laid;
}

}  // namespace dv::layout

