#include "input/diagram.h"

#include <map>
#include <set>

#include "core/text.h"
#include "input/json_reader.h"

namespace dv::input {
namespace {

std::optional<draw::DiagramBox> readBox(const std::string& file, const Json& j, const std::string& ptr, int columns,
                                        Diagnostics& diags) {
    ObjectReader r(file, j, ptr, {"id", "tekst", "rad", "kolonne", "spenn", "rader", "uthevd"}, diags);
    if (!r.ok()) return std::nullopt;
    auto id = r.string("id");
    auto text = r.string("tekst");
    auto row = r.integer("rad", true, 0, 40);
    auto col = r.integer("kolonne", true, 0, 11);
    auto span = r.integer("spenn", false, 1, 12);
    auto rows = r.integer("rader", false, 1, 40);
    auto strong = r.boolean("uthevd", false);
    if (!id || !text || !row || !col) return std::nullopt;
    draw::DiagramBox b{*id, *text, static_cast<int>(*row), static_cast<int>(*col),
                       span ? static_cast<int>(*span) : 1, rows ? static_cast<int>(*rows) : 1, strong && *strong};
    if (b.column + b.span > columns) {
        r.error("spenn", "the box reaches column " + std::to_string(b.column + b.span) + " of a diagram with " +
                             std::to_string(columns) + " columns (\"kolonnar\")");
        return std::nullopt;
    }
    return b;
}

}  // namespace

std::optional<draw::Diagram> loadDiagram(const std::string& path, const std::string& text, Diagnostics& diags) {
    if (auto bad = firstInvalidUtf8(text)) {
        diags.add(path, lineColumn(text, *bad), "invalid UTF-8; save the file as UTF-8");
        return std::nullopt;
    }
    auto j = parseJson(path, text, diags);
    if (!j) return std::nullopt;
    const std::size_t before = diags.size();
    ObjectReader r(path, *j, "", {"$schema", "kolonnar", "radhogd", "boksar", "lenkjer"}, diags);
    if (!r.ok()) return std::nullopt;
    draw::Diagram g;
    g.file = path;
    auto cols = r.integer("kolonnar", true, 1, 12);
    auto rowHeight = r.integer("radhogd", false, 12, 400);
    g.columns = cols ? static_cast<int>(*cols) : 1;
    if (rowHeight) g.rowHeight = static_cast<double>(*rowHeight);
    std::map<std::pair<int, int>, std::string> cells;  // (row, column) → box id
    if (const Json* boxes = r.array("boksar")) {
        for (std::size_t i = 0; i < boxes->size(); ++i) {
            std::string ptr = pointerChild("/boksar", i);
            auto b = readBox(path, (*boxes)[i], ptr, g.columns, diags);
            if (!b) continue;
            bool clash = false;
            for (int rr = b->row; rr < b->row + b->rows && !clash; ++rr)
                for (int c = b->column; c < b->column + b->span && !clash; ++c)
                    if (auto [it, fresh] = cells.emplace(std::make_pair(rr, c), b->id); !fresh) {
                        diags.add(path, ptr, "the box \"" + b->id + "\" overlaps the box \"" + it->second + "\" in row " +
                                                 std::to_string(rr) + ", column " + std::to_string(c));
                        clash = true;
                    }
            for (const draw::DiagramBox& o : g.boxes)
                if (o.id == b->id) { diags.add(path, pointerChild(ptr, "id"), "a second box with the id \"" + b->id + "\""); clash = true; }
            if (!clash) g.boxes.push_back(*b);
        }
    }
    if (const Json* links = r.array("lenkjer", false)) {
        for (std::size_t i = 0; i < links->size(); ++i) {
            std::string ptr = pointerChild("/lenkjer", i);
            ObjectReader l(path, (*links)[i], ptr, {"fra", "til", "pil"}, diags);
            if (!l.ok()) continue;
            auto from = l.string("fra");
            auto to = l.string("til");
            auto arrow = l.boolean("pil", false);
            if (!from || !to) continue;
            for (const auto& [key, id] : {std::pair{"fra", *from}, std::pair{"til", *to}}) {
                bool known = false;
                for (const draw::DiagramBox& b : g.boxes) known = known || b.id == id;
                if (!known) l.error(key, "no box has the id \"" + id + "\"");
            }
            g.links.push_back({*from, *to, !arrow || *arrow});
        }
    }
    if (diags.size() != before) return std::nullopt;
    return g;
}

}  // namespace dv::input
