// Nets OCR giro (the "OCR giro" system specification): 80-character records, format "NY":
// transmission start (NY000010) and end (NY000089), assignment start (NY090020) and end
// (NY090088), amount items 1 (…30) and 2 (…31). The end records' counts and sums are checked.
#pragma once

#include <string>
#include <vector>

#include "payments/payment.h"

namespace dv::payments {

bool looksLikeOcr(const std::string& bytes);
std::vector<Payment> parseOcr(const std::string& file, const std::string& bytes, Diagnostics& diags);

}  // namespace dv::payments
