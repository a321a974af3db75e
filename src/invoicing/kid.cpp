#include "invoicing/kid.h"

#include "core/checkdigit.h"

namespace dv::invoicing {

std::string makeKid(const std::string& kommunenummer, const std::string& invoiceNumber, const std::string& method) {
    std::string digits = kommunenummer + invoiceNumber;
    return digits + (method == "MOD11" ? mod11CheckDigit(digits) : mod10CheckDigit(digits));
}

}  // namespace dv::invoicing
