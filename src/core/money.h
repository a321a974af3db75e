// Money and rates as exact integers. No floating point anywhere in the money path.
//
// ROUNDING RULES (the only place they are stated; finance/ and the workbook follow them):
//  R1. Amounts are integer øre. A computation that produces a fraction of an øre (a fractional
//      rate times a population, pro-rata months/12, indexation, kr per inhabitant) is rounded
//      once, at that step, to whole øre, half away from zero.
//  R2. Indexed parameters are rounded each year after applying that year's deflator, half away
//      from zero: fixed amount, floor and cap to whole kroner; rates to whole øre.
//  R3. Sums are sums of already rounded amounts; no re-rounding of totals.
#pragma once

#include <compare>
#include <cstdint>
#include <string>

namespace dv {

// a / b rounded half away from zero; b > 0.
std::int64_t divRound(std::int64_t a, std::int64_t b);

class Money {
public:
    constexpr Money() = default;
    static constexpr Money ore(std::int64_t v) { return Money(v); }
    static constexpr Money kroner(std::int64_t v) { return Money(v * 100); }

    constexpr std::int64_t ore() const { return ore_; }
    // Whole kroner, only when the amount has no øre part (callers check isWholeKroner()).
    constexpr std::int64_t wholeKroner() const { return ore_ / 100; }
    constexpr bool isWholeKroner() const { return ore_ % 100 == 0; }
    // Rounded to whole kroner (R2).
    Money roundedToKroner() const { return Money(divRound(ore_, 100) * 100); }

    constexpr Money operator+(Money o) const { return Money(ore_ + o.ore_); }
    constexpr Money operator-(Money o) const { return Money(ore_ - o.ore_); }
    constexpr Money operator-() const { return Money(-ore_); }
    constexpr Money operator*(std::int64_t n) const { return Money(ore_ * n); }
    Money& operator+=(Money o) { ore_ += o.ore_; return *this; }
    Money& operator-=(Money o) { ore_ -= o.ore_; return *this; }
    // this × num / den, rounded to øre (R1). den > 0.
    Money scaled(std::int64_t num, std::int64_t den) const { return Money(divRound(ore_ * num, den)); }

    constexpr auto operator<=>(const Money&) const = default;

    // Plain machine form "133820.00" (for files such as CSV/XML, never for people).
    std::string toDecimalString() const;

private:
    constexpr explicit Money(std::int64_t v) : ore_(v) {}
    std::int64_t ore_ = 0;
};

// A price per inhabitant, in millionths of a krone (1 øre = 10 000 units), so that the budget
// solver can hit a target total to within a krone. Published rates are whole øre.
class Rate {
public:
    static constexpr std::int64_t kUnitsPerOre = 10'000;
    static constexpr std::int64_t kUnitsPerKrone = 1'000'000;

    constexpr Rate() = default;
    static constexpr Rate micro(std::int64_t v) { return Rate(v); }
    static constexpr Rate ore(std::int64_t v) { return Rate(v * kUnitsPerOre); }
    static constexpr Rate kroner(std::int64_t v) { return Rate(v * kUnitsPerKrone); }

    constexpr std::int64_t micro() const { return v_; }
    // rate × count, rounded to øre (R1).
    Money times(std::int64_t count) const { return Money::ore(divRound(v_ * count, kUnitsPerOre)); }
    Rate roundedToOre() const { return Rate(divRound(v_, kUnitsPerOre) * kUnitsPerOre); }
    Rate scaled(std::int64_t num, std::int64_t den) const { return Rate(divRound(v_ * num, den)); }

    constexpr auto operator<=>(const Rate&) const = default;
    // "20" or "20.4517" in kroner (machine form, for workbook cells and XML).
    std::string toDecimalString() const;

private:
    constexpr explicit Rate(std::int64_t v) : v_(v) {}
    std::int64_t v_ = 0;
};

}  // namespace dv
