// Norwegian formatting of numbers, amounts and dates for people (never for file formats):
// thousands grouped with a no-break space, decimal comma, "30. juni 2024".
#pragma once

#include <string>

#include "core/date.h"
#include "core/money.h"
#include "model/model.h"

namespace dv::norsk {

inline constexpr const char* kNbsp = "\u00A0";

std::string integer(long long v);                  // 133 820
std::string quantity(long long hundredths);        // a quantity in hundredths: 1 691 / 12,5 / −1
std::string money(Money m);                        // 133 820,00
std::string kroner(Money m);                       // 133 820 (rounded to whole kroner, R2's rule)
std::string rate(Rate r);                          // 20 or 20,45 (kroner, trailing zeros dropped to øre)
std::string decimal(long long num, long long den, int decimals);  // num/den rounded: 79,14
std::string percent(long long num, long long den, int decimals);  // 46,7 %
std::string date(const Date& d);                   // 30. juni 2024
std::string shortDate(const Date& d);              // 30.06.2024
std::string orgnr(const std::string& nine);        // 964 338 531
std::string account(const std::string& eleven);    // 1234.56.78903

Language languageFor(const Kommune& k, const Settings& s);

}  // namespace dv::norsk
