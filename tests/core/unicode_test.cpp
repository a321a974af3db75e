#include <catch2/catch.hpp>

#include "core/unicode.h"

using namespace dv;

TEST_CASE("NFC composes what was typed decomposed, and leaves composed text alone", "[unicode]") {
    const std::string nfd = "bokma\xCC\x8Al";  // a + U+030A COMBINING RING ABOVE
    CHECK(nfd != "bokmål");
    CHECK(toNfc(nfd) == "bokmål");
    CHECK(toNfc("bokmål") == "bokmål");
    CHECK(toNfc("Ka\xCC\x81ra\xCC\x81s\xCC\x8Cjohka") == "Kárášjohka");
    CHECK(toNfc("Porsáŋgu") == "Porsáŋgu");  // ŋ has no decomposition
}

TEST_CASE("printable text: control characters, separators, private use and bidi overrides are found", "[unicode]") {
    CHECK_FALSE(firstNonPrintable("Guovdageaidnu – Kautokeino «ŋ»", false).has_value());
    auto bell = firstNonPrintable("ab\x07", false);
    REQUIRE(bell);
    CHECK(bell->offset == 2);
    CHECK(bell->cp == 7);
    CHECK(firstNonPrintable("a\nb", false)->cp == '\n');
    CHECK_FALSE(firstNonPrintable("a\nb", true).has_value());
    CHECK(firstNonPrintable("a\tb", true)->cp == '\t');
    CHECK(firstNonPrintable("æ\xE2\x80\xAE", false)->offset == 2);       // U+202E RIGHT-TO-LEFT OVERRIDE
    CHECK(firstNonPrintable("\xE2\x80\xA8", false)->cp == 0x2028);      // LINE SEPARATOR
    CHECK(firstNonPrintable("\xEE\x80\x80", false)->cp == 0xE000);      // private use
    CHECK(firstNonPrintable("\xC2\x85", false)->cp == 0x85);            // NEL, a C1 control
    CHECK_FALSE(firstNonPrintable("soft\xC2\xADhyphen", false).has_value());
}

TEST_CASE("lengths count as a spreadsheet does (UTF-16 units)", "[unicode]") {
    CHECK(utf16Length("") == 0);
    CHECK(utf16Length("Årdal") == 5);
    CHECK(utf16Length("ŋ€") == 2);
    CHECK(utf16Length("\xF0\x9F\x98\x80") == 2);  // U+1F600 is a surrogate pair
    CHECK(codePoints("Åŋ😀") == std::u32string{0xC5, 0x14B, 0x1F600});
    CHECK(toUtf8(0x14B) == "ŋ");
    CHECK(codePointName(0x7) == "U+0007");
    CHECK(codePointName(0x1F600) == "U+1F600");
}
