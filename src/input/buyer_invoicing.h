// kommunar.json /kommunar/N/faktura: the buyer's invoice data (reference field, value and
// format, contact, invoice address, receiver, ERP customer number, article, account string).
#pragma once

#include <string>

#include "core/diagnostic.h"
#include "input/json_reader.h"
#include "model/buyer_invoicing.h"

namespace dv::input {

BuyerInvoicing readBuyerInvoicing(const std::string& file, const Json& j, const std::string& ptr, Diagnostics& diags);

}  // namespace dv::input
