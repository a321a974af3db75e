#include "core/unicode.h"

#include <cstdio>
#include <cstdlib>
#include <memory>

#include <utf8proc.h>

namespace dv {

namespace {

const utf8proc_uint8_t* bytes(std::string_view s) { return reinterpret_cast<const utf8proc_uint8_t*>(s.data()); }

bool isBidiControl(char32_t cp) {
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F ||
           cp == 0x061C;
}

}  // namespace

std::string toNfc(std::string_view s) {
    utf8proc_uint8_t* out = nullptr;
    utf8proc_ssize_t n = utf8proc_map(bytes(s), static_cast<utf8proc_ssize_t>(s.size()), &out,
                                      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    if (n < 0) return std::string(s);  // not UTF-8: the reader refuses it before this is asked
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(out, &std::free);
    return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

std::optional<BadCharacter> firstNonPrintable(std::string_view s, bool newlineAllowed) {
    for (std::size_t i = 0; i < s.size();) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t len = utf8proc_iterate(bytes(s) + i, static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
        if (len <= 0) return BadCharacter{i, 0xFFFD};
        if (!(cp == '\n' && newlineAllowed)) {
            switch (utf8proc_category(cp)) {
                case UTF8PROC_CATEGORY_CC:
                case UTF8PROC_CATEGORY_CN:
                case UTF8PROC_CATEGORY_CS:
                case UTF8PROC_CATEGORY_CO:
                case UTF8PROC_CATEGORY_ZL:
                case UTF8PROC_CATEGORY_ZP: return BadCharacter{i, static_cast<char32_t>(cp)};
                default:
                    if (isBidiControl(static_cast<char32_t>(cp))) return BadCharacter{i, static_cast<char32_t>(cp)};
            }
        }
        i += static_cast<std::size_t>(len);
    }
    return std::nullopt;
}

std::size_t utf16Length(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) {
        if ((c & 0xC0) != 0x80) ++n;     // a lead byte starts a code point
        if ((c & 0xF8) == 0xF0) ++n;     // four-byte sequences are two UTF-16 units
    }
    return n;
}

std::u32string codePoints(std::string_view s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t len = utf8proc_iterate(bytes(s) + i, static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
        if (len <= 0) {
            out += U'\uFFFD';
            ++i;
            continue;
        }
        out += static_cast<char32_t>(cp);
        i += static_cast<std::size_t>(len);
    }
    return out;
}

std::string toUtf8(char32_t cp) {
    utf8proc_uint8_t buf[4];
    utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
    return std::string(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

std::string codePointName(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

}  // namespace dv
