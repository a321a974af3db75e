// The builder's own bookkeeping: structure nodes, chunks, vertical items, the heading scan,
// fonts per inline, coverage of every character.
#include "layout/builder.h"

namespace dv::layout::detail {

Laid Builder::run() {
    // "tittelside: nei" in the front matter: letters and case documents have no title page
    bool titlePageWanted = !d_.meta.count("tittelside") || d_.meta.at("tittelside") != "nei";
    if (d_.meta.count("tittel") && titlePageWanted) titlePage();
    for (const doc::Block& b : d_.blocks) block(b, 0, left_, width_, 0);
    paginate();
    return std::move(out_);
}

int Builder::node(const std::string& type, int parent) {
    int idx = static_cast<int>(out_.nodes.size());
    out_.nodes.push_back({type, parent, {}, {}, {}, {}});
    out_.nodes[static_cast<std::size_t>(parent)].kids.push_back({StructNode::Kid::Node, idx});
    return idx;
}

Chunk Builder::chunk(int nodeIdx) {
    Chunk c;
    c.id = nextChunk_++;
    c.node = nodeIdx;
    if (nodeIdx >= 0) out_.nodes[static_cast<std::size_t>(nodeIdx)].kids.push_back({StructNode::Kid::Chunk, c.id});
    return c;
}

void Builder::push(VItem it) {
    if (breakPending_) {
        it.pageBreakBefore = true;
        breakPending_ = false;
    }
    items_.push_back(std::move(it));
}

void Builder::scanHeadings() {
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

Face Builder::faceFor(bool head, const doc::Inline& in) const {
    if (in.code) return HeadRegular;
    if (head) return in.italic ? HeadBold : (in.bold ? HeadBold : HeadBold);
    if (in.bold && in.italic) return BodyBoldItalic;
    if (in.bold) return BodyBold;
    if (in.italic) return BodyItalic;
    return BodyRegular;
}

void Builder::checkCoverage(const std::string& text, Face f, int line) {
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

std::vector<Fragment> Builder::fragments(const doc::Inlines& in, bool head, double size, int line) {
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

bool Builder::enterNesting(const doc::Block& b) {
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

}  // namespace dv::layout::detail
