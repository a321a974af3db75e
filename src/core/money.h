// Money and rates as exact integers. No floating point anywhere in the money path.
//
// ROUNDING RULES (the only place they are stated; finance/, the workbook's formulas and its first
// sheet follow them; every step rounds once, half away from zero, and never rounds a rounded
// value again):
//  R1. Amounts are integer øre. A computation that produces a fraction of an øre (a rate times a
//      population, pro-rata months/12, kr per inhabitant) is rounded once, at that step, to whole øre.
//  R2. An indexed parameter for a year is the previous year's parameter × (1 + that year's
//      deflator), rounded once, straight to whole kroner (fixed amount, floor, cap) or whole øre
//      (rates): not to øre first. Hand case: a floor of 143 633 kr indexed by 1,50 % is
//      145 787,495 kr → 145 787 kr (rounding to øre first would give 145 787,50 → 145 788).
//  R3. Sums are sums of already rounded amounts; no re-rounding of totals.
//
// OVERFLOW: every operation is checked; a result beyond 64 bits throws MoneyOverflow instead of
// wrapping. The input stage bounds amounts, rates and populations (README, "Inputs") so that the
// inputs it accepts never get there; the check is the guarantee that no wrapped value is printed.
#pragma once

#include <compare>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace dv {

struct MoneyOverflow : std::overflow_error {
    MoneyOverflow() : std::overflow_error("an amount beyond 64-bit øre (the inputs' bounds should prevent it)") {}
};

// Checked 64-bit arithmetic: throws MoneyOverflow instead of wrapping.
inline std::int64_t addChecked(std::int64_t a, std::int64_t b) {
    std::int64_t r;
    if (__builtin_add_overflow(a, b, &r)) throw MoneyOverflow();
    return r;
}
inline std::int64_t subChecked(std::int64_t a, std::int64_t b) {
    std::int64_t r;
    if (__builtin_sub_overflow(a, b, &r)) throw MoneyOverflow();
    return r;
}
inline std::int64_t mulChecked(std::int64_t a, std::int64_t b) {
    std::int64_t r;
    if (__builtin_mul_overflow(a, b, &r)) throw MoneyOverflow();
    return r;
}

// a / b rounded half away from zero; b > 0.
std::int64_t divRound(std::int64_t a, std::int64_t b);
// a × num / den rounded once, half away from zero, without overflow in between (128-bit product);
// den > 0. Throws MoneyOverflow when the result does not fit.
std::int64_t mulDivRound(std::int64_t a, std::int64_t num, std::int64_t den);

class Money {
public:
    constexpr Money() = default;
    static constexpr Money ore(std::int64_t v) { return Money(v); }
    static Money kroner(std::int64_t v) { return Money(mulChecked(v, 100)); }

    constexpr std::int64_t ore() const { return ore_; }
    // Whole kroner, only when the amount has no øre part (callers check isWholeKroner()).
    constexpr std::int64_t wholeKroner() const { return ore_ / 100; }
    constexpr bool isWholeKroner() const { return ore_ % 100 == 0; }
    // Rounded to whole kroner.
    Money roundedToKroner() const { return Money(divRound(ore_, 100) * 100); }

    Money operator+(Money o) const { return Money(addChecked(ore_, o.ore_)); }
    Money operator-(Money o) const { return Money(subChecked(ore_, o.ore_)); }
    Money operator-() const { return Money(subChecked(0, ore_)); }
    Money operator*(std::int64_t n) const { return Money(mulChecked(ore_, n)); }
    Money& operator+=(Money o) { return *this = *this + o; }
    Money& operator-=(Money o) { return *this = *this - o; }
    // this × num / den, rounded once to øre (R1). den > 0.
    Money scaled(std::int64_t num, std::int64_t den) const { return Money(mulDivRound(ore_, num, den)); }
    // this × num / den, rounded once to whole kroner (R2: an indexed amount). den > 0.
    Money scaledToKroner(std::int64_t num, std::int64_t den) const {
        return Money(mulChecked(mulDivRound(ore_, num, mulChecked(den, 100)), 100));
    }

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
    static Rate ore(std::int64_t v) { return Rate(mulChecked(v, kUnitsPerOre)); }
    static Rate kroner(std::int64_t v) { return Rate(mulChecked(v, kUnitsPerKrone)); }

    constexpr std::int64_t micro() const { return v_; }
    // rate × count, rounded once to øre (R1).
    Money times(std::int64_t count) const { return Money::ore(mulDivRound(v_, count, kUnitsPerOre)); }
    Rate roundedToOre() const { return Rate(divRound(v_, kUnitsPerOre) * kUnitsPerOre); }
    Rate scaled(std::int64_t num, std::int64_t den) const { return Rate(mulDivRound(v_, num, den)); }
    // this × num / den, rounded once to whole øre (R2: an indexed rate). den > 0.
    Rate scaledToOre(std::int64_t num, std::int64_t den) const {
        return Rate(mulChecked(mulDivRound(v_, num, mulChecked(den, kUnitsPerOre)), kUnitsPerOre));
    }

    constexpr auto operator<=>(const Rate&) const = default;
    // "20" or "20.4517" in kroner (machine form, for workbook cells and XML).
    std::string toDecimalString() const;

private:
    constexpr explicit Rate(std::int64_t v) : v_(v) {}
    std::int64_t v_ = 0;
};

}  // namespace dv
