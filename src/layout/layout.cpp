// Block layout and pagination. Blocks become vertical items (a line, a table row, a title
// page); items that must stay together are chained with keepWithPrev (heading + what follows,
// the first and last two lines of a paragraph, a table header + its first row); the pager moves
// a chain that does not fit to the next page and repeats a table's header rows there.
#include <algorithm>
#include <cmath>

#include "layout/layout.h"

namespace dv::layout {
namespace {

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

std::size_t utf8Next(const std::string& s, std::size_t i, char32_t& cp) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { cp = c; return i + 1; }
    if ((c & 0xE0) == 0xC0) { cp = ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu); return i + 2; }
    if ((c & 0xF0) == 0xE0) { cp = ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu); return i + 3; }
    cp = ((c & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6) | (s[i + 3] & 0x3Fu);
    return i + 4;
}

class Builder {
public:
    Builder(const doc::Document& d, const Style& st, const Metrics& m, const Hyphenator& hy, Diagnostics& diags,
            const std::vector<int>& headingPages, const std::vector<int>& figurePages)
        : d_(d), st_(st), m_(m), hy_(hy), diags_(diags), headingPages_(headingPages), figurePages_(figurePages) {
        left_ = st.marginLeft;
        width_ = st.pageWidth - st.marginLeft - st.marginRight;
        out_.nodes.push_back({"Document", -1, {}, {}, {}, {}, {}});
        out_.meta = d.meta;
        out_.pageWidth = st.pageWidth;
        out_.pageHeight = st.pageHeight;
        scanHeadings();
    }

    Laid run() {
        // "tittelside: nei" in the front matter: letters and case documents have no title page
        bool titlePageWanted = !d_.meta.count("tittelside") || d_.meta.at("tittelside") != "nei";
        if (d_.meta.count("tittel") && titlePageWanted) titlePage();
        for (const doc::Block& b : d_.blocks) block(b, 0, left_, width_, 0);
        paginate();
        return std::move(out_);
    }

private:
    const doc::Document& d_;
    const Style& st_;
    const Metrics& m_;
    const Hyphenator& hy_;
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

    int node(const std::string& type, int parent) {
        int idx = static_cast<int>(out_.nodes.size());
        out_.nodes.push_back({type, parent, {}, {}, {}, {}});
        out_.nodes[static_cast<std::size_t>(parent)].kids.push_back({StructNode::Kid::Node, idx});
        return idx;
    }
    Chunk chunk(int nodeIdx) {
        Chunk c;
        c.id = nextChunk_++;
        c.node = nodeIdx;
        if (nodeIdx >= 0) out_.nodes[static_cast<std::size_t>(nodeIdx)].kids.push_back({StructNode::Kid::Chunk, c.id});
        return c;
    }
    void push(VItem it) {
        if (breakPending_) {
            it.pageBreakBefore = true;
            breakPending_ = false;
        }
        items_.push_back(std::move(it));
    }

    void scanHeadings() {
        bool afterContents = false, hasContents = false;
        for (const doc::Block& b : d_.blocks) hasContents = hasContents || b.kind == doc::Block::Kind::Contents;
        for (const doc::Block& b : d_.blocks) {
            if (b.kind == doc::Block::Kind::Contents) afterContents = true;
            if (b.kind != doc::Block::Kind::Heading) continue;
            Heading h;
            h.level = b.level;
            h.text = (b.number.empty() ? "" : b.number + " ") + doc::plainText(b.inlines);
            h.inContents = hasContents && afterContents && b.level <= st_.contentsDepth;
            h.frontMatter = hasContents && !afterContents;
            out_.headings.push_back(h);
        }
    }

    Face faceFor(bool head, const doc::Inline& in) const {
        if (in.code) return HeadRegular;
        if (head) return in.italic ? HeadBold : (in.bold ? HeadBold : HeadBold);
        if (in.bold && in.italic) return BodyBoldItalic;
        if (in.bold) return BodyBold;
        if (in.italic) return BodyItalic;
        return BodyRegular;
    }

