// The contents page and the list of figures: entries, leader dots on one grid, page numbers.
#include "layout/builder.h"

namespace dv::layout::detail {

double Builder::widestPageNumber(Face f, double size) const {
    int most = 0;
    for (int p : headingPages_) most = std::max(most, p + 1);
    std::string digits(std::to_string(std::max(most, 1)).size(), '0');
    return textWidth(m_, f, size, digits);
}

void Builder::contents(int parent, double x, double width) {
    int toc = node("TOC", parent);
    double size = st_.bodySize, lh = size * st_.leading;
    for (std::size_t h = 0; h < out_.headings.size(); ++h) {
        const Heading& hd = out_.headings[h];
        if (!hd.inContents) continue;
        int toci = node("TOCI", toc);
        int link = node("Link", node("Reference", toci));  // TOCI → Reference → Link (ISO 32000-1 Table 333)
        double indent = (hd.level - 1) * 16.0;
        Face f = hd.level == 1 ? BodyBold : BodyRegular;
        std::string page = h < headingPages_.size() ? std::to_string(headingPages_[h] + 1) : "0";
        double pw = textWidth(m_, f, size, page);
        const auto& lines = lines_.lines({{bindNoBreakSpaces(hd.text), f, size, {}, {}}}, width - indent - 40, Alignment::Left, true);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            VItem it;
            it.height = lh;
            it.spaceBefore = i == 0 && hd.level == 1 ? 4 : 0;
            it.keepWithPrev = i > 0;
            Chunk c = chunk(link);
            for (TextRun r : lines[i].runs) {
                r.x += x + indent;
                r.y = baseline(size);
                r.color = st_.text;
                c.runs.push_back(r);
            }
            if (i + 1 == lines.size()) {
                // dot leaders (artifact) and the page number; a space between entry and
                // number in the text layer, so "1 Innleiing 5" is not read as "Innleiing5"
                if (!c.runs.empty() && c.runs.back().text.back() != ' ') c.runs.back().text += ' ';
                // the dots stop before the widest page number, so they line up in columns
                // whatever each entry's length and number
                it.chunks.push_back(c);
                const double to = x + width - widestPageNumber(f, size) - 6;
                it.chunks.push_back(leaderDots(x, x + indent + lines[i].width + 6, to, size));
                Chunk pc = chunk(link);
                pc.runs.push_back({f, size, x + width - pw, baseline(size), page, 0, st_.text});
                it.chunks.push_back(pc);
                LinkArea a;
                a.id = nextLink_++;
                a.x = x + indent;
                a.w = width - indent;
                a.y = 0;
                a.h = lh * static_cast<double>(lines.size());
                a.heading = static_cast<int>(h);
                a.node = link;
                a.contents = "Gå til " + hd.text;
                out_.nodes[static_cast<std::size_t>(link)].kids.push_back({StructNode::Kid::Annot, a.id});
                if (lines.size() > 1) a.y = -lh * static_cast<double>(lines.size() - 1);
                it.links.push_back(a);
            } else {
                it.chunks.push_back(c);
            }
            push(std::move(it));
        }
    }
    if (!items_.empty()) items_.back().height += st_.paragraphSpace;
    breakPending_ = true;
}

// Dot leaders (an artifact) between `from` and `to`, on one grid for every entry: multiples of the
// dot pitch from `gridX`, the text's left edge.
Chunk Builder::leaderDots(double gridX, double from, double to, double size) {
    Chunk dots = chunk(-1);
    const double dw = textWidth(m_, BodyRegular, size, ". ");
    int first = dw > 0 ? static_cast<int>(std::ceil((from - gridX) / dw - 1e-9)) : 0;
    int last = dw > 0 ? static_cast<int>(std::floor((to - gridX) / dw + 1e-9)) : 0;  // exclusive
    std::string d;
    for (int k = first; k < last; ++k) d += ". ";
    if (last > first) dots.runs.push_back({BodyRegular, size, gridX + first * dw, baseline(size), d, 0, st_.muted});
    return dots;
}

void Builder::figureList(int parent, double x, double width) {
    int toc = node("TOC", parent);
    const double size = st_.bodySize, lh = size * st_.leading;
    std::size_t n = 0;
    for (const doc::Block* b : doc::figures(d_)) {
        std::size_t index = n++;
        if (b->caption.empty()) continue;  // not numbered, not listed
        int toci = node("TOCI", toc);
        std::string page = index < figurePages_.size() ? std::to_string(figurePages_[index] + 1) : "0";
        const double pw = textWidth(m_, BodyRegular, size, page);
        std::string text = bindNoBreakSpaces(b->label + " " + b->caption);
        checkCoverage(text, BodyRegular, b->line);
        const auto& lines = lines_.lines({{text, BodyRegular, size, {}}}, width - 40, Alignment::Left, true);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            VItem it;
            it.height = lh;
            it.spaceBefore = i == 0 ? 2 : 0;
            it.keepWithPrev = i > 0;
            Chunk c = chunk(toci);
            for (TextRun r : lines[i].runs) {
                r.x += x;
                r.y = baseline(size);
                r.color = st_.text;
                c.runs.push_back(r);
            }
            if (i + 1 == lines.size()) {
                if (!c.runs.empty() && c.runs.back().text.back() != ' ') c.runs.back().text += ' ';
                it.chunks.push_back(c);
                it.chunks.push_back(leaderDots(x, x + lines[i].width + 6, x + width - pw - 6, size));
                Chunk pc = chunk(toci);
                pc.runs.push_back({BodyRegular, size, x + width - pw, baseline(size), page, 0, st_.text});
                it.chunks.push_back(pc);
            } else {
                it.chunks.push_back(c);
            }
            push(std::move(it));
        }
    }
    if (!items_.empty()) items_.back().height += st_.paragraphSpace;
}

}  // namespace dv::layout::detail
