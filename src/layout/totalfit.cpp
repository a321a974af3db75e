// Total-fit line breaking (Knuth & Plass, "Breaking paragraphs into lines", 1981) for justified
// text: each stretch between hard breaks becomes boxes (word pieces between hyphenation points),
// glue (spaces: stretch ½, shrink ⅓ of their width) and penalties (hyphens), and the breaks
// that minimise the paragraph's total demerits are chosen. A line is feasible only when its
// adjustment ratio r is in [-1, 2]: no space shrinks below ⅔ or grows beyond twice its width.
// Consecutive hyphenated lines and a hyphen on the last line but one cost extra. Active nodes
// whose lines have grown too long are dropped, so the cost is linear in the number of breaks
// times the few breaks that fit on one line.
#include <cmath>
#include <limits>

#include "layout/lines.h"

namespace dv::layout::detail {
namespace {

constexpr double kInfPenalty = 10000;
constexpr double kTolerance = 2.0;
constexpr double kLinePenalty = 10, kHyphenPenalty = 50, kExplicitHyphenPenalty = 50;
constexpr double kDoubleHyphenDemerits = 3000, kFinalHyphenDemerits = 5000, kFitnessDemerits = 10000;

struct Item {
    enum Kind { Box, Glue, Penalty } kind = Box;
    double width = 0, stretch = 0, shrink = 0, penalty = 0;
    bool flagged = false, fill = false;
    std::vector<Fragment> parts;  // Box: the text; Glue: the space; Penalty: the hyphen it adds
};

// A word as boxes between its break points, each point a penalty.
void addWord(const Atom& a, std::vector<Item>& items, const Metrics& m, const Hyphenator* hyph) {
    std::size_t part = 0, off = 0;
    auto piece = [&](std::size_t toPart, std::size_t toOff) {
        Item b;
        for (std::size_t p = part; p <= toPart && p < a.parts.size(); ++p) {
            std::size_t from = p == part ? off : 0;
            std::size_t to = p == toPart ? toOff : a.parts[p].text.size();
            if (to <= from) continue;
            b.parts.push_back({a.parts[p].text.substr(from, to - from), a.parts[p].face, a.parts[p].size, a.parts[p].link,
                               a.parts[p].lang});
        }
        b.width = partsWidth(b.parts, m);
        items.push_back(std::move(b));
        part = toPart;
        off = toOff;
    };
    bool any = false;
    std::size_t lastPart = 0, lastOff = 0;
    for (const Point& pt : breakPoints(a.parts, false, hyph)) {
        if (any && pt.part == lastPart && pt.offset == lastOff) continue;
        any = true;
        lastPart = pt.part;
        lastOff = pt.offset;
        piece(pt.part, pt.offset);
        Item pen;
        pen.kind = Item::Penalty;
        const Fragment& f = a.parts[pt.part];
        if (pt.addHyphen) {
            pen.parts.push_back({kSoftHyphen, f.face, f.size, f.link, f.lang});
            pen.width = textWidth(m, f.face, f.size, kSoftHyphen);
            pen.penalty = kHyphenPenalty;
            pen.flagged = true;
        } else {
            pen.penalty = kExplicitHyphenPenalty;
            pen.flagged = f.text[pt.offset - 1] == '-';
        }
        items.push_back(std::move(pen));
    }
    piece(a.parts.size() - 1, a.parts.back().text.size());
}

struct Node {
    std::size_t pos;   // index of the break item (for the start: npos)
    std::size_t start; // first item of the line after this break
    int fitness;
    double demerits;
    int prev;
    bool hyphenated;
};

struct Segment {
    std::vector<Item> items;
    bool endsWithBreak = false;
};

// The breaks of one segment as item indices (the last is the forced end), or empty when none
// keeps every line feasible.
std::vector<std::size_t> bestBreaks(const std::vector<Item>& items, double width) {
    std::size_t n = items.size();
    std::vector<double> W(n + 1, 0), Y(n + 1, 0), Z(n + 1, 0);
    std::vector<int> F(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        bool counts = items[i].kind != Item::Penalty;
        W[i + 1] = W[i] + (counts ? items[i].width : 0);
        Y[i + 1] = Y[i] + (counts ? items[i].stretch : 0);
        Z[i + 1] = Z[i] + (counts ? items[i].shrink : 0);
        F[i + 1] = F[i] + (items[i].fill ? 1 : 0);
    }
    // first box (or the end) after a break at i: glue and penalties there are discarded
    auto startAfter = [&](std::size_t i) {
        std::size_t j = i + 1;
        while (j < n && items[j].kind != Item::Box && !(items[j].kind == Item::Penalty && items[j].penalty <= -kInfPenalty)) ++j;
        return j;
    };
    std::vector<Node> nodes{{std::string::npos, 0, 1, 0, -1, false}};
    std::vector<int> active{0};
    for (std::size_t b = 0; b < n; ++b) {
        const Item& it = items[b];
        bool legal = (it.kind == Item::Glue && b > 0 && items[b - 1].kind == Item::Box) ||
                     (it.kind == Item::Penalty && it.penalty < kInfPenalty);
        if (!legal) continue;
        bool forced = it.kind == Item::Penalty && it.penalty <= -kInfPenalty;
        struct Best { double demerits = std::numeric_limits<double>::infinity(); int node = -1; };
        Best best[4];
        for (std::size_t k = 0; k < active.size();) {
            const Node& a = nodes[static_cast<std::size_t>(active[k])];
            double natural = W[b] - W[a.start] + (it.kind == Item::Penalty ? it.width : 0);
            double stretch = Y[b] - Y[a.start], shrink = Z[b] - Z[a.start];
            bool fill = F[b] - F[a.start] > 0;
            double r;
            if (natural < width) r = fill ? 0 : stretch > 0 ? (width - natural) / stretch : std::numeric_limits<double>::infinity();
            else if (natural > width) r = shrink > 0 ? (width - natural) / shrink : -std::numeric_limits<double>::infinity();
            else r = 0;
            if (r >= -1 && r <= kTolerance) {
                double badness = 100 * std::pow(std::fabs(r), 3);
                int fitness = r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3;
                double d = (kLinePenalty + badness) * (kLinePenalty + badness);
                if (it.kind == Item::Penalty) {
                    if (it.penalty >= 0) d += it.penalty * it.penalty;
                    else if (!forced) d -= it.penalty * it.penalty;
                }
                if (it.flagged && a.hyphenated) d += kDoubleHyphenDemerits;
                if (forced && a.hyphenated) d += kFinalHyphenDemerits;
                if (std::abs(fitness - a.fitness) > 1) d += kFitnessDemerits;
                d += a.demerits;
                if (d < best[fitness].demerits) best[fitness] = {d, active[k]};
            }
            if (r < -1 || forced) active.erase(active.begin() + static_cast<std::ptrdiff_t>(k));
            else ++k;
        }
        for (int f = 0; f < 4; ++f) {
            if (best[f].node < 0) continue;
            nodes.push_back({b, startAfter(b), f, best[f].demerits, best[f].node, it.flagged && it.kind == Item::Penalty});
            active.push_back(static_cast<int>(nodes.size()) - 1);
        }
        if (active.empty()) return {};
    }
    // the forced end is the last item: pick its cheapest node
    int end = -1;
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].pos == n - 1 && (end < 0 || nodes[i].demerits < nodes[static_cast<std::size_t>(end)].demerits)) end = static_cast<int>(i);
    std::vector<std::size_t> breaks;
    for (int i = end; i > 0; i = nodes[static_cast<std::size_t>(i)].prev) breaks.insert(breaks.begin(), nodes[static_cast<std::size_t>(i)].pos);
    return breaks;
}

