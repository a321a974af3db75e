// HTML escaping: text content and attribute values (UTF-8 passes through unchanged).
#pragma once

#include <string>
#include <string_view>

namespace dv::html {

// &, <, > as character references: safe in element content.
std::string escapeText(std::string_view s);
// The same and the double quote: safe in a double-quoted attribute value.
std::string escapeAttribute(std::string_view s);

}  // namespace dv::html
