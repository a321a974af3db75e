#include "backends/html/escape.h"

namespace dv::html {
namespace {

std::string escape(std::string_view s, bool quote) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"':
            if (quote) out += "&quot;";
            else out += c;
            break;
        default: out += c;
        }
    }
    return out;
}

}  // namespace

std::string escapeText(std::string_view s) { return escape(s, false); }
std::string escapeAttribute(std::string_view s) { return escape(s, true); }

}  // namespace dv::html
