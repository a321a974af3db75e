#include "backends/html/outline.h"

#include <algorithm>

#include "backends/html/ids.h"

namespace dv::html {

std::string headingLabel(const doc::Block& b) {
    std::string text = doc::plainText(b.inlines);
    return b.number.empty() ? text : b.number + " " + text;
}

Outline outline(const doc::Document& d, bool hasTitle, int contentsDepth, const std::string& reserved) {
    using K = doc::Block::Kind;
    Outline o;
    Ids ids;
    ids.reserve(reserved);
    for (std::size_t i = 0; i < d.blocks.size(); ++i)
        if (d.blocks[i].kind == K::Contents && o.contents == std::string::npos) o.contents = i;
    if (o.contents != std::string::npos && o.contents > 0 && d.blocks[o.contents - 1].kind == K::Heading)
        o.contentsHeading = o.contents - 1;
    // The template's shallowest heading level sits just below the title (or is the h1 without
    // one); a heading never goes more than one level below the one before it.
    int top = 6;
    for (const doc::Block& b : d.blocks)
        if (b.kind == K::Heading) top = std::min(top, b.level);
    const int base = hasTitle ? 2 : 1;
    int previous = base - 1;
    int shallowest = 7;
    for (std::size_t i = 0; i < d.blocks.size(); ++i) {
        const doc::Block& b = d.blocks[i];
        if (b.kind != K::Heading) continue;
        HeadingPlace h;
        h.level = std::clamp(std::min(b.level - top + base, previous + 1), 1, 6);
        h.id = ids.make(headingLabel(b));
        h.listed = o.contents != std::string::npos && i > o.contents && b.level <= contentsDepth;
        if (h.listed) shallowest = std::min(shallowest, b.level);
        previous = h.level;
        o.headings[i] = h;
    }
    for (auto& [i, h] : o.headings)
        if (h.listed) h.depth = d.blocks[i].level - shallowest;
    return o;
}

}  // namespace dv::html
