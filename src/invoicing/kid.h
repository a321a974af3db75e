// KID (the Norwegian customer identification on a payment): customer number (kommunenummer) +
// invoice number + a check digit by the settings' method (MOD10 or MOD11).
#pragma once

#include <string>

namespace dv::invoicing {

std::string makeKid(const std::string& kommunenummer, const std::string& invoiceNumber, const std::string& method);

}  // namespace dv::invoicing