// Items [from, to) and the break at `to` as atoms for setLine: adjacent boxes form one word.
std::vector<Atom> lineAtoms(const std::vector<Item>& items, std::size_t from, std::size_t to) {
    std::vector<Atom> atoms;
    bool joinNext = false;
    for (std::size_t i = from; i < to; ++i) {
        const Item& it = items[i];
        if (it.kind == Item::Box) {
            if (joinNext && !atoms.empty() && atoms.back().kind == Atom::Word) {
                for (const Fragment& f : it.parts) atoms.back().parts.push_back(f);
                atoms.back().width += it.width;
            } else {
                atoms.push_back({Atom::Word, it.parts, it.width});
            }
            joinNext = true;
        } else if (it.kind == Item::Glue) {
            if (!it.fill) atoms.push_back({Atom::Space, it.parts, it.width});
            joinNext = false;
        }
    }
    if (to < items.size()) {
        const Item& br = items[to];
        if (br.kind == Item::Glue && !br.fill) atoms.push_back({Atom::Space, br.parts, br.width});  // kept as text
        if (br.kind == Item::Penalty && !br.parts.empty() && !atoms.empty() && atoms.back().kind == Atom::Word) {
            atoms.back().parts.push_back(br.parts.front());
            atoms.back().width += br.width;
        }
    }
    return atoms;
}

}  // namespace

std::optional<std::vector<SetLine>> totalFit(const std::vector<Atom>& atoms, double width, const Metrics& m,
                                             const Hyphenator* hyph) {
    std::vector<Segment> segments(1);
    for (const Atom& a : atoms) {
        Segment& s = segments.back();
        if (a.kind == Atom::Break) {
            s.endsWithBreak = true;
            segments.emplace_back();
        } else if (a.kind == Atom::Space) {
            if (s.items.empty() || s.items.back().kind == Item::Glue) continue;  // no glue at a start
            Item g;
            g.kind = Item::Glue;
            g.width = a.width;
            g.stretch = a.width / 2;
            g.shrink = a.width / 3;
            g.parts = a.parts;
            s.items.push_back(std::move(g));
        } else {
            addWord(a, s.items, m, hyph);
        }
    }
    std::vector<SetLine> lines;
    for (std::size_t si = 0; si < segments.size(); ++si) {
        Segment& s = segments[si];
        while (!s.items.empty() && s.items.back().kind == Item::Glue) s.items.pop_back();
        if (s.items.empty()) {
            if (s.endsWithBreak) lines.push_back(setLine({}, width, Alignment::Justify, true, true, m));
            else if (lines.empty()) lines.push_back(setLine({}, width, Alignment::Justify, true, false, m));
            continue;
        }
        for (const Item& it : s.items)
            if (it.kind == Item::Box && it.width > width) return std::nullopt;
        Item fill;
        fill.kind = Item::Glue;
        fill.fill = true;
        s.items.push_back(fill);
        Item end;
        end.kind = Item::Penalty;
        end.penalty = -kInfPenalty;
        s.items.push_back(end);
        std::vector<std::size_t> breaks = bestBreaks(s.items, width);
        if (breaks.empty()) return std::nullopt;
        std::size_t from = 0;
        for (std::size_t k = 0; k < breaks.size(); ++k) {
            bool last = k + 1 == breaks.size();
            lines.push_back(setLine(lineAtoms(s.items, from, breaks[k]), width, Alignment::Justify, last,
                                    last && s.endsWithBreak, m));
            from = breaks[k] + 1;
            while (from < s.items.size() && s.items[from].kind != Item::Box) ++from;
        }
    }
    return lines;
}

}  // namespace dv::layout::detail
