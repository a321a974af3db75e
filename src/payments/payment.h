// Incoming payments as the bank reports them: Nets OCR giro files (fixed 80-character records)
// and ISO 20022 camt.054 credit notifications, told apart by content. A payment carries the KID
// the payer gave, the amount and the day, and an identity within its file, so the same file
// imported twice records nothing new.
#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"
#include "core/money.h"

namespace dv::payments {

struct Payment {
    std::string ref;    // unique per payment: "ocr:<transmission>:<assignment>:<transaction>" or "camt:<msg>:<entry ref>:<n>"
    std::string kid;    // as given (may be wrong; never corrected)
    Money amount;       // > 0
    Date date;          // the day it was paid in (OCR: settlement date; camt.054: booking date)
    std::string place;  // "file:line" or "file: /xpath", for reports
};

// Reads one file; every problem (truncated, wrong counts or sums, not XML, not a credit
// notification) becomes one diagnostic naming the file and the place.
std::vector<Payment> readPaymentFile(const std::string& path, Diagnostics& diags);

}  // namespace dv::payments
