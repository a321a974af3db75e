#include "core/checkdigit.h"

namespace dv {

bool allDigits(const std::string& s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

static int weightedMod11(const std::string& digits, const int* weights) {
    int sum = 0;
    for (std::size_t i = 0; i < digits.size(); ++i) sum += (digits[i] - '0') * weights[i];
    int r = 11 - sum % 11;
    return r == 11 ? 0 : r;  // 10 means "no valid check digit"
}

bool validOrgnr(const std::string& s) {
    static const int w[] = {3, 2, 7, 6, 5, 4, 3, 2};
    if (s.size() != 9 || !allDigits(s)) return false;
    int c = weightedMod11(s.substr(0, 8), w);
    return c != 10 && c == s[8] - '0';
}

bool validAccount(const std::string& s) {
    static const int w[] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    if (s.size() != 11 || !allDigits(s)) return false;
    int c = weightedMod11(s.substr(0, 10), w);
    return c != 10 && c == s[10] - '0';
}

char mod10CheckDigit(const std::string& digits) {
    int sum = 0;
    bool twice = true;  // from the rightmost digit: 2,1,2,1…
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        int d = *it - '0';
        if (twice) {
            d *= 2;
            if (d > 9) d -= 9;
        }
        sum += d;
        twice = !twice;
    }
    return static_cast<char>('0' + (10 - sum % 10) % 10);
}

char mod11CheckDigit(const std::string& digits) {
    int sum = 0, weight = 2;  // from the rightmost digit: 2,3,4,5,6,7,2,3…
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        sum += (*it - '0') * weight;
        weight = weight == 7 ? 2 : weight + 1;
    }
    int r = 11 - sum % 11;
    if (r == 11) return '0';
    if (r == 10) return '-';
    return static_cast<char>('0' + r);
}

bool validKid(const std::string& kid) {
    if (kid.size() < 2 || kid.size() > 25) return false;
    std::string body = kid.substr(0, kid.size() - 1);
    char check = kid.back();
    if (!allDigits(body)) return false;
    return mod10CheckDigit(body) == check || mod11CheckDigit(body) == check;
}

}  // namespace dv
