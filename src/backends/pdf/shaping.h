// Kerning as HarfBuzz's shaper applies it: the font's GPOS 'kern' feature, or its 'kern' table
// when it has no GPOS kerning. Text is shaped with ligatures and contextual alternates off, so one
// character stays one glyph and the text layer maps each glyph to the character drawn with it.
// HarfBuzz's shaper is used nowhere else (its subsetter is in fonts.cpp). Internal to the PDF
// backend.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace dv::pdf::detail {

class Shaper {
public:
    // The face of the font file at `path`; throws std::runtime_error when it cannot be read.
    explicit Shaper(const std::string& path);
    ~Shaper();
    Shaper(const Shaper&) = delete;
    Shaper& operator=(const Shaper&) = delete;

    // The kerning after each character of `text` in font units: [i] is the adjustment between
    // text[i] and text[i + 1] (the last is 0), from one shaping call (pair by pair when a
    // substitution makes other than one glyph per character). Thread-safe.
    std::vector<int> kerning(const std::vector<char32_t>& text) const;

    // Whether the font kerns at all (a GPOS 'kern' feature or a 'kern' table).
    bool kerns() const { return kerns_; }

    // Whether a pair with `cp` is kerned the same wherever it stands, so that allPairsSequence can
    // measure it: not a format character (the soft hyphen) or a mark, which kerning lookups pass
    // over to kern the characters on either side.
    bool contextFree(char32_t cp) const;

private:
    // Shapes `text` and sets out[i] as kerning() does; false when the glyphs are not one per
    // character (out then untouched).
    bool shapeKerning(const std::vector<char32_t>& text, std::vector<int>& out) const;

    struct Font;
    std::unique_ptr<Font> font_;
    bool kerns_ = false;
};

// A sequence over `alphabet` in which every ordered pair of its characters (a character with
// itself too) is adjacent exactly once: n² + 1 characters for n (an Eulerian circuit of the
// complete directed graph with loops), so one shaping call measures every pair.
std::vector<char32_t> allPairsSequence(const std::vector<char32_t>& alphabet);

}  // namespace dv::pdf::detail
