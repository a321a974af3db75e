// Calendar dates as dates (no time zones, no clock). Parsed from ISO "YYYY-MM-DD".
#pragma once

#include <compare>
#include <optional>
#include <string>

namespace dv {

struct Date {
    int year = 0;
    int month = 0;  // 1..12
    int day = 0;    // 1..31

    static std::optional<Date> parseIso(const std::string& s);
    static bool valid(int y, int m, int d);
    static int daysInMonth(int y, int m);
    std::string iso() const;                 // "2024-06-30"
    long dayNumber() const;                  // days since 1970-01-01 (for epoch times)
    Date plusDays(int n) const;

    constexpr auto operator<=>(const Date&) const = default;
};

// Whether two periods [aFrom, aTo] and [bFrom, bTo] share a point; an absent end is open
// (dates or years alike).
template <class T>
bool periodsOverlap(const T& aFrom, const std::optional<T>& aTo, const T& bFrom, const std::optional<T>& bTo) {
    return !((aTo && *aTo < bFrom) || (bTo && *bTo < aFrom));
}

}  // namespace dv
