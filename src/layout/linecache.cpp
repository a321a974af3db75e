#include "layout/linecache.h"

#include <cstring>

namespace dv::layout::detail {
namespace {

void append(std::string& key, double v) {
    char bytes[sizeof v];
    std::memcpy(bytes, &v, sizeof v);
    key.append(bytes, sizeof v);
}

// Every input of the line breaker, each string preceded by its length: no two inputs share a key.
void append(std::string& key, const std::string& s) {
    append(key, static_cast<double>(s.size()));
    key += s;
}

}  // namespace

const std::vector<SetLine>& LineCache::lines(const std::vector<Fragment>& frags, double width, Alignment align,
                                             bool hyphenate) {
    std::string key;
    append(key, width);
    key += static_cast<char>(align);
    key += hyphenate ? 'h' : '-';
    for (const Fragment& f : frags) {
        append(key, f.text);
        key += static_cast<char>(f.face);
        append(key, f.size);
        append(key, f.link);
        append(key, f.lang);
    }
    auto it = done_.find(key);
    if (it == done_.end())
        it = done_.emplace(std::move(key), breakLines(frags, width, align, m_, hyphenate ? &hyph_ : nullptr)).first;
    return it->second;
}

}  // namespace dv::layout::detail
