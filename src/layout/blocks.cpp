// Paragraphs, headings, lists and the dispatch of every block kind.
#include "layout/builder.h"

namespace dv::layout::detail {

void Builder::setParagraph(const std::vector<SetLine>& lines, int pNode, double x, double size, Rgb color, double spaceBefore,
                           bool keepFirst, bool orphanControl) {
    double lh = size * st_.leading;
    std::size_t n = lines.size();
    // Bold and italic inside body text are inline elements (Strong, Em), one per stretch of
    // the face, continued across line ends; so is a run in another language (a Span with
    // /Lang, ISO 32000-1 14.9.2), a stretch of one face and one language each.
    int inlineNode = -1, inlineKind = 0;
    std::string inlineLang;
    for (std::size_t i = 0; i < n; ++i) {
        const SetLine& l = lines[i];
        VItem it;
        it.height = lh;
        it.spaceBefore = i == 0 ? spaceBefore : 0;
        it.keepWithPrev = i == 0 ? keepFirst : (orphanControl && (i == 1 || i + 1 == n));
        double by = baseline(size);
        int linkNode = -1;
        std::string linkUri;
        for (std::size_t r = 0; r < l.runs.size(); ++r) {
            int li = l.runLinks[r];
            int target = pNode;
            if (li >= 0) {
                const std::string& uri = l.links[static_cast<std::size_t>(li)].first;
                if (linkNode < 0 || linkUri != uri) {
                    linkNode = node("Link", pNode);
                    linkUri = uri;
                }
                target = linkNode;
                inlineNode = -1;
            } else {
                linkNode = -1;
                int kind = inlineKindFor(l.runs[r].face);
                std::string lang = r < l.runLangs.size() ? l.runLangs[r] : std::string();
                if (kind == 0 && lang.empty()) {
                    inlineNode = -1;
                } else {
                    if (inlineNode < 0 || kind != inlineKind || lang != inlineLang) {
                        inlineNode = node("Span", pNode);
                        out_.nodes[static_cast<std::size_t>(inlineNode)].lang = lang;
                    }
                    inlineKind = kind;
                    inlineLang = lang;
                    target = inlineNode;
                }
            }
            if (it.chunks.empty() || it.chunks.back().node != target) it.chunks.push_back(chunk(target));
            TextRun tr = l.runs[r];
            tr.x += x;
            tr.y = by;
            tr.color = li >= 0 ? st_.link : color;
            it.chunks.back().runs.push_back(tr);
            if (li >= 0 && (r + 1 == l.runs.size() || l.runLinks[r + 1] != li)) {
                const auto& lk = l.links[static_cast<std::size_t>(li)];
                LinkArea a;
                a.id = nextLink_++;
                a.x = x + lk.second.first;
                a.w = lk.second.second - lk.second.first;
                a.y = 0;
                a.h = lh;
                a.uri = lk.first;
                a.node = linkNode;
                a.contents = "Lenke til " + lk.first;
                out_.nodes[static_cast<std::size_t>(linkNode)].kids.push_back({StructNode::Kid::Annot, a.id});
                it.links.push_back(a);
                // underline the link text (decoration: artifact)
                Chunk u = chunk(-1);
                u.rules.push_back({a.x, by + 1.2, a.x + a.w, by + 1.2, 0.4, st_.link});
                it.chunks.push_back(u);
            }
        }
        push(std::move(it));
    }
}

void Builder::paragraph(const doc::Inlines& in, int parent, double x, double width, int line, double spaceAfterPrev,
                        const std::string& type, bool keepFirst) {
    int p = type.empty() ? parent : node(type, parent);  // no type: the lines are the parent's own
    auto frags = fragments(in, false, st_.bodySize, line);
    const auto& lines = lines_.lines(frags, width, Alignment::Justify, true);
    setParagraph(lines, p, x, st_.bodySize, st_.text, spaceAfterPrev, keepFirst);
}

void Builder::heading(const doc::Block& b, int parent, double x, double width) {
    int level = std::min(b.level, 4);
    double size = st_.headingSizes[static_cast<std::size_t>(level - 1)];
    int hn = node("H" + std::to_string(std::min(b.level, 6)), parent);
    doc::Inlines in = b.inlines;
    if (!b.number.empty()) in.insert(in.begin(), doc::Inline{doc::Inline::Kind::Text, b.number + "  ", false, false, false, {}, {}});
    auto frags = fragments(in, true, size, b.line);
    const auto& lines = lines_.lines(frags, width, Alignment::Left, false);
    if (b.level == 1 && st_.chapterOnNewPage && !items_.empty()) breakPending_ = true;
    std::size_t first = items_.size();
    setParagraph(lines, hn, x, size, st_.heading, st_.headingSpaceBefore, keepNext_, false);  // a heading after a heading stays with it
    for (std::size_t i = first + 1; i < items_.size(); ++i) items_[i].keepWithPrev = true;
    items_[first].heading = headingIndex_++;
    items_.back().height += st_.headingSpaceAfter;
    keepNext_ = true;
}

void Builder::block(const doc::Block& b, int parent, double x, double width, int depth) {
    using K = doc::Block::Kind;
    switch (b.kind) {
    case K::Heading: heading(b, parent, x, width); break;
    case K::Paragraph: {
        paragraph(b.inlines, parent, x, width, b.line, st_.paragraphSpace, "P", keepNext_);
        // a paragraph that introduces what follows ("...:") stays with it
        std::string t = doc::plainText(b.inlines);
        while (!t.empty() && t.back() == ' ') t.pop_back();
        keepNext_ = !t.empty() && t.back() == ':';
        break;
    }
    case K::List:
        if (!enterNesting(b)) break;
        list(b, parent, x, width, depth);
        --nesting_;
        break;
    case K::Quote: {
        if (!enterNesting(b)) break;
        int q = node("BlockQuote", parent);
        std::size_t first = items_.size();
        for (const doc::Block& c : b.children) block(c, q, x + 14, width - 28, depth);
        for (std::size_t i = first; i < items_.size(); ++i) {  // a bar to the left of the quote
            Chunk c = chunk(-1);
            c.rules.push_back({x + 4, 0, x + 4, items_[i].height, 1.5, st_.rule});
            items_[i].chunks.push_back(c);
        }
        --nesting_;
        break;
    }
    case K::Table: table(b, parent, x, width); keepNext_ = false; break;
    case K::Rule: {
        VItem it;
        it.height = 12;
        it.spaceBefore = 4;
        Chunk c = chunk(-1);
        c.rules.push_back({x, 6, x + width, 6, 0.5, st_.rule});
        it.chunks.push_back(c);
        push(std::move(it));
        break;
    }
    case K::PageBreak: breakPending_ = true; break;
    case K::Contents: contents(parent, x, width); break;
    case K::Figure: figure(b, parent, x, width); break;
    case K::FigureList: figureList(parent, x, width); break;
    }
}

void Builder::list(const doc::Block& b, int parent, double x, double width, int depth) {
    int l = node("L", parent);
    int num = b.start;
    static const char* bullets[] = {"\u2022", "\u2013", "\u25E6"};
    static const char* numbering[] = {"Disc", "Disc", "Circle"};  // the dash has no name of its own
    out_.nodes[static_cast<std::size_t>(l)].listNumbering = b.ordered ? "Decimal" : numbering[depth % 3];
    double indent = st_.listIndent;
    for (const doc::Blocks& itemBlocks : b.items) {
        int li = node("LI", l);
        std::string label = b.ordered ? std::to_string(num++) + "." : bullets[depth % 3];
        int lbl = node("Lbl", li);
        int body = node("LBody", li);
        std::size_t first = items_.size();
        bool firstBlock = true;
        // An item of one paragraph is its LBody's own text (ISO 32000-1 Table 336: the body's
        // content may be contained directly); one of several blocks has a P for each.
        const bool onlyParagraph = itemBlocks.size() == 1 && itemBlocks.front().kind == doc::Block::Kind::Paragraph;
        for (const doc::Block& c : itemBlocks) {
            if (c.kind == doc::Block::Kind::Paragraph) {
                paragraph(c.inlines, body, x + indent, width - indent, c.line, firstBlock ? 2.0 : st_.paragraphSpace / 2,
                          onlyParagraph ? "" : "P", keepNext_ && firstBlock);
                keepNext_ = false;
            } else {
                block(c, body, x + indent, width - indent, depth + 1);
            }
            firstBlock = false;
        }
        if (first < items_.size()) {
            Chunk c = chunk(lbl);
            TextRun r;
            r.face = BodyRegular;
            r.size = st_.bodySize;
            r.text = label;
            double w = textWidth(m_, r.face, r.size, label);
            r.x = b.ordered ? x + indent - 5 - w : x + indent - 10;
            r.y = baseline(st_.bodySize);
            r.color = st_.text;
            c.runs.push_back(r);
            items_[first].chunks.insert(items_[first].chunks.begin(), c);
        }
    }
}

}  // namespace dv::layout::detail
