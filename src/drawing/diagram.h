// Box-and-arrow diagrams as data (templates/<nb|nn>/figurar/*.json): boxes on a grid of columns
// and rows, with their labels, and links between boxes. The grid keeps the file free of
// coordinates: a box names its row, its first column and how many columns it spans.
#pragma once

#include <string>
#include <vector>

#include "drawing/drawing.h"

namespace dv::draw {

struct DiagramBox {
    std::string id;
    std::string text;  // may be long: wrapped inside the box
    int row = 0, column = 0, span = 1, rows = 1;
    bool emphasis = false;  // a heavier box (the cooperation itself, a group heading)
};

struct DiagramLink {
    std::string from, to;  // box ids
    bool arrow = true;     // false: a plain line (belongs to, takes part in)
};

struct Diagram {
    std::string file;  // where it was read from, for messages
    int columns = 1;
    double rowHeight = 36;  // points
    std::vector<DiagramBox> boxes;
    std::vector<DiagramLink> links;
};

// The diagram drawn at `width`: boxes with a gutter between them, labels centred in their box,
// a link from the nearer edges of its two boxes (bottom to top, or side to side in one row).
// Links name boxes the diagram has (the loader checks).
Drawing drawDiagram(const Diagram& diagram, double width);

}  // namespace dv::draw
