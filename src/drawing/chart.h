// Charts as data: categories with one value per series, an axis with its ticks. The view stage
// fills them from the funding engine (values exact, texts formatted the Norwegian way); the
// words a reader sees besides names and numbers (series names, row names) come from the template.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "drawing/drawing.h"

namespace dv::draw {

struct ChartRow {
    std::string label;               // a municipality's name, a year
    std::vector<long long> values;   // one per series, ≥ 0, in the chart's unit (øre, a count)
    std::vector<std::string> texts;  // the same values as printed ("79,14")
};

struct Tick {
    long long value = 0;
    std::string text;  // "100 000"
};

struct Chart {
    std::vector<ChartRow> rows;
    std::vector<Tick> ticks;  // ascending from 0; the last is at least every value
    int series = 1;
};

// What the template says about a chart: the series names (legend, when more than one) and,
// when the row names are words rather than data, the row names in order.
struct ChartText {
    std::vector<std::string> series;
    std::vector<std::string> rows;
};

// The width in points of a text at a size, in the face labels are set in (the caller's fonts).
using Measure = std::function<double(const std::string& text, double size)>;

// Horizontal bars, one group per row (readable with 40 and more names): names left, bars from a
// common zero, each bar's value after it, gridlines at the ticks, a legend above for several series.
// The name column is as wide as the widest name (at most 40 % of the width).
Drawing horizontalBars(const Chart& chart, const ChartText& text, double width, const Measure& measure);

// Ticks from 0 to at least `max`, about `count` of them at 1, 2 or 5 × 10^n.
std::vector<long long> niceTicks(long long max, int count);

}  // namespace dv::draw
