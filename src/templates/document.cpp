#include "templates/document.h"

#include <algorithm>

namespace dv::doc {

std::string plainText(const Inlines& in) {
    std::string s;
    for (const Inline& i : in) s += i.kind == Inline::Kind::LineBreak ? std::string(" ") : i.text;
    return s;
}

void numberHeadings(Document& d, int depth) {
    bool started = true;
    for (const Block& b : d.blocks)
        if (b.kind == Block::Kind::Contents) started = false;
    // Numbering starts at the shallowest numbered level, so a document whose numbered headings
    // are all "##" gets 1, 2, 3 rather than 0.1, 0.2, 0.3.
    int top = 7;
    {
        bool on = started;
        for (const Block& b : d.blocks) {
            if (b.kind == Block::Kind::Contents) on = true;
            else if (on && b.kind == Block::Kind::Heading && b.numbered) top = std::min(top, b.level);
        }
    }
    int counters[7] = {0, 0, 0, 0, 0, 0, 0};
    for (Block& b : d.blocks) {
        if (b.kind == Block::Kind::Contents) { started = true; continue; }
        if (!started || b.kind != Block::Kind::Heading || !b.numbered || b.level - top + 1 > depth) continue;
        ++counters[b.level];
        for (int l = b.level + 1; l <= 6; ++l) counters[l] = 0;
        std::string n;
        for (int l = top; l <= b.level; ++l) n += (l > top ? "." : "") + std::to_string(counters[l]);
        b.number = n;
    }
}

namespace {
template <class B, class Out>
void collectFigures(B& blocks, Out& out) {
    for (auto& b : blocks) {
        if (b.kind == Block::Kind::Figure) out.push_back(&b);
        collectFigures(b.children, out);
        for (auto& item : b.items) collectFigures(item, out);
    }
}
}  // namespace

std::vector<Block*> figures(Document& d) {
    std::vector<Block*> out;
    collectFigures(d.blocks, out);
    return out;
}
std::vector<const Block*> figures(const Document& d) {
    std::vector<const Block*> out;
    collectFigures(d.blocks, out);
    return out;
}

bool numberFigures(Document& d) {
    auto all = figures(d);
    if (all.empty()) return true;
    auto it = d.meta.find("figurnemning");
    if (it == d.meta.end()) return false;
    int n = 0;
    for (Block* b : all) {
        if (b->caption.empty()) continue;  // an image without a caption (a logo) is not numbered
        b->number = std::to_string(++n);
        std::string label = it->second;
        if (std::size_t at = label.find("[nr]"); at != std::string::npos) label.replace(at, 4, b->number);
        b->label = label;
    }
    return true;
}

}  // namespace dv::doc
