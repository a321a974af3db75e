#include "backends/html/ids.h"

#include <string_view>

namespace dv::html {
namespace {

// ASCII spelling of the Norwegian and a few other Latin letters; others are dropped.
std::string_view fold(std::string_view ch) {
    static const std::pair<std::string_view, std::string_view> table[] = {
        {"æ", "ae"}, {"Æ", "ae"}, {"ø", "o"}, {"Ø", "o"}, {"å", "a"}, {"Å", "a"}, {"é", "e"}, {"É", "e"},
        {"è", "e"}, {"ê", "e"}, {"ó", "o"}, {"ò", "o"}, {"ô", "o"}, {"ü", "u"}, {"ö", "o"}, {"ä", "a"},
    };
    for (const auto& [from, to] : table)
        if (ch == from) return to;
    return {};
}

std::size_t sequenceLength(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xe) return 3;
    if ((lead >> 3) == 0x1e) return 4;
    return 1;
}

}  // namespace

std::string slug(const std::string& utf8) {
    std::string out;
    bool gap = false;
    auto put = [&](std::string_view s) {
        if (gap && !out.empty()) out += '-';
        gap = false;
        out += s;
    };
    for (std::size_t i = 0; i < utf8.size();) {
        std::size_t n = std::min(sequenceLength(static_cast<unsigned char>(utf8[i])), utf8.size() - i);
        std::string_view ch(utf8.data() + i, n);
        i += n;
        char c = ch[0];
        if (n == 1 && c >= 'A' && c <= 'Z') put(std::string(1, static_cast<char>(c - 'A' + 'a')));
        else if (n == 1 && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) put(ch);
        else if (std::string_view f = fold(ch); !f.empty()) put(f);
        else gap = true;
    }
    return out;
}

std::string Ids::make(const std::string& text, const std::string& fallback) {
    std::string base = slug(text);
    if (base.empty()) base = fallback;
    std::string id = base;
    for (int n = 2; used_.count(id); ++n) id = base + "-" + std::to_string(n);
    used_.insert(id);
    return id;
}

}  // namespace dv::html
