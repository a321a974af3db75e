// A TrueType face as the PDF backend uses it, read with FreeType: advance widths and glyph ids per
// code point, the kerning pairs of its 'kern' table, and the values its font descriptor needs.
// Internal to the PDF backend (FreeType is used nowhere else).
#pragma once

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include FT_TRUETYPE_TAGS_H

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

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
    std::unordered_map<std::uint32_t, float> kerning;  // (left gid << 16 | right gid) → 1/1000 em; read-only after load
    static constexpr char32_t kPairTable = 0x100;     // pairs of code points below it: a direct table
    std::vector<float> latinKerning;                    // [left * kPairTable + right] → 1/1000 em, from `kerning`

    // The TrueType 'kern' table, format 0 horizontal subtables (DejaVu: about 1 400 pairs per
    // face, "AV", "To", "Te" among them). GPOS kerning would need a shaper (HarfBuzz).
    void loadKerning() {
        FT_ULong length = 0;
        if (FT_Load_Sfnt_Table(face, TTAG_kern, 0, nullptr, &length) != 0 || length < 4) return;
        std::vector<unsigned char> t(length);
        if (FT_Load_Sfnt_Table(face, TTAG_kern, 0, t.data(), &length) != 0) return;
        auto u16 = [&](std::size_t at) { return at + 2 <= t.size() ? static_cast<unsigned>(t[at] << 8 | t[at + 1]) : 0u; };
        unsigned tables = u16(2);
        std::size_t at = 4;
        for (unsigned k = 0; k < tables && at + 6 <= t.size(); ++k) {
            unsigned len = u16(at + 2), coverage = u16(at + 4);
            if ((coverage >> 8) == 0 && (coverage & 0x0F) == 1) {  // format 0, horizontal, kerning values
                unsigned pairs = u16(at + 6);
                for (unsigned i = 0; i < pairs; ++i) {
                    std::size_t e = at + 14 + 6 * static_cast<std::size_t>(i);
                    if (e + 6 > t.size()) break;
                    auto value = static_cast<std::int16_t>(u16(e + 4));
                    kerning[u16(e) << 16 | u16(e + 2)] = static_cast<float>(value * 1000.0 / unitsPerEm);
                }
            }
            if (len < 6) break;
            at += len;
        }
        tabulateLatinPairs();
    }
    // Text is mostly Latin-1: its pairs are read from a table, not hashed (called once per pair
    // of characters laid out and drawn). Built from the pairs, not by asking every pair.
    void tabulateLatinPairs() {
        latinKerning.assign(kPairTable * kPairTable, 0.0f);
        std::unordered_map<std::uint16_t, std::vector<char32_t>> cpsOf;  // glyph → its code points below kPairTable
        for (char32_t cp = 0x21; cp < kPairTable; ++cp)
            if (gid[cp] != 0) cpsOf[gid[cp]].push_back(cp);
        for (const auto& [pair, value] : kerning) {
            auto l = cpsOf.find(static_cast<std::uint16_t>(pair >> 16)), r = cpsOf.find(static_cast<std::uint16_t>(pair & 0xFFFF));
            if (l == cpsOf.end() || r == cpsOf.end()) continue;
            for (char32_t a : l->second)
                for (char32_t b : r->second) latinKerning[a * kPairTable + b] = value;
        }
    }
    float kern(char32_t l, char32_t r) {
        if (kerning.empty() || l == ' ' || r == ' ') return 0;
        if (l < kPairTable && r < kPairTable) return latinKerning[l * kPairTable + r];
        std::uint16_t a = glyph(l), b = glyph(r);
        if (a == 0 || b == 0) return 0;
        auto it = kerning.find(static_cast<std::uint32_t>(a) << 16 | b);
        return it == kerning.end() ? 0 : it->second;
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
