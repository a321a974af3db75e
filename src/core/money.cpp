#include "core/money.h"

#include <cstdlib>

namespace dv {

std::int64_t divRound(std::int64_t a, std::int64_t b) {
    // b > 0 by contract. Half away from zero.
    std::int64_t q = a / b;
    std::int64_t r = a % b;
    if (std::llabs(r) >= b - std::llabs(r)) q += (a < 0 ? -1 : 1);
    return q;
}

std::int64_t mulDivRound(std::int64_t a, std::int64_t num, std::int64_t den) {
    // b > 0 by contract. Half away from zero, on the exact 128-bit product.
    __int128 p = static_cast<__int128>(a) * num;
    __int128 q = p / den, r = p % den;
    if (2 * (r < 0 ? -r : r) >= den) q += (p < 0 ? -1 : 1);
    if (q > INT64_MAX || q < INT64_MIN) throw MoneyOverflow();
    return static_cast<std::int64_t>(q);
}

std::string Money::toDecimalString() const {
    std::int64_t v = ore_ < 0 ? -ore_ : ore_;
    std::string frac = std::to_string(v % 100);
    if (frac.size() < 2) frac = "0" + frac;
    return (ore_ < 0 ? "-" : "") + std::to_string(v / 100) + "." + frac;
}

std::string Rate::toDecimalString() const {
    std::int64_t v = v_ < 0 ? -v_ : v_;
    std::string s = (v_ < 0 ? "-" : "") + std::to_string(v / kUnitsPerKrone);
    std::int64_t frac = v % kUnitsPerKrone;
    if (frac != 0) {
        std::string f = std::to_string(frac);
        f.insert(0, 6 - f.size(), '0');
        while (!f.empty() && f.back() == '0') f.pop_back();
        s += "." + f;
    }
    return s;
}

}  // namespace dv
