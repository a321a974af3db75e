#include "payments/payment.h"

#include <fstream>
#include <sstream>

#include "payments/camt054.h"
#include "payments/ocr.h"

namespace dv::payments {

std::vector<Payment> readPaymentFile(const std::string& path, Diagnostics& diags) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diags.add(path, "", "cannot read the payment file");
        return {};
    }
    std::ostringstream s;
    s << in.rdbuf();
    const std::string bytes = s.str();
    if (looksLikeOcr(bytes)) return parseOcr(path, bytes, diags);
    if (looksLikeXml(bytes)) return parseCamt054(path, bytes, diags);
    diags.add(path, "1:1", "neither a Nets OCR giro file (starts with NY000010) nor an ISO 20022 camt.054 XML file");
    return {};
}

}  // namespace dv::payments
