// ISO 20022 camt.054 (BankToCustomerDebitCreditNotification), any version: each credit entry's
// transaction details (CdtDbtInd CRDT) with its structured creditor reference (the KID), amount
// in NOK and booking date. The only user of libxml2.
#pragma once

#include <string>
#include <vector>

#include "payments/payment.h"

namespace dv::payments {

bool looksLikeXml(const std::string& bytes);
std::vector<Payment> parseCamt054(const std::string& file, const std::string& bytes, Diagnostics& diags);

}  // namespace dv::payments
