#include "templates/document.h"

#include <algorithm>

#include "core/unicode.h"

namespace dv::doc {

std::string plainText(const Inlines& in) {
    std::string s;
    for (const Inline& i : in) s += i.kind == Inline::Kind::LineBreak ? std::string(" ") : i.text;
    return s;
}

namespace {

bool numericText(const std::string& s) {
    bool digit = false;
    for (char32_t cp : codePoints(s)) {
        if (cp >= '0' && cp <= '9') digit = true;
        else if (!(cp == ' ' || cp == 0xA0 || cp == 0x202F || cp == ',' || cp == '.' || cp == '%' || cp == '-' ||
                   cp == 0x2212 || cp == 0x2013 || cp == '+' || cp == '(' || cp == ')'))
            return false;
    }
    return digit;
}

}  // namespace

std::vector<Align> columnAlignments(const Block& table) {
    std::size_t cols = !table.align.empty() || table.rows.empty() ? table.align.size() : table.rows[0].size();
    std::vector<Align> out(cols, Align::Left);
    for (std::size_t c = 0; c < cols; ++c) {
        Align given = c < table.align.size() ? table.align[c] : Align::Auto;
        bool numeric = true, any = false;
        for (std::size_t r = 1; r < table.rows.size(); ++r) {
            std::string t = c < table.rows[r].size() ? plainText(table.rows[r][c]) : std::string();
            if (t.empty() || t == "\u2013" || t == "-") continue;
            any = true;
            numeric = numeric && numericText(t);
        }
        if (given == Align::Auto) out[c] = any && numeric ? Align::Right : Align::Left;
        else out[c] = given;
    }
    return out;
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
