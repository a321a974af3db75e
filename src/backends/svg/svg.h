// A figure's drawing (src/drawing) as inline SVG for the HTML edition: role="img" with <title>
// (the caption) and <desc> (the alternative text) named by aria-labelledby, shapes as
// rect/polyline/polygon, labels as <text>; a label that wraps inside a box becomes an HTML block in
// a <foreignObject> of the box's size, so the reader's browser breaks its lines with the reader's
// fonts. Raster images are embedded as data: URIs. Depends on the drawing stage only.
#pragma once

#include <string>

#include "drawing/drawing.h"

namespace dv::svg {

struct Texts {
    std::string id;     // unique in the page: prefixes the title and desc ids ("figur-3")
    std::string title;  // the caption, or the alternative text when there is none
    std::string desc;   // the alternative text
};

// `readFile` gives the bytes of a raster image's path ("" when unreadable, and the image is left
// out).
std::string svg(const draw::Drawing& d, const Texts& t, std::string (*readFile)(const std::string&));

}  // namespace dv::svg
