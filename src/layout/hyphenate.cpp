// libhyphen, confined here. The hyphen-no dictionaries are ISO 8859-1: words are converted,
// lower-cased, hyphenated, and the points mapped back to UTF-8 byte offsets.
#include <hyphen.h>

#include <cstdlib>

#include "layout/layout.h"

namespace dv::layout {

Hyphenator::Hyphenator(const std::string& path, int minLeft, int minRight)
    : dict_(hnj_hyphen_load(path.c_str())), minLeft_(minLeft), minRight_(minRight) {}

Hyphenator::~Hyphenator() {
    if (dict_) hnj_hyphen_free(static_cast<HyphenDict*>(dict_));
}

std::vector<std::size_t> Hyphenator::points(const std::string& word) const {
    std::vector<std::size_t> out;
    if (!dict_) return out;
    std::string latin;
    std::vector<std::size_t> offsets;  // UTF-8 offset of each Latin-1 character
    for (std::size_t i = 0; i < word.size();) {
        unsigned char c = static_cast<unsigned char>(word[i]);
        unsigned cp;
        std::size_t len;
        if (c < 0x80) { cp = c; len = 1; }
        else if ((c & 0xE0) == 0xC0 && i + 1 < word.size()) {
            cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(word[i + 1]) & 0x3Fu);
            len = 2;
        } else return out;  // beyond Latin-1: leave the word alone
        if (cp >= 'A' && cp <= 'Z') cp += 32;
        else if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) cp += 32;
        bool letter = (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7);
        if (!letter) return out;  // numbers, punctuation inside: no patterns apply
        offsets.push_back(i);
        latin += static_cast<char>(cp);
        i += len;
    }
    int n = static_cast<int>(latin.size());
    if (n < minLeft_ + minRight_) return out;
    std::vector<char> hyphens(static_cast<std::size_t>(n) + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    hnj_hyphen_hyphenate3(static_cast<HyphenDict*>(dict_), latin.c_str(), n, hyphens.data(), nullptr,
                          &rep, &pos, &cut, minLeft_, minRight_, 2, 2);
    if (rep) {
        for (int i = 0; i < n; ++i) std::free(rep[i]);
        std::free(rep);
        std::free(pos);
        std::free(cut);
    }
    for (int i = minLeft_ - 1; i < n - minRight_; ++i) {
        if (!(hyphens[static_cast<std::size_t>(i)] & 1)) continue;
        // One correction to the patterns: they sometimes split the digraph "ng" ("styrin-gs-
        // modellen"), which a Norwegian reader stumbles over; such points are dropped.
        if (latin[static_cast<std::size_t>(i)] == 'n' && latin[static_cast<std::size_t>(i) + 1] == 'g') continue;
        out.push_back(offsets[static_cast<std::size_t>(i) + 1]);
    }
    return out;
}

}  // namespace dv::layout
