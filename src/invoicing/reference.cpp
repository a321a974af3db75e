#include "invoicing/reference.h"

namespace dv::invoicing {
namespace {

std::size_t indexOf(const Inputs& in, const Kommune* k) { return static_cast<std::size_t>(k - in.kommunar.data()); }

std::string pointer(const Inputs& in, const Kommune* k, const std::string& field) {
    return "/kommunar/" + std::to_string(indexOf(in, k)) + "/faktura/" + field;
}

const std::optional<std::string>& ownValue(const BuyerInvoicing& b) {
    return b.referenceField == ReferenceField::Contact ? b.contact : b.reference;
}

std::string summary(const std::string& what, const std::vector<std::string>& names, const std::string& file, const std::string& field) {
    std::string s = what + " is unknown for " + std::to_string(names.size()) + " municipalit" + (names.size() == 1 ? "y" : "ies") +
                    " (" + file + " /kommunar/*/faktura/" + field + "): ";
    for (std::size_t i = 0; i < names.size() && i < 5; ++i) s += (i ? ", " : "") + names[i];
    return s + (names.size() > 5 ? ", …" : "");
}

}  // namespace

BuyerRef buyerReference(const Kommune& k, const std::string& fallback) {
    const BuyerInvoicing& b = k.invoicing;
    if (b.referenceField && ownValue(b)) return {*b.referenceField, *ownValue(b), true};
    return {ReferenceField::BuyerReference, fallback, false};
}

void checkRequiredReferences(const Inputs& in, const std::vector<const Kommune*>& buyers, Diagnostics& diags) {
    for (const Kommune* k : buyers) {
        const BuyerInvoicing& b = k->invoicing;
        if (!b.referenceRequired.value_or(false) || ownValue(b)) continue;
        const std::string field = b.referenceField == ReferenceField::Contact ? "kontakt" : "referanse";
        std::string what = b.referenceDescription ? " (" + *b.referenceDescription + ")" : "";
        diags.add(in.kommunarFile, pointer(in, k, field),
                  k->name + " (" + k->kommunenummer + ") requires a reference on its invoices (referanse_krevst) but \"" + field +
                      "\" is not given; nothing was issued" + what);
    }
}

std::vector<std::string> unknownBuyerData(const Inputs& in, const std::vector<const Kommune*>& buyers) {
    std::vector<std::string> noRef, required, noAddress;
    for (const Kommune* k : buyers) {
        if (!buyerReference(*k, "").known) noRef.push_back(k->name);
        if (k->invoicing.referenceRequired.value_or(false) && !ownValue(k->invoicing)) required.push_back(k->name);
        if (!k->invoicing.postalAddress && !k->postalAddress) noAddress.push_back(k->name);
    }
    std::vector<std::string> out;
    if (!noRef.empty())
        out.push_back(summary("the buyer's own reference (the run's default is used)", noRef, in.kommunarFile, "referanse"));
    if (!required.empty())
        out.push_back(summary("a reference the buyer requires (a real run refuses the invoice)", required, in.kommunarFile,
                              "referanse"));
    if (!noAddress.empty()) out.push_back(summary("the invoice postal address", noAddress, in.kommunarFile, "postadresse"));
    return out;
}

}  // namespace dv::invoicing
