// A TrueType face as the PDF backend uses it, read with FreeType: advance widths and glyph ids per
// code point, its kerning (through HarfBuzz, shaping.h), and the values its font descriptor needs.
// Internal to the PDF backend (FreeType is used nowhere else).
#pragma once

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include FT_TRUETYPE_TAGS_H

#include <cmath>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "backends/pdf/shaping.h"

namespace dv::pdf::detail {

constexpr float kMissing = -1.0f;  // the font has no glyph for the code point

// Widths and glyph ids per code point. The Latin, punctuation and symbol ranges a Norwegian
// document uses are read at load; anything else is looked up under a lock (FreeType faces must
// not be used from two threads at once, and documents are rendered in parallel).
struct FaceData {
    FT_Face face = nullptr;
    std::string path;
    double unitsPerEm = 1000;
    double ascent = 800;
    std::vector<float> width;   // per code point below kTable; kMissing when absent
    std::vector<std::uint16_t> gid;
    std::vector<bool> known;
    std::mutex lock;
    static constexpr char32_t kTable = 0x3000;
    std::unique_ptr<Shaper> shaper;                      // the font's kerning, through HarfBuzz
    static constexpr char32_t kPairTable = 0x100;      // pairs of code points below it: a direct table
    std::vector<float> latinKerning;                    // [left * kPairTable + right] → 1/1000 em, NaN: ask the shaper; read-only after load
    std::unordered_map<std::uint64_t, float> otherKerning;  // (left << 32 | right) → 1/1000 em, under `lock`

    // Kerning as HarfBuzz shapes it (shaping.h: GPOS, else the 'kern' table). The pairs of
    // Latin-1 characters are measured at load by one shaping call over a sequence holding each
    // pair once and kept in a table (asked once per pair of characters laid out and drawn); any
    // other pair is shaped when first asked and kept.
    void loadKerning() {
        shaper = std::make_unique<Shaper>(path);
        latinKerning.assign(kPairTable * kPairTable, 0.0f);
        if (!shaper->kerns()) return;
        std::vector<char32_t> alphabet, apart;  // apart: its pairs shaped one by one, in kern (NaN here)
        for (char32_t cp = 0x21; cp < kPairTable; ++cp)
            (gid[cp] != 0 && shaper->contextFree(cp) ? alphabet : apart).push_back(cp);
        const std::vector<char32_t> seq = allPairsSequence(alphabet);
        const std::vector<int> k = shaper->kerning(seq);
        for (std::size_t i = 0; i + 1 < seq.size(); ++i)
            latinKerning[seq[i] * kPairTable + seq[i + 1]] = static_cast<float>(k[i] * 1000.0 / unitsPerEm);
        for (char32_t c : apart)
            for (char32_t o = 0; o < kPairTable; ++o)
                latinKerning[c * kPairTable + o] = latinKerning[o * kPairTable + c] = std::nanf("");
    }
    float kern(char32_t l, char32_t r) {
        if (!shaper || !shaper->kerns() || l == ' ' || r == ' ') return 0;
        if (l < kPairTable && r < kPairTable)
            if (float k = latinKerning[l * kPairTable + r]; !std::isnan(k)) return k;
        const std::uint64_t key = static_cast<std::uint64_t>(l) << 32 | r;
        std::lock_guard<std::mutex> g(lock);
        auto it = otherKerning.find(key);
        if (it == otherKerning.end())
            it = otherKerning.emplace(key, static_cast<float>(shaper->kerning({l, r})[0] * 1000.0 / unitsPerEm)).first;
        return it->second;
    }

    void load(char32_t cp) {  // caller holds `lock` or is the only user
        FT_UInt g = FT_Get_Char_Index(face, cp);
        if (g == 0 || FT_Load_Glyph(face, g, FT_LOAD_NO_SCALE | FT_LOAD_NO_BITMAP) != 0) {
            width[cp] = kMissing;
        } else {
            width[cp] = static_cast<float>(face->glyph->metrics.horiAdvance * 1000.0 / unitsPerEm);
            gid[cp] = static_cast<std::uint16_t>(g);
        }
        known[cp] = true;
    }
    void ensure(char32_t cp) {
        if (cp >= kTable) return;
        std::lock_guard<std::mutex> g(lock);
        if (!known[cp]) load(cp);
    }
    static bool eager(char32_t cp) { return cp < 0x250 || (cp >= 0x2000 && cp < 0x2200) || (cp >= 0x25A0 && cp < 0x2600); }
    float lookup(char32_t cp) {
        if (cp >= kTable) return kMissing;
        if (!eager(cp)) ensure(cp);
        return width[cp];
    }
    std::uint16_t glyph(char32_t cp) {
        if (cp >= kTable) return 0;
        if (!eager(cp)) ensure(cp);
        return gid[cp];
    }
};

// The face of a .ttf file, loaded once per path per process; nullptr and `error` set when it cannot be.
std::shared_ptr<FaceData> loadFace(const std::string& path, std::string& error);

// Font descriptor values from the font's own tables: Flags (Serif from the PANOSE serif style,
// Italic from post.italicAngle or OS/2 fsSelection, FixedPitch from post), ItalicAngle, CapHeight
// (OS/2 sCapHeight, else the height of "H"; 1/1000 em). StemV is not stored in TrueType fonts; it is estimated from the
// weight class as (weight / 65)² + 50, the approximation font tools use (400 → 88, 700 → 166).
struct Descriptor {
    int flags = 32;
    double italicAngle = 0;
    int stemV = 88;
    int capHeight = 0;
};

Descriptor describe(FaceData& fd);

// The face's PostScript name ("DejaVuSerifCondensed").
std::string postscriptName(FaceData& fd);

}  // namespace dv::pdf::detail
