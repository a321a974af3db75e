// Issue 14, kerning through HarfBuzz: the pairs the shaper kerns (GPOS, else the 'kern' table),
// measured in one call over a sequence that holds every pair once.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <set>
#include <string>

#include "backends/pdf/shaping.h"

using namespace dv::pdf::detail;

namespace {

const std::string kSerif = "/usr/share/fonts/truetype/dejavu/DejaVuSerifCondensed.ttf";
const std::string kMono = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";  // no kerning at all

}  // namespace

TEST_CASE("shaping: the all-pairs sequence holds each ordered pair once, n² + 1 long") {
    for (std::size_t n : {1u, 2u, 3u, 7u, 40u}) {
        std::vector<char32_t> alphabet;
        for (std::size_t i = 0; i < n; ++i) alphabet.push_back(static_cast<char32_t>('A' + i));
        const std::vector<char32_t> seq = allPairsSequence(alphabet);
        REQUIRE(seq.size() == n * n + 1);
        std::set<std::pair<char32_t, char32_t>> pairs;
        for (std::size_t i = 0; i + 1 < seq.size(); ++i) pairs.insert({seq[i], seq[i + 1]});
        CHECK(pairs.size() == n * n);
    }
    CHECK(allPairsSequence({}).empty());
}

TEST_CASE("shaping: kerning of AV, To, Te in one call is the same as pair by pair, none after the last") {
    Shaper s(kSerif);
    REQUIRE(s.kerns());
    const std::vector<char32_t> text{U'A', U'V', U' ', U'T', U'o', U' ', U'T', U'e'};
    const std::vector<int> k = s.kerning(text);
    REQUIRE(k.size() == text.size());
    CHECK(k[0] < -50);  // DejaVu Serif Condensed, 2048 units per em: AV about −130
    CHECK(k[3] < -50);
    CHECK(k[6] < -50);
    CHECK(k.back() == 0);
    for (std::size_t i = 0; i + 1 < text.size(); ++i) CHECK(s.kerning({text[i], text[i + 1]})[0] == k[i]);
    // ligatures off: "fi" stays two glyphs, so the values stay aligned with the characters
    CHECK(s.kerning({U'f', U'i', U'A', U'V'})[2] == k[0]);
}

TEST_CASE("shaping: a font with no kerning kerns nothing") {
    Shaper s(kMono);
    CHECK_FALSE(s.kerns());
    CHECK(s.kerning({U'A', U'V'}) == std::vector<int>{0, 0});
}

namespace {

// A copy of DejaVu Serif Condensed without `table` (fontTools), its path.
std::string without(const std::string& table) {
    const std::string copy = "/tmp/dv-no-" + table + "-" + std::to_string(::getpid()) + ".ttf";
    const std::string py = "/usr/bin/python3 -c \"from fontTools.ttLib import TTFont; f = TTFont('" + kSerif + "'); del f['" +
                           table + "']; f.save('" + copy + "')\"";
    REQUIRE(std::system(py.c_str()) == 0);
    return copy;
}

}  // namespace

TEST_CASE("shaping: a font kerned only in GPOS, or only by a 'kern' table, is kerned the same") {
    const Shaper both(kSerif);
    const std::vector<char32_t> text{U'A', U'V', U'A', U'T', U'o', U',', U',', U'T', U'e'};
    const std::vector<int> expected = both.kerning(text);
    CHECK(expected[0] < -50);
    for (const char* table : {"kern", "GPOS"}) {
        INFO("without " << table);
        const std::string copy = without(table);
        {
            Shaper s(copy);
            CHECK(s.kerns());
            CHECK(s.kerning({U'A', U'V'})[0] == expected[0]);
            // in a longer text too: HarfBuzz puts half of a 'kern' table value on the second
            // glyph's advance and offset, which must not leak into the next pair
            CHECK(s.kerning(text) == expected);
        }
        std::remove(copy.c_str());
    }
}

TEST_CASE("shaping: a soft hyphen is not measured in the all-pairs sequence (lookups pass over it)") {
    Shaper s(kSerif);
    CHECK(s.contextFree(U'a'));
    CHECK(s.contextFree(U'\u00A0'));
    CHECK_FALSE(s.contextFree(U'\u00AD'));
    CHECK_FALSE(s.contextFree(U'\u0301'));  // a combining accent
    // why: the kerning lookups pass over it, kerning A with the V after it, so in a sequence the
    // value measured for (A, soft hyphen) would be that of (A, V)
    CHECK(s.kerning({U'A', U'\u00AD', U'V'})[0] == s.kerning({U'A', U'V'})[0]);
    CHECK(s.kerning({U'A', U'\u00AD'})[0] == 0);
}
