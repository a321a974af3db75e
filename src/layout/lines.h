// Internal to the layout stage: the pieces line breaking is built from, shared by first fit
// (linebreak.cpp) and total fit (totalfit.cpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "layout/layout.h"

namespace dv::layout::detail {

// The soft hyphen ends a line broken inside a word: drawn as a hyphen (the fonts give U+00AD the
// hyphen's glyph), extracted as U+00AD, so text extraction and screen readers rejoin the word
// (ISO 32000-1 14.8.2.2.3).
inline const std::string kSoftHyphen = "\u00AD";

struct Atom {
    enum Kind { Word, Space, Break } kind = Word;
    std::vector<Fragment> parts;  // Word: the styled pieces; Space: one piece " "
    double width = 0;
};

// Where a word may break: inside part `part` before byte `offset`, adding a hyphen or not.
struct Point {
    std::size_t part, offset;
    bool addHyphen;
};

char32_t decode(const std::string& s, std::size_t i, std::size_t& len);
double partsWidth(const std::vector<Fragment>& parts, const Metrics& m);
std::vector<Atom> atomize(const std::vector<Fragment>& frags, const Metrics& m);
// Sorted break points of a word: hyphenation (not for capitalised or overlong words), after
// explicit '-' and '/', and with `force` between any two characters.
std::vector<Point> breakPoints(const std::vector<Fragment>& word, bool force, const Hyphenator* hyph);
SetLine setLine(std::vector<Atom> atoms, double width, Alignment align, bool last, bool hardBreak, const Metrics& m);

std::vector<SetLine> firstFit(const std::vector<Atom>& atoms, double width, Alignment align, const Metrics& m,
                              const Hyphenator* hyph);
// Knuth–Plass over each stretch between hard breaks; nullopt when some word is wider than the
// line or no set of breaks keeps every space within twice its width (first fit then decides).
std::optional<std::vector<SetLine>> totalFit(const std::vector<Atom>& atoms, double width, const Metrics& m,
                                             const Hyphenator* hyph);

}  // namespace dv::layout::detail
