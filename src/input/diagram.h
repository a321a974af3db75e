// Diagram files (templates/<nb|nn>/figurar/<id>.json) → draw::Diagram, every problem collected
// with its JSON pointer:
//   {"kolonnar": 3, "radhogd": 36,
//    "boksar": [{"id": "ks", "tekst": "KS", "rad": 0, "kolonne": 0, "spenn": 1, "rader": 1, "uthevd": false}],
//    "lenkjer": [{"fra": "ks", "til": "fid", "pil": true}]}
// Boxes must lie inside the columns and not overlap; links must name boxes.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostic.h"
#include "drawing/diagram.h"

namespace dv::input {

// `text` is the file's content (after the template stage filled its Mustache tags).
std::optional<draw::Diagram> loadDiagram(const std::string& path, const std::string& text, Diagnostics& diags);

}  // namespace dv::input
