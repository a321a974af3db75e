#include "backends/pdf/winansi.h"

#include <array>
#include <cstdio>

namespace dv::pdf::detail {
namespace {

// Codes 0x80–0x9F of WinAnsiEncoding (Table D.2), 0 where it defines none.
constexpr std::array<char32_t, 32> kHigh = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

}  // namespace

char32_t winAnsiCharacter(std::uint8_t code) {
    if (code >= 0x20 && code <= 0x7E) return code;
    if (code >= 0x80 && code <= 0x9F) return kHigh[code - 0x80u];
    if (code >= 0xA0) return code;
    return 0;
}

std::optional<std::uint8_t> winAnsiCode(char32_t cp) {
    if ((cp >= 0x20 && cp <= 0x7E) || (cp >= 0xA0 && cp <= 0xFF)) return static_cast<std::uint8_t>(cp);
    for (std::size_t i = 0; i < kHigh.size(); ++i)
        if (kHigh[i] != 0 && kHigh[i] == cp) return static_cast<std::uint8_t>(0x80 + i);
    return std::nullopt;
}

char32_t winAnsiGlyphCharacter(std::uint8_t code) {
    if (code == 0xA0) return 0x20;
    if (code == 0xAD) return 0x2D;
    return winAnsiCharacter(code);
}

std::string winAnsiUnicodeCMap() {
    std::string m =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<00> <FF>\nendcodespacerange\n";
    // 0x20–0x7E and 0xA0–0xFF are ranges of consecutive characters; 0x80–0x9F one by one
    m += "2 beginbfrange\n<20> <7E> <0020>\n<A0> <FF> <00A0>\nendbfrange\n";
    std::string chars;
    int n = 0;
    for (unsigned c = 0x80; c <= 0x9F; ++c)
        if (char32_t u = winAnsiCharacter(static_cast<std::uint8_t>(c)); u != 0) {
            char line[24];
            std::snprintf(line, sizeof line, "<%02X> <%04X>\n", c, static_cast<unsigned>(u));
            chars += line;
            ++n;
        }
    m += std::to_string(n) + " beginbfchar\n" + chars + "endbfchar\n";
    return m + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
}

}  // namespace dv::pdf::detail
