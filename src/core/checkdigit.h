// Norwegian check digits: organisation numbers (MOD11, Brønnøysund weights), bank account
// numbers (MOD11) and KID (MOD10 Luhn or MOD11).
#pragma once

#include <optional>
#include <string>

namespace dv {

bool allDigits(const std::string& s);
bool validOrgnr(const std::string& nine);
bool validAccount(const std::string& eleven);
// The check digit to append to `digits`: '0'..'9', or '-' for MOD11 when the remainder is 10.
char mod10CheckDigit(const std::string& digits);
char mod11CheckDigit(const std::string& digits);
bool validKid(const std::string& kid);  // MOD10 or MOD11 ('-' allowed as the MOD11 check)

}  // namespace dv
