// Unicode properties of input text: normalisation to NFC, printable characters, lengths.
// The only user of utf8proc.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace dv {

// `s` (well-formed UTF-8) in Unicode Normalization Form C: "bokmål" typed as o + U+030A
// becomes the one character å, as our templates, fonts and comparisons expect.
std::string toNfc(std::string_view s);

// The first character of `s` that is not printable text, as {byte offset, code point}: a control
// character (a newline only when `newlineAllowed` is false), a line or paragraph separator, a
// private-use, surrogate or unassigned code point, or a bidirectional override that would make a
// name read differently from how it is stored.
struct BadCharacter {
    std::size_t offset;
    char32_t cp;
};
std::optional<BadCharacter> firstNonPrintable(std::string_view s, bool newlineAllowed);

// The length as spreadsheets count it (UTF-16 code units), which is what the workbook's limit of
// 32 767 characters per cell counts.
std::size_t utf16Length(std::string_view s);

// The code points of well-formed UTF-8 `s`.
std::u32string codePoints(std::string_view s);

// One code point as UTF-8.
std::string toUtf8(char32_t cp);

// "U+0007" for diagnostics.
std::string codePointName(char32_t cp);

}  // namespace dv
