#include "templates/document.h"

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
    int counters[7] = {0, 0, 0, 0, 0, 0, 0};
    for (Block& b : d.blocks) {
        if (b.kind == Block::Kind::Contents) { started = true; continue; }
        if (!started || b.kind != Block::Kind::Heading || !b.numbered || b.level > depth) continue;
        ++counters[b.level];
        for (int l = b.level + 1; l <= 6; ++l) counters[l] = 0;
        std::string n;
        for (int l = 1; l <= b.level; ++l) n += (l > 1 ? "." : "") + std::to_string(counters[l]);
        b.number = n;
    }
}

}  // namespace dv::doc
