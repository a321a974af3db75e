// EHF Billing 3.0 (= Peppol BIS Billing 3.0) as UBL 2.1 Invoice / CreditNote XML, written by hand
// in schema order (see shared/EHF.md for the rules this follows). No VAT: category O with the
// exemption reason, no VAT identifiers, no percent. The invoice PDF travels inside, base64.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/money.h"

namespace dv::ehf {

struct Party {
    std::string name;
    std::string orgnr;  // nine digits, scheme 0192
    std::string endpoint;  // the Peppol receiver (0192), when not the organisation itself
    std::string street, postcode, city, country = "NO";
    std::string contact, email;
};

struct Line {
    std::string id;
    std::string name;
    std::int64_t quantityHundredths = 100;
    std::string unit = "C62";
    Rate price;  // ≥ 0
    Money amount;
};

struct Document {
    bool creditNote = false;
    std::string number;
    Date issueDate, dueDate;
    std::string note;             // BT-22, e.g. that this is a test invoice not to be paid
    bool paymentRequest = true;   // false: no PaymentMeans/PaymentTerms (credit notes, test invoices)
    std::string buyerReference;
    std::string orderReference;   // BT-13, when the buyer routes on an order number
    std::string accountingCost;   // BT-19, when the buyer routes on an accounting string
    std::string creditedNumber;  // credit note: the invoice it credits
    Date creditedIssueDate;
    Party seller, buyer;
    Date periodStart, periodEnd;
    std::string account;  // 11-digit BBAN
    std::string kid;
    std::string paymentTerms;
    std::string taxCategory = "O";
    std::string exemptionCode = "VATEX-EU-O";
    std::string exemptionReason;
    std::vector<Line> lines;
    std::string pdfFilename;
    std::string pdf;
};

// The XML (UTF-8). Totals are computed from the lines here, so they add up by construction.
std::string write(const Document& d);

std::string base64(const std::string& bytes);
std::string amount(Money m);  // "133820.00", "-3600.00"

}  // namespace dv::ehf