    void checkCoverage(const std::string& text, Face f, int line) {
        for (std::size_t i = 0; i < text.size();) {
            char32_t cp;
            i = utf8Next(text, i, cp);
            if (cp == '\n' || m_.covers(f, cp)) continue;
            if (cp < reportedChars_.size() && reportedChars_[cp]) continue;
            if (cp < reportedChars_.size()) reportedChars_[cp] = true;
            char hex[16];
            std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(cp));
            std::size_t len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            diags_.add(d_.file, std::to_string(line),
                       std::string("character ") + hex + " \"" + text.substr(i - len, len) + "\" is not in the font " + m_.name(f) +
                       ": choose another character or a font that has it (templates/stil.json)");
        }
    }

    std::vector<Fragment> fragments(const doc::Inlines& in, bool head, double size, int line) {
        std::vector<Fragment> out;
        for (const doc::Inline& i : in) {
            if (i.kind == doc::Inline::Kind::LineBreak) {
                out.push_back({"\n", BodyRegular, size, {}, {}});
                continue;
            }
            Face f = faceFor(head, i);
            checkCoverage(i.text, f, line);
            out.push_back({bindNoBreakSpaces(i.text), f, size, i.link, i.lang});
        }
        return out;
    }

    double baseline(double size) const { return size * (st_.leading - 1) / 2 + size * m_.ascent(BodyRegular) / 1000.0; }

    // Lines → items. Widow/orphan: a paragraph breaks only where at least two lines stay on
    // either side. Returns the number of items pushed.
    void setParagraph(const std::vector<SetLine>& lines, int pNode, double x, double size, Rgb color,
                      double spaceBefore, bool keepFirst, bool orphanControl = true) {
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

    // Bold and italic stretches become inline elements of their own. PDF 1.7 has no Strong or
    // Em (PDF 2.0 types, role-mapped to Span for PDF/UA-1); the shared ua_check.py looks RoleMap
    // keys up without their slash and fails every role-mapped type, so until it is fixed both
    // are written as the standard Span. 0: plain, 1: bold, 2: italic.
    static int inlineKindFor(Face f) { return f == BodyBold || f == BodyBoldItalic ? 1 : f == BodyItalic ? 2 : 0; }

    void paragraph(const doc::Inlines& in, int parent, double x, double width, int line, double spaceAfterPrev,
                   const std::string& type = "P", bool keepFirst = false) {
        int p = node(type, parent);
        auto frags = fragments(in, false, st_.bodySize, line);
        auto lines = breakLines(frags, width, Alignment::Justify, m_, &hy_);
        setParagraph(lines, p, x, st_.bodySize, st_.text, spaceAfterPrev, keepFirst);
    }

    // depth: list nesting (bullets vary by level)
    void block(const doc::Block& b, int parent, double x, double width, int depth) {
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
    bool keepNext_ = false;

    // A figure: one item (a figure is never split; the pager moves it whole to the next page),
    // scaled down to fit the measure and the page, tagged Figure with its /Alt and a box, then
    // its caption (label + text) as a Caption kept with it.
    void figure(const doc::Block& b, int parent, double x, double width) {
        const draw::Drawing& dr = b.drawing;
        const double maxHeight = st_.pageHeight - st_.marginTop - st_.marginBottom - 4 * st_.bodySize * st_.leading;
        double scale = 1;
        if (dr.width > width) scale = width / dr.width;
        if (dr.height * scale > maxHeight) scale = maxHeight / dr.height;
        const double ox = x + (width - dr.width * scale) / 2;
        int fn = node("Figure", parent);
        out_.nodes[static_cast<std::size_t>(fn)].alt = b.alt;
        VItem it;
        it.height = dr.height * scale;
        it.spaceBefore = st_.paragraphSpace + 4;
        it.keepWithPrev = keepNext_;
        Chunk c = chunk(fn);
        c.hasBox = true;
        c.box = {ox, 0, dr.width * scale, dr.height * scale};
        for (const draw::Image& im : dr.images)
            c.images.push_back({ox + im.x * scale, im.y * scale, im.w * scale, im.h * scale, im.path});
        for (const draw::Shape& s : dr.shapes) {
            Path p;
            for (const draw::Point& q : s.points) p.points.emplace_back(ox + q.x * scale, q.y * scale);
            p.closed = s.closed;
            p.filled = s.fill.has_value() && s.closed;
            if (s.fill) p.fill = *s.fill;
            p.stroked = s.stroke.has_value();
            if (s.stroke) p.stroke = *s.stroke;
            p.width = s.strokeWidth * scale;
            c.paths.push_back(std::move(p));
        }
        for (const draw::Label& l : dr.labels) figureLabel(l, ox, scale, b.line, c);
        it.chunks.push_back(std::move(c));
        it.figure = static_cast<int>(out_.figures.size());
        out_.figures.push_back({b.label + " " + b.caption, 0});
        push(std::move(it));
        keepNext_ = false;
        if (b.caption.empty()) return;  // an image without a caption (a logo)
        doc::Inlines caption{{doc::Inline::Kind::Text, b.label + " ", true, false, false, {}},
                             {doc::Inline::Kind::Text, b.caption, false, false, false, {}}};
        paragraph(caption, parent, x, width, b.line, 3, "Caption", true);
        keepNext_ = false;
    }
    void figureLabel(const draw::Label& l, double ox, double scale, int line, Chunk& c) {
        const Face face = l.bold ? HeadBold : HeadRegular;
        const double size = l.size * scale;
        checkCoverage(l.text, face, line);
        auto place = [&](double w) {
            return l.anchor == draw::Anchor::Start ? ox + l.x * scale
                   : l.anchor == draw::Anchor::Middle ? ox + l.x * scale - w / 2 : ox + l.x * scale - w;
        };
        if (l.wrapWidth <= 0) {
            c.runs.push_back({face, size, place(textWidth(m_, face, size, l.text)), l.y * scale, l.text, 0, l.colour});
            return;
        }
        auto lines = breakLines({{bindNoBreakSpaces(l.text), face, size, {}}}, l.wrapWidth * scale, Alignment::Left, m_, &hy_);
        const double lh = size * 1.2, asc = m_.ascent(face) / 1000.0 * size;
        if (l.wrapHeight > 0 && lh * static_cast<double>(lines.size()) > l.wrapHeight * scale + 1e-6) {
            std::size_t cut = std::min<std::size_t>(l.text.size(), 40);
            while (cut < l.text.size() && cut > 0 && (static_cast<unsigned char>(l.text[cut]) & 0xC0) == 0x80) --cut;  // whole characters
            diags_.add(d_.file, std::to_string(line),
                       "the text \"" + l.text.substr(0, cut) + (cut < l.text.size() ? "…" : "") + "\" needs " + std::to_string(lines.size()) +
                           " line(s) of " + std::to_string(static_cast<int>(lh)) + " pt and does not fit its box: shorten it, or make the box taller (\"radhogd\", \"rader\") or wider (\"spenn\")");
        }
        double y = l.y * scale - lh * static_cast<double>(lines.size()) / 2 + (lh - size) / 2 + asc;
        for (const SetLine& sl : lines) {
            const double x0 = place(sl.width);
            for (TextRun r : sl.runs) {
                r.x += x0;
                r.y = y;
                r.color = l.colour;
                c.runs.push_back(std::move(r));
            }
            y += lh;
        }
    }

    // Lists and quotes indent their content; nested without bound they would squeeze the measure
    // below zero (issue 15). Deeper than kMaxNesting is refused at the block's template line.
    static constexpr int kMaxNesting = 10;
    int nesting_ = 0;
    bool nestingReported_ = false;
    bool enterNesting(const doc::Block& b) {
        if (nesting_ >= kMaxNesting) {
            if (!nestingReported_)
                diags_.add(d_.file, std::to_string(b.line),
                           "lists and quotes nested more than " + std::to_string(kMaxNesting) +
                               " deep: the page has no room for deeper indentation; flatten the structure");
            nestingReported_ = true;
            return false;
        }
        ++nesting_;
        return true;
    }

    void heading(const doc::Block& b, int parent, double x, double width) {
        int level = std::min(b.level, 4);
        double size = st_.headingSizes[static_cast<std::size_t>(level - 1)];
        int hn = node("H" + std::to_string(std::min(b.level, 6)), parent);
        doc::Inlines in = b.inlines;
        if (!b.number.empty()) in.insert(in.begin(), doc::Inline{doc::Inline::Kind::Text, b.number + "  ", false, false, false, {}, {}});
        auto frags = fragments(in, true, size, b.line);
        auto lines = breakLines(frags, width, Alignment::Left, m_, nullptr);
        if (b.level == 1 && st_.chapterOnNewPage && !items_.empty()) breakPending_ = true;
        std::size_t first = items_.size();
        setParagraph(lines, hn, x, size, st_.heading, st_.headingSpaceBefore, keepNext_, false);  // a heading after a heading stays with it
        for (std::size_t i = first + 1; i < items_.size(); ++i) items_[i].keepWithPrev = true;
        items_[first].heading = headingIndex_++;
        items_.back().height += st_.headingSpaceAfter;
        keepNext_ = true;
    }

    void list(const doc::Block& b, int parent, double x, double width, int depth) {
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
            for (const doc::Block& c : itemBlocks) {
                if (c.kind == doc::Block::Kind::Paragraph) {
                    paragraph(c.inlines, body, x + indent, width - indent, c.line, firstBlock ? 2.0 : st_.paragraphSpace / 2,
                              "P", keepNext_ && firstBlock);
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

    // Wraps every cell of a table, sizes columns from content, emits one item per row.
    void table(const doc::Block& b, int parent, double x, double width) {
        std::size_t cols = b.align.size();
        if (cols == 0 || b.rows.empty()) return;
        double size = st_.tableSize, pad = st_.cellPadding, lh = size * st_.leading;
        int tnode = node("Table", parent);
        int tableId = static_cast<int>(tableHeaders_.size());
        tableHeaders_.emplace_back();
        // column kinds: numeric columns are right-aligned
        std::vector<Alignment> align(cols, Alignment::Left);
        std::vector<doc::Align> given = doc::columnAlignments(b);
        for (std::size_t c = 0; c < cols && c < given.size(); ++c) {
            if (given[c] == doc::Align::Right) align[c] = Alignment::Right;
            if (given[c] == doc::Align::Center) align[c] = Alignment::Center;
        }
        // widths: natural (one line) and minimal (longest word)
        std::vector<std::vector<std::vector<Fragment>>> frags(b.rows.size());
        std::vector<double> natural(cols, 0), minimal(cols, 0);
        for (std::size_t r = 0; r < b.rows.size(); ++r) {
            for (std::size_t c = 0; c < cols; ++c) {
                doc::Inlines in = b.rows[r][c];
                if (r == 0) for (auto& i : in) i.bold = true;
                frags[r].push_back(fragments(in, false, size, b.line));
                auto one = breakLines(frags[r][c], 1e9, Alignment::Left, m_, nullptr);
                double w = 0;
                for (const auto& l : one) w = std::max(w, l.width);
                natural[c] = std::max(natural[c], w + 2 * pad);
                for (const Fragment& f : frags[r][c]) {
                    std::size_t s = 0;
                    while (s <= f.text.size()) {
                        std::size_t e = f.text.find(' ', s);
                        if (e == std::string::npos) e = f.text.size();
                        minimal[c] = std::max(minimal[c], textWidth(m_, f.face, f.size, f.text.substr(s, e - s)) + 2 * pad);
                        s = e + 1;
                    }
                }
            }
        }
        // A word wider than a fair share of the table (a 300-character name) does not claim its
        // full width: it is broken between characters, and the other columns keep their room.
        for (std::size_t c = 0; c < cols; ++c) minimal[c] = std::min(minimal[c], width / static_cast<double>(cols));
        double sumNat = 0, sumMin = 0;
        for (std::size_t c = 0; c < cols; ++c) { sumNat += natural[c]; sumMin += minimal[c]; }
        std::vector<double> w(cols);
        if (sumNat <= width) {
            for (std::size_t c = 0; c < cols; ++c) w[c] = natural[c] + (width - sumNat) * natural[c] / sumNat;
        } else if (sumMin <= width) {
            // Narrow columns (natural width within a fair share of what is left) get their
            // natural width, so dates and numbers stay on one line; the wide text columns share
            // the rest in proportion to how much they would like beyond their longest word.
            std::vector<bool> fixed(cols, false);
            double left = width;
            for (bool changed = true; changed;) {
                changed = false;
                std::size_t open = 0;
                for (std::size_t c = 0; c < cols; ++c) open += !fixed[c];
                if (open == 0) break;
                double share = left / static_cast<double>(open);
                for (std::size_t c = 0; c < cols; ++c)
                    if (!fixed[c] && natural[c] <= share) {
                        fixed[c] = true;
                        w[c] = natural[c];
                        left -= natural[c];
                        changed = true;
                    }
            }
            double minRest = 0, natRest = 0;
            for (std::size_t c = 0; c < cols; ++c)
                if (!fixed[c]) { minRest += minimal[c]; natRest += natural[c]; }
            if (minRest > left) {  // fixing made the rest impossible: fall back to proportional
                double room = width - sumMin, want = sumNat - sumMin;
                for (std::size_t c = 0; c < cols; ++c) w[c] = minimal[c] + room * (natural[c] - minimal[c]) / want;
            } else {
                for (std::size_t c = 0; c < cols; ++c)
                    if (!fixed[c]) w[c] = minimal[c] + (left - minRest) * (natural[c] - minimal[c]) / (natRest - minRest);
            }
        } else {
            for (std::size_t c = 0; c < cols; ++c) w[c] = width * minimal[c] / sumMin;
        }
        // A Markdown table always has a header row; an empty one ("| | |") means a key–value
        // table without headers: it is not drawn, and there is nothing to repeat.
        bool emptyHeader = true;
        for (const auto& cell : b.rows[0]) emptyHeader = emptyHeader && doc::plainText(cell).empty();
        std::size_t firstRow = emptyHeader ? 1 : 0;
        for (std::size_t r = firstRow; r < b.rows.size(); ++r) {
            bool header = r == 0;
            int tr = node("TR", tnode);
            VItem it;
            it.table = emptyHeader ? -1 : tableId;
            it.tableHeader = header;
            // no page break right after the header or the first row, nor before the last row;
            // a table introduced by "...:" starts on the page of its introduction
            it.keepWithPrev = (r == firstRow && keepNext_) || r == firstRow + 1 || r == firstRow + 2 ||
                              (r + 1 == b.rows.size() && r > firstRow + 2);
            it.spaceBefore = r == firstRow ? 4 : 0;
            double cx = x, rowH = 0;
            std::vector<std::vector<SetLine>> cellLines;
            for (std::size_t c = 0; c < cols; ++c) {
                cellLines.push_back(breakLines(frags[r][c], w[c] - 2 * pad, align[c], m_, &hy_));
                rowH = std::max(rowH, static_cast<double>(cellLines.back().size()) * lh);
            }
            rowH += 2 * pad;
            it.height = rowH;
            if (header) {
                Chunk bg = chunk(-1);
                bg.fills.push_back({x, 0, width, rowH, st_.tableHeaderFill});
                it.chunks.push_back(bg);
            }
            for (std::size_t c = 0; c < cols; ++c) {
                bool rowHeader = emptyHeader && c == 0;  // key–value table: the key heads its row
                int cell = node(header || rowHeader ? "TH" : "TD", tr);
                if (header) out_.nodes[static_cast<std::size_t>(cell)].scope = "Column";
                if (rowHeader) out_.nodes[static_cast<std::size_t>(cell)].scope = "Row";
                Chunk ch = chunk(cell);
                double y = pad;
                for (const SetLine& l : cellLines[c]) {
                    for (TextRun run : l.runs) {
                        run.x += cx + pad;
                        run.y = y + baseline(size);
                        run.color = st_.text;
                        ch.runs.push_back(run);
                    }
                    y += lh;
                }
                it.chunks.push_back(ch);
                cx += w[c];
            }
            Chunk rule = chunk(-1);
            rule.rules.push_back({x, rowH, x + width, rowH, header ? 0.9 : 0.3, st_.rule});
            if (r == firstRow) rule.rules.push_back({x, 0, x + width, 0, 0.9, st_.rule});
            it.chunks.push_back(rule);
            if (header) {
                VItem copy = it;  // repeated on following pages as an artifact
                for (Chunk& c : copy.chunks) { c.node = -1; c.id = -1; }
                copy.spaceBefore = 0;
                copy.keepWithPrev = false;
                tableHeaders_[static_cast<std::size_t>(tableId)].push_back(copy);
            }
            push(std::move(it));
        }
        if (!items_.empty()) items_.back().height += st_.paragraphSpace;
    }

    double widestPageNumber(Face f, double size) const {
        int most = 0;
        for (int p : headingPages_) most = std::max(most, p + 1);
        std::string digits(std::to_string(std::max(most, 1)).size(), '0');
        return textWidth(m_, f, size, digits);
    }

    void contents(int parent, double x, double width) {
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
            auto lines = breakLines({{bindNoBreakSpaces(hd.text), f, size, {}, {}}}, width - indent - 40, Alignment::Left, m_, &hy_);
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
                    Chunk dots = chunk(-1);
                    // The dots sit on one grid for every entry (multiples of the dot pitch
                    // from the text's left edge) and stop before the widest page number, so
                    // they line up in columns whatever each entry's length and number.
                    double from = x + indent + lines[i].width + 6, to = x + width - widestPageNumber(f, size) - 6;
                    std::string d;
                    double dw = textWidth(m_, BodyRegular, size, ". ");
                    int first = dw > 0 ? static_cast<int>(std::ceil((from - x) / dw - 1e-9)) : 0;
                    int last = dw > 0 ? static_cast<int>(std::floor((to - x) / dw + 1e-9)) : 0;  // exclusive
                    for (int k = first; k < last; ++k) d += ". ";
                    if (last > first) dots.runs.push_back({BodyRegular, size, x + first * dw, baseline(size), d, 0, st_.muted});
                    it.chunks.push_back(c);
                    it.chunks.push_back(dots);
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

    // The list of figures: label and caption, dot leaders, page number (of the previous pass, as
    // the contents), tagged TOC/TOCI.
    void figureList(int parent, double x, double width) {
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
            auto lines = breakLines({{text, BodyRegular, size, {}}}, width - 40, Alignment::Left, m_, &hy_);
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
                    Chunk dots = chunk(-1);
                    const double dw = textWidth(m_, BodyRegular, size, ". ");
                    const double from = x + lines[i].width + 6, to = x + width - pw - 6;
                    int first = dw > 0 ? static_cast<int>(std::ceil((from - x) / dw - 1e-9)) : 0;
                    int last = dw > 0 ? static_cast<int>(std::floor((to - x) / dw + 1e-9)) : 0;
                    std::string d;
                    for (int k = first; k < last; ++k) d += ". ";
                    if (last > first) dots.runs.push_back({BodyRegular, size, x + first * dw, baseline(size), d, 0, st_.muted});
                    it.chunks.push_back(c);
                    it.chunks.push_back(dots);
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

    void titlePage() {
        VItem it;
        it.fullPage = true;
        double top = st_.marginTop, height = st_.pageHeight - st_.marginTop - st_.marginBottom;
        it.height = height;
        double y = height * 0.28;
        auto put = [&](const std::string& key, const std::string& type, Face f, double size, Rgb color, double gapAfter) {
            auto m = d_.meta.find(key);
            if (m == d_.meta.end() || m->second.empty()) return;
            checkCoverage(m->second, f, 1);
            int n = node(type, 0);
            auto lines = breakLines({{bindNoBreakSpaces(m->second), f, size, {}, {}}}, width_, Alignment::Left, m_, &hy_);
            Chunk c = chunk(n);
            for (const SetLine& l : lines) {
                for (TextRun r : l.runs) {
                    r.x += left_;
                    r.y = y + size;
                    r.color = color;
                    c.runs.push_back(r);
                }
                y += size * 1.25;
            }
            it.chunks.push_back(c);
            y += gapAfter;
        };
        put("tittel", "H1", HeadBold, st_.titleSize, st_.heading, 10);
        put("undertittel", "P", HeadRegular, st_.subtitleSize, st_.muted, 30);
        Chunk bar = chunk(-1);
        bar.fills.push_back({left_, height * 0.28 - 24, 60, 5, st_.heading});
        it.chunks.push_back(bar);
        y = height - 80;
        put("utgivar", "P", HeadBold, 12, st_.text, 2);
        put("dato", "P", HeadRegular, 11, st_.text, 2);
        put("versjon", "P", HeadRegular, 11, st_.muted, 0);
        (void)top;
        push(std::move(it));
        breakPending_ = true;
    }

    // --- pagination ---
    void newPage() { out_.pages.emplace_back(); }

    void paginate() {
        double top = st_.marginTop, bottom = st_.pageHeight - st_.marginBottom;
        double y = top;
        bool pageEmpty = true;
        std::vector<bool> fullPage;
        newPage();
        fullPage.push_back(false);
        auto place = [&](const VItem& it, bool asArtifactHeader = false) {
            double space = pageEmpty ? 0 : it.spaceBefore;
            double ty = y + space;
            Page& p = out_.pages.back();
            for (Chunk c : it.chunks) {
                for (TextRun& r : c.runs) r.y += ty;
                for (RuleLine& r : c.rules) { r.y1 += ty; r.y2 += ty; }
                for (Fill& f : c.fills) f.y += ty;
                for (Path& q : c.paths)
                    for (auto& pt : q.points) pt.second += ty;
                for (draw::Image& im : c.images) im.y += ty;
                c.box.y += ty;
                p.chunks.push_back(std::move(c));
            }
            for (LinkArea a : it.links) {
                a.y += ty;
                p.links.push_back(a);
            }
            if (it.heading >= 0) {
                out_.headings[static_cast<std::size_t>(it.heading)].page = static_cast<int>(out_.pages.size()) - 1;
                out_.headings[static_cast<std::size_t>(it.heading)].y = ty;
            }
            if (it.fullPage) fullPage.back() = true;
            if (it.figure >= 0) out_.figures[static_cast<std::size_t>(it.figure)].page = static_cast<int>(out_.pages.size()) - 1;
            y = ty + it.height;
            pageEmpty = asArtifactHeader ? pageEmpty : false;
            if (asArtifactHeader) pageEmpty = false;
        };
        auto fresh = [&] {
            newPage();
            fullPage.push_back(false);
            y = top;
            pageEmpty = true;
        };
        auto headerHeight = [&](const VItem& it) {
            double h = 0;
            if (it.table >= 0 && !it.tableHeader)
                for (const VItem& hi : tableHeaders_[static_cast<std::size_t>(it.table)]) h += hi.height;
            return h;
        };
        auto placeWithHeader = [&](const VItem& it) {
            if (pageEmpty && it.table >= 0 && !it.tableHeader)
                for (const VItem& hi : tableHeaders_[static_cast<std::size_t>(it.table)]) place(hi, true);
            place(it);
        };
        std::size_t i = 0;
        while (i < items_.size()) {
            std::size_t j = i + 1;
            while (j < items_.size() && items_[j].keepWithPrev && !items_[j].pageBreakBefore) ++j;
            if (items_[i].pageBreakBefore && !pageEmpty) fresh();
            double chainH = 0;
            for (std::size_t k = i; k < j; ++k) chainH += items_[k].height + (k == i && pageEmpty ? 0 : items_[k].spaceBefore);
            if (y + chainH > bottom + 1e-6 && !pageEmpty) {
                fresh();
                chainH -= items_[i].spaceBefore;
            }
            if (pageEmpty) chainH += headerHeight(items_[i]);
            if (y + chainH <= bottom + 1e-6) {
                for (std::size_t k = i; k < j; ++k) placeWithHeader(items_[k]);
            } else {
                // the chain is taller than a page: place item by item
                for (std::size_t k = i; k < j; ++k) {
                    if (!pageEmpty && y + items_[k].spaceBefore + items_[k].height > bottom + 1e-6) fresh();
                    placeWithHeader(items_[k]);
                }
            }
            i = j;
        }
        decorate(fullPage);
    }

    void decorate(const std::vector<bool>& fullPage) {
        std::string title = d_.meta.count("tittel") ? d_.meta.at("tittel") : "";
        std::string pattern = d_.meta.count("sidetal") ? d_.meta.at("sidetal") : "[side] / [sider]";
        std::string left = d_.meta.count("sidefot") ? d_.meta.at("sidefot") : "";
        std::string total = std::to_string(out_.pages.size());
        double size = st_.headerFooterSize;
        double x0 = st_.marginLeft, x1 = st_.pageWidth - st_.marginRight;
        for (std::size_t p = 0; p < out_.pages.size(); ++p) {
            if (fullPage[p]) continue;
            std::string num = pattern;
            auto rep = [&](const std::string& key, const std::string& v) {
                std::size_t at = num.find(key);
                if (at != std::string::npos) num.replace(at, key.size(), v);
            };
            rep("[side]", std::to_string(p + 1));
            rep("[sider]", total);
            checkCoverage(num + title + left, HeadRegular, 1);
            Chunk c, foot;  // artifacts: no id, not in the structure tree
            c.artifact = Artifact::Header;
            foot.artifact = Artifact::Footer;
            double hy = st_.marginTop - 22;
            if (!title.empty()) {
                auto lines = breakLines({{title, HeadRegular, size, {}, {}}}, x1 - x0, Alignment::Left, m_, nullptr);
                TextRun r = lines.front().runs.front();
                r.x += x0; r.y = hy; r.color = st_.muted;
                c.runs.push_back(r);
            }
            c.rules.push_back({x0, hy + 5, x1, hy + 5, 0.4, st_.rule});
            double fy = st_.pageHeight - st_.marginBottom + 28;
            if (!left.empty()) foot.runs.push_back({HeadRegular, size, x0, fy, left, 0, st_.muted});
            foot.runs.push_back({HeadRegular, size, x1 - textWidth(m_, HeadRegular, size, num), fy, num, 0, st_.muted});
            out_.pages[p].chunks.push_back(c);
            out_.pages[p].chunks.push_back(foot);
        }
    }
};

}  // namespace

Laid layoutDocument(const doc::Document& d, const Style& style, const Metrics& metrics, const Hyphenator& hyph,
                    Diagnostics& diags) {
    // The contents page shows page numbers that depend on the layout: lay out until they settle.
    std::vector<int> pages, figurePages;
    Laid laid;
    for (int pass = 0; pass < 4; ++pass) {
        Diagnostics passDiags;
        Builder b(d, style, metrics, hyph, passDiags, pages, figurePages);
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
