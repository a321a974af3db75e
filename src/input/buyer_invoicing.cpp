#include "input/buyer_invoicing.h"

#include <regex>

#include "core/checkdigit.h"

namespace dv::input {
namespace {

std::optional<ReferenceField> referenceField(ObjectReader& r) {
    if (!r.get("referansefelt") || r.get("referansefelt")->is_null()) return std::nullopt;
    auto f = r.oneOf("referansefelt", {"BuyerReference", "OrderReference", "AccountingCost", "kontakt"});
    if (!f) return std::nullopt;
    if (*f == "OrderReference") return ReferenceField::OrderReference;
    if (*f == "AccountingCost") return ReferenceField::AccountingCost;
    if (*f == "kontakt") return ReferenceField::Contact;
    return ReferenceField::BuyerReference;
}

std::optional<PostalAddress> postalAddress(const std::string& file, ObjectReader& r, Diagnostics& diags) {
    if (!r.get("postadresse") || r.get("postadresse")->is_null()) return std::nullopt;
    const Json* j = r.object("postadresse");
    if (!j) return std::nullopt;
    ObjectReader a(file, *j, r.at("postadresse"), {"adresse", "postnummer", "stad"}, diags);
    if (!a.ok()) return std::nullopt;
    PostalAddress p{a.string("adresse").value_or(""), a.string("postnummer").value_or(""), a.string("stad").value_or("")};
    if (p.postcode.size() != 4 || p.postcode.find_first_not_of("0123456789") != std::string::npos)
        a.error("postnummer", "expected a four-digit postcode as text, e.g. \"5984\", got \"" + p.postcode + "\"");
    return p;
}

// The reference must match the buyer's format, and the format must be a regex.
void checkFormat(ObjectReader& r, const BuyerInvoicing& b) {
    if (!b.referenceFormat) return;
    try {
        std::regex re(*b.referenceFormat, std::regex::ECMAScript);
        if (b.reference && !std::regex_match(*b.reference, re))
            r.error("referanse", "\"" + *b.reference + "\" does not match the buyer's format " + *b.referenceFormat +
                                     " (/referanseformat)");
    } catch (const std::regex_error&) {
        r.error("referanseformat", "not a valid regular expression: " + *b.referenceFormat);
    }
}

}  // namespace

BuyerInvoicing readBuyerInvoicing(const std::string& file, const Json& j, const std::string& ptr, Diagnostics& diags) {
    ObjectReader r(file, j, ptr,
                   {"kjelde", "referansefelt", "referanse", "referanseformat", "referanse_krevst", "referanse_skildring",
                    "kontakt", "postadresse",
                    "mottakar_orgnr", "kundenummer", "artikkel", "konteringsstreng"},
                   diags);
    BuyerInvoicing b;
    if (!r.ok()) return b;
    b.source = r.nullableString("kjelde");
    b.referenceField = referenceField(r);
    b.reference = r.nullableString("referanse");
    b.referenceFormat = r.nullableString("referanseformat");
    if (r.get("referanse_krevst") && !r.get("referanse_krevst")->is_null()) b.referenceRequired = r.boolean("referanse_krevst");
    b.referenceDescription = r.nullableString("referanse_skildring");
    b.contact = r.nullableString("kontakt");
    b.postalAddress = postalAddress(file, r, diags);
    b.receiverOrgnr = r.nullableString("mottakar_orgnr");
    if (b.receiverOrgnr && !validOrgnr(*b.receiverOrgnr))
        r.error("mottakar_orgnr", "expected a nine-digit organisation number with a valid MOD11 check digit, got \"" +
                                      *b.receiverOrgnr + "\"");
    b.customerNumber = r.nullableString("kundenummer");
    b.article = r.nullableString("artikkel");
    b.accountingString = r.nullableString("konteringsstreng");
    // A required reference whose field the source does not name is legitimate (a real run refuses
    // until both are known); a value without its field would be dropped, so that is bad input.
    if (b.reference && !b.referenceField)
        r.error("referansefelt", "a reference is given (/referanse) but not the field that carries it");
    checkFormat(r, b);
    return b;
}

}  // namespace dv::input
