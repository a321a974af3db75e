// Byte-level text helpers shared by the input readers.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace dv {

// Offset of the first byte that is not part of well-formed UTF-8 (RFC 3629), or nullopt.
std::optional<std::size_t> firstInvalidUtf8(std::string_view s);

// "line:column" (1-based; column counts characters, not bytes) of a byte offset.
std::string lineColumn(std::string_view text, std::size_t offset);

// Text for XML content and attribute values: & < > " escaped.
std::string xmlEscape(const std::string& s);

// A text cell of a ';'-separated CSV for Norwegian Excel: RFC 4180 quoting, and a cell that a
// spreadsheet would read as a formula (=, +, -, @ first) gets a leading apostrophe. For text
// only: numbers are written as they are.
std::string csvText(const std::string& raw);

}  // namespace dv
