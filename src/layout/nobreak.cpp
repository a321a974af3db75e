// No-break rules, a text pass before line breaking: a space that must not become a line break
// is turned into U+00A0, which the line breaker treats as part of a word. Norwegian typesetting
// keeps together a day and its month ("1. januar"), a month and its year ("januar 2025"), "kr"
// and its amount ("kr 133 820", "133 820 kr"), the groups of a number ("10 371 420") and "§"
// with its number ("§ 20-1"). A linear scan over the spaces: no regular expressions (a
// megabyte paragraph must stay cheap).
#include <array>
#include <cctype>
#include <string_view>

#include "layout/layout.h"

namespace dv::layout {
namespace {

const std::string kNbsp = "\u00A0";

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// The token before position `end` (exclusive) and after `begin`, bounded by spaces or no-break spaces.
std::string_view tokenBefore(const std::string& s, std::size_t end) {
    std::size_t b = end;
    while (b > 0 && s[b - 1] != ' ' && !(b >= 2 && s.compare(b - 2, 2, kNbsp) == 0)) --b;
    return std::string_view(s).substr(b, end - b);
}
std::string_view tokenAfter(const std::string& s, std::size_t begin) {
    std::size_t e = begin;
    while (e < s.size() && s[e] != ' ' && s.compare(e, 2, kNbsp) != 0) ++e;
    return std::string_view(s).substr(begin, e - begin);
}

// Leading/trailing punctuation that does not change what a token is: "(1.", "2025)," …
std::string_view trimPunct(std::string_view t, bool front, bool back) {
    auto punct = [](char c) { return c == '(' || c == ')' || c == ',' || c == ';' || c == ':' || c == '"' || c == '!' || c == '?'; };
    while (front && !t.empty() && punct(t.front())) t.remove_prefix(1);
    while (back && !t.empty() && (punct(t.back()) || t.back() == '.')) t.remove_suffix(1);
    return t;
}

bool allDigits(std::string_view t, std::size_t minLen, std::size_t maxLen) {
    if (t.size() < minLen || t.size() > maxLen) return false;
    for (char c : t)
        if (!isDigit(c)) return false;
    return true;
}

bool isMonth(std::string_view t) {
    static const std::array<std::string_view, 12> months = {"januar", "februar", "mars", "april", "mai", "juni",
                                                            "juli", "august", "september", "oktober", "november", "desember"};
    for (std::string_view m : months)
        if (t == m) return true;
    return false;
}

bool isDay(std::string_view t) {  // "1." … "31."
    return t.size() >= 2 && t.back() == '.' && allDigits(t.substr(0, t.size() - 1), 1, 2);
}

bool isKroner(std::string_view t) { return t == "kr" || t == "kr." || t == "NOK"; }

// The last group of a number ("1", "371", "1 691"'s "691"): one to three digits.
bool numberGroupHead(std::string_view t) { return allDigits(t, 1, 3); }
// A following group: exactly three digits, then maybe decimals ("820,50") or punctuation.
bool numberGroupTail(std::string_view t) {
    if (t.size() < 3 || !allDigits(t.substr(0, 3), 3, 3)) return false;
    if (t.size() == 3) return true;
    char c = t[3];
    return !isDigit(c) && c != '.';  // "820," "820)" "820,50"; not "8201" nor a date "820.1"
}

bool keepTogether(std::string_view before, std::string_view after) {
    std::string_view b = trimPunct(before, true, false), a = trimPunct(after, false, true);
    std::string_view bCore = trimPunct(before, true, true);
    if (b.empty() || a.empty()) return false;
    if (isDay(b) && isMonth(a)) return true;                              // 1. januar
    if (isMonth(bCore) && b == bCore && allDigits(a, 4, 4)) return true;  // januar 2025
    if (isKroner(b) && isDigit(a.front())) return true;                   // kr 133 820
    if (isDigit(b.back()) && isKroner(a)) return true;                    // 133 820 kr
    if ((b == "§" || b == "§§") && isDigit(a.front())) return true;       // § 20-1
    if (numberGroupHead(b) && numberGroupTail(trimPunct(after, false, false))) return true;  // 10 371 420
    return false;
}

}  // namespace

std::string bindNoBreakSpaces(const std::string& text) {
    if (text.find(' ') == std::string::npos) return text;
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    // Built left to right, so a chain ("10 371 420") sees its earlier joins in `out`.
    for (std::size_t i = 0; i < text.size(); ++i) {
        bool lone = text[i] == ' ' && i > 0 && i + 1 < text.size() && text[i + 1] != ' ' && text[i - 1] != ' ';
        if (lone && keepTogether(tokenBefore(out, out.size()), tokenAfter(text, i + 1))) out += kNbsp;
        else out += text[i];
    }
    return out;
}

}  // namespace dv::layout
