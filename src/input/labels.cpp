#include "input/labels.h"

#include <fstream>
#include <sstream>

#include "core/text.h"
#include "input/json_reader.h"

namespace dv::input {

std::map<std::string, std::string> loadLabels(const std::string& path, Diagnostics& diags) {
    std::map<std::string, std::string> out;
    std::ifstream f(path, std::ios::binary);
    if (!f) {
        diags.add(path, "", "cannot read the template file (missing or not readable)");
        return out;
    }
    std::ostringstream ss;
    ss << f.rdbuf();
    std::string text = ss.str();
    if (auto bad = firstInvalidUtf8(text)) {
        diags.add(path, lineColumn(text, *bad), "invalid UTF-8; save the file as UTF-8");
        return out;
    }
    auto j = parseJson(path, text, diags);
    if (!j) return out;
    if (!j->is_object()) {
        diags.add(path, "/", "expected an object of key → text");
        return out;
    }
    for (const auto& [k, v] : j->items()) {
        if (k == "$schema") continue;
        if (!v.is_string()) {
            diags.add(path, pointerChild("", k), "expected text, got " + typeName(v));
            continue;
        }
        out[k] = v.get<std::string>();
    }
    return out;
}

}  // namespace dv::input
