#include "core/money.h"

#include <cstdlib>

namespace dv {

std::int64_t divRound(std::int64_t a, std::int64_t b) {
    // b > 0 by contract. Half away from zero.
    std::int64_t q = a / b;
    std::int64_t r = a % b;
    if (2 * std::llabs(r) >= b) q += (a < 0 ? -1 : 1);
    return q;
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
