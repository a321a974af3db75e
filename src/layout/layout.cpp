// Block layout and pagination. Blocks become vertical items (a line, a table row, a title
// page); items that must stay together are chained with keepWithPrev (heading + what follows,
// the first and last two lines of a paragraph, a table header + its first row); the pager moves
// a chain that does not fit to the next page and repeats a table's header rows there.
#include "layout/builder.h"
#include "layout/layout.h"

namespace dv::layout {

using detail::Builder;

Laid layoutDocument(const doc::Document& d, const Style& style, const Metrics& metrics, const Hyphenator& hyph,
                    Diagnostics& diags) {
    // The contents page shows page numbers that depend on the layout: lay out until they settle.
    std::vector<int> pages, figurePages;
    Laid laid;
    detail::LineCache lines(metrics, hyph);
    for (int pass = 0; pass < 4; ++pass) {
        Diagnostics passDiags;
        Builder b(d, style, metrics, hyph, lines, passDiags, pages, figurePages);
        laid = b.run();
        std::vector<int> now, figuresNow;
        for (const Heading& h : laid.headings) now.push_back(h.page);
        for (const FigureEntry& f : laid.figures) figuresNow.push_back(f.page);
        if ((now == pages && figuresNow == figurePages) || pass == 3) {
            diags.append(passDiags);
            break;
        }
        pages = now;
        figurePages = figuresNow;
    }
    return laid;
}

}  // namespace dv::layout

