// Tables: column widths, header rows repeated on a new page, key-value tables with row headers.
#include "layout/builder.h"

namespace dv::layout::detail {

void Builder::table(const doc::Block& b, int parent, double x, double width) {
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
            const auto& one = lines_.lines(frags[r][c], 1e9, Alignment::Left, false);
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
            cellLines.push_back(lines_.lines(frags[r][c], w[c] - 2 * pad, align[c], true));
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

}  // namespace dv::layout::detail
