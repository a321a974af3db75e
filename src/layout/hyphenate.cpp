// libhyphen, confined here. The hyphen-no dictionaries are ISO 8859-1: words are converted,
// lower-cased, hyphenated, and the points mapped back to UTF-8 byte offsets.
#include <hyphen.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>

#include "core/sha256.h"
#include "layout/layout.h"

namespace dv::layout {
namespace {

// Loaded pattern files by the SHA-256 of their content, so engines and målformer with the same
// patterns (hyphen-no installs one file under both names) parse them once. Held weakly: the
// patterns are freed with the last Hyphenator that uses them.
struct Loaded {
    std::mutex mutex;
    std::map<std::string, std::weak_ptr<void>> byContent;
};

Loaded& patternFiles() {
    static Loaded l;
    return l;
}

HyphenDict* parsePatterns(std::string& content) {
    FILE* mem = fmemopen(content.data(), content.size(), "r");
    if (!mem) return nullptr;
    HyphenDict* dict = hnj_hyphen_load_file(mem);
    std::fclose(mem);
    return dict;
}

std::shared_ptr<void> loadShared(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return nullptr;
    std::string content((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    std::string key = sha256Hex(content);
    Loaded& l = patternFiles();
    std::lock_guard lock(l.mutex);
    if (auto shared = l.byContent[key].lock()) return shared;
    HyphenDict* dict = content.empty() ? hnj_hyphen_load(path.c_str()) : parsePatterns(content);
    if (!dict) return nullptr;
    std::shared_ptr<void> shared(dict, [](void* d) { hnj_hyphen_free(static_cast<HyphenDict*>(d)); });
    l.byContent[key] = shared;
    return shared;
}

}  // namespace

Hyphenator::Hyphenator(const std::string& path, int minLeft, int minRight)
    : dict_(loadShared(path)), minLeft_(minLeft), minRight_(minRight) {}

Hyphenator::~Hyphenator() = default;

const std::vector<std::size_t>& Hyphenator::points(const std::string& word) const {
    {
        std::lock_guard lock(mutex_);
        auto it = cache_.find(word);
        if (it != cache_.end()) return it->second;
    }
    std::vector<std::size_t> pts = compute(word);  // outside the lock: the other thread goes on
    std::lock_guard lock(mutex_);
    return cache_.try_emplace(word, std::move(pts)).first->second;  // references stay valid
}

std::vector<std::size_t> Hyphenator::compute(const std::string& word) const {
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
    hnj_hyphen_hyphenate3(static_cast<HyphenDict*>(dict_.get()), latin.c_str(), n, hyphens.data(), nullptr,
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
