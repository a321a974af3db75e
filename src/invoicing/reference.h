// The buyer's reference: which EHF field carries it (kommunar.json /kommunar/N/faktura) and its
// value. Where a municipality's own reference is unknown the invoice carries the run's default
// ("DigiVestland 2026", faktura.json "referanse") and the run says so; a real run refuses an
// invoice to a buyer that requires a reference it lacks.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "model/model.h"

namespace dv::invoicing {

struct BuyerRef {
    ReferenceField field = ReferenceField::BuyerReference;
    std::string value;   // what is printed as the buyer's reference
    bool known = false;  // false: the default, the buyer's own is unknown
};

BuyerRef buyerReference(const Kommune& k, const std::string& fallback);

// A real run: one diagnostic per buyer that requires a reference it lacks (naming the
// municipality and the field).
void checkRequiredReferences(const Inputs& in, const std::vector<const Kommune*>& buyers, Diagnostics& diags);

// What the run must say is unknown about the buyers' invoice data (one line per kind).
std::vector<std::string> unknownBuyerData(const Inputs& in, const std::vector<const Kommune*>& buyers);

}  // namespace dv::invoicing
