#include "drawing/diagram.h"

#include <algorithm>
#include <map>

namespace dv::draw {
namespace {

const Rgb kText{0x1a, 0x1a, 0x1a}, kLine{0x0b, 0x3d, 0x6b}, kFill{0xdd, 0xe7, 0xf0}, kStrongFill{0x0b, 0x3d, 0x6b},
    kWhite{0xff, 0xff, 0xff};
constexpr double kGutter = 10, kVerticalGap = 14, kTextSize = 7.5;

struct Box {
    double x, y, w, h;
};

}  // namespace

Drawing drawDiagram(const Diagram& g, double width) {
    Drawing d;
    d.width = width;
    const double column = (width + kGutter) / std::max(1, g.columns);
    std::map<std::string, Box> at;
    int lastRow = 0;
    for (const DiagramBox& b : g.boxes) {
        Box r{column * b.column, (g.rowHeight + kVerticalGap) * b.row, column * b.span - kGutter,
              g.rowHeight * b.rows + kVerticalGap * (b.rows - 1)};
        at[b.id] = r;
        lastRow = std::max(lastRow, b.row + b.rows);
        d.rect(r.x, r.y, r.w, r.h, b.emphasis ? kStrongFill : kFill, kLine, 0.75);
        d.labels.push_back({r.x + r.w / 2, r.y + r.h / 2, b.text, kTextSize, b.emphasis, Anchor::Middle,
                            b.emphasis ? kWhite : kText, r.w - 8, r.h - 4});
    }
    for (const DiagramLink& l : g.links) {
        auto fa = at.find(l.from), ta = at.find(l.to);
        if (fa == at.end() || ta == at.end()) continue;
        const Box &a = fa->second, &b = ta->second;
        Point p, q;
        if (a.y + a.h <= b.y) {  // b below a
            p = {a.x + a.w / 2, a.y + a.h};
            q = {b.x + b.w / 2, b.y};
        } else if (b.y + b.h <= a.y) {  // b above a
            p = {a.x + a.w / 2, a.y};
            q = {b.x + b.w / 2, b.y + b.h};
        } else if (a.x + a.w <= b.x) {  // b to the right
            p = {a.x + a.w, a.y + a.h / 2};
            q = {b.x, b.y + b.h / 2};
        } else {
            p = {a.x, a.y + a.h / 2};
            q = {b.x + b.w, b.y + b.h / 2};
        }
        if (l.arrow) d.arrow(p, q, kLine, 0.9);
        else d.line(p, q, kLine, 0.9);
    }
    d.height = (g.rowHeight + kVerticalGap) * lastRow - kVerticalGap + 1;
    return d;
}

}  // namespace dv::draw
