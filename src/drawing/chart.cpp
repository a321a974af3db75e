#include "drawing/chart.h"

#include <algorithm>

namespace dv::draw {
namespace {

// Colours a reader with any common colour vision tells apart (Okabe–Ito), darkest first.
const Rgb kSeries[] = {{0x0b, 0x3d, 0x6b}, {0xe6, 0x9f, 0x00}, {0x00, 0x9e, 0x73}, {0xcc, 0x79, 0xa7}};
const Rgb kText{0x1a, 0x1a, 0x1a}, kGrid{0xbb, 0xbb, 0xbb}, kAxis{0x55, 0x55, 0x55};

constexpr double kLabelSize = 7, kTickSize = 6.5;
constexpr double kValueColumn = 60;

}  // namespace

std::vector<long long> niceTicks(long long max, int count) {
    if (max <= 0) return {0, 1};
    long long raw = (max + count - 1) / count, step = 1;
    while (step * 10 <= raw) step *= 10;
    for (long long m : {1, 2, 5, 10})
        if (step * m >= raw) { step *= m; break; }
    std::vector<long long> t;
    for (long long v = 0;; v += step) {
        t.push_back(v);
        if (v >= max) break;
    }
    return t;
}

Drawing horizontalBars(const Chart& chart, const ChartText& text, double width, const Measure& measure) {
    Drawing d;
    double nameColumn = 0;
    for (std::size_t r = 0; r < chart.rows.size(); ++r)
        nameColumn = std::max(nameColumn, measure(r < text.rows.size() ? text.rows[r] : chart.rows[r].label, kLabelSize));
    nameColumn = std::min(nameColumn + 6, width * 0.4);
    d.width = width;
    const int series = std::max(1, chart.series);
    const double bar = series == 1 ? 7 : 5.5, rowHeight = bar * series + 3.5;
    double y = 2;
    if (series > 1) {  // legend
        double x = nameColumn;
        for (int s = 0; s < series && s < static_cast<int>(text.series.size()); ++s) {
            d.rect(x, y, 8, 8, kSeries[s % 4], std::nullopt);
            d.labels.push_back({x + 11, y + 7, text.series[static_cast<std::size_t>(s)], kLabelSize, false, Anchor::Start, kText, 0});
            x += 11 + (width - nameColumn) / series;
        }
        y += 16;
    }
    const double top = y, x0 = nameColumn, x1 = width - kValueColumn;
    const double plotHeight = rowHeight * static_cast<double>(chart.rows.size());
    const long long max = chart.ticks.empty() ? 1 : std::max(1LL, chart.ticks.back().value);
    auto xOf = [&](long long v) { return x0 + (x1 - x0) * static_cast<double>(v) / static_cast<double>(max); };
    for (const Tick& t : chart.ticks) {
        d.line({xOf(t.value), top}, {xOf(t.value), top + plotHeight}, kGrid, 0.4);
        d.labels.push_back({xOf(t.value), top + plotHeight + 9, t.text, kTickSize, false, Anchor::Middle, kAxis, 0});
    }
    for (std::size_t r = 0; r < chart.rows.size(); ++r) {
        const ChartRow& row = chart.rows[r];
        const double ry = top + rowHeight * static_cast<double>(r) + 1.75;
        std::string name = r < text.rows.size() ? text.rows[r] : row.label;
        d.labels.push_back({x0 - 4, ry + rowHeight / 2 + 0.75, name, kLabelSize, false, Anchor::End, kText, 0});
        for (int s = 0; s < series && s < static_cast<int>(row.values.size()); ++s) {
            const double by = ry + bar * s;
            const double bx = xOf(row.values[static_cast<std::size_t>(s)]);
            if (bx > x0) d.rect(x0, by, bx - x0, bar, kSeries[s % 4], std::nullopt);
            if (static_cast<std::size_t>(s) < row.texts.size())
                d.labels.push_back({bx + 2, by + bar - 1, row.texts[static_cast<std::size_t>(s)], kTickSize, false, Anchor::Start, kText, 0});
        }
    }
    d.line({x0, top}, {x0, top + plotHeight}, kAxis, 0.75);
    d.height = top + plotHeight + 13;
    return d;
}

}  // namespace dv::draw
