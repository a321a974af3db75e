#include "drawing/drawing.h"

#include <cmath>

namespace dv::draw {

void Drawing::rect(double x, double y, double w, double h, std::optional<Rgb> fill, std::optional<Rgb> stroke,
                   double strokeWidth) {
    shapes.push_back({{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}}, true, fill, stroke, strokeWidth});
}

void Drawing::line(Point a, Point b, Rgb stroke, double width) {
    shapes.push_back({{a, b}, false, std::nullopt, stroke, width});
}

void Drawing::arrow(Point a, Point b, Rgb stroke, double width) {
    const double len = std::hypot(b.x - a.x, b.y - a.y);
    if (len <= 0) return;
    const double ux = (b.x - a.x) / len, uy = (b.y - a.y) / len;
    const double head = std::min(6.0, len / 2), half = head * 0.45;
    Point base{b.x - ux * head, b.y - uy * head};
    line(a, base, stroke, width);
    shapes.push_back({{b, {base.x - uy * half, base.y + ux * half}, {base.x + uy * half, base.y - ux * half}},
                      true, stroke, std::nullopt, 0});
}

}  // namespace dv::draw
