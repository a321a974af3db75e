// A backend-neutral vector drawing: what a figure shows, in points, in a figure-local box whose
// origin is the top left corner (y grows downwards, as in layout and SVG). No PDF types: the PDF
// backend draws it through layout, an HTML backend can write it as inline SVG.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/style.h"

namespace dv::draw {

struct Point {
    double x = 0, y = 0;
};

// A polyline or polygon (closed). A closed shape may be filled; any shape may be stroked.
struct Shape {
    std::vector<Point> points;
    bool closed = false;
    std::optional<Rgb> fill;
    std::optional<Rgb> stroke;
    double strokeWidth = 0.75;
};

enum class Anchor { Start, Middle, End };  // SVG's text-anchor

// A text label. Without wrapWidth, (x, y) is the baseline point the anchor refers to. With a
// wrapWidth, the text is broken into lines no wider than it and the block of lines is centred
// vertically on y (each line anchored at x); with a wrapHeight too (a box's inside), lines that
// need more height than it are an error: the text does not fit its box.
struct Label {
    double x = 0, y = 0;
    std::string text;  // UTF-8
    double size = 8;
    bool bold = false;
    Anchor anchor = Anchor::Start;
    Rgb colour;
    double wrapWidth = 0;
    double wrapHeight = 0;
};

// A raster image file (PNG or JPEG) placed in a box of the drawing.
struct Image {
    double x = 0, y = 0, w = 0, h = 0;
    std::string path;
};

// Painted in order: images, shapes, then labels.
struct Drawing {
    double width = 0, height = 0;
    std::vector<Image> images;
    std::vector<Shape> shapes;
    std::vector<Label> labels;

    void rect(double x, double y, double w, double h, std::optional<Rgb> fill, std::optional<Rgb> stroke,
              double strokeWidth = 0.75);
    void line(Point a, Point b, Rgb stroke, double width = 0.75);
    // A line from a to b ending in a filled arrowhead at b.
    void arrow(Point a, Point b, Rgb stroke, double width = 0.75);
};

}  // namespace dv::draw
