// What a municipality needs on an invoice to route and post it (kommunar.json
// /kommunar/N/faktura). The rules (field, format, whether it is required, the invoice address)
// come from the municipality's own page, named in "kjelde"; the reference itself is given to the
// orderer and is in no public source. Each value is optional; an absent one is unknown, never
// guessed.
#pragma once

#include <optional>
#include <string>

namespace dv {

// Where the buyer's reference travels in the EHF (and is printed as "Referansen dykkar").
enum class ReferenceField { BuyerReference, OrderReference, AccountingCost, Contact };

struct PostalAddress {
    std::string street, postcode, city;
};

struct BuyerInvoicing {
    std::optional<std::string> source;              // "kjelde": where the rules below are published
    std::optional<ReferenceField> referenceField;  // "referansefelt"; unknown when absent
    std::optional<std::string> reference;           // "referanse": the value the buyer routes on
    std::optional<std::string> referenceFormat;     // "referanseformat": an ECMAScript regex the value must match
    std::optional<bool> referenceRequired;          // "referanse_krevst": invoices without it are held
    std::optional<std::string> referenceDescription;  // "referanse_skildring": what the reference is, in the source's words
    std::optional<std::string> contact;             // "kontakt": a person or a person's code ("Deres ref.")
    std::optional<PostalAddress> postalAddress;     // "postadresse": the invoice address
    std::optional<std::string> receiverOrgnr;       // "mottakar_orgnr": a separate Peppol receiver
    std::optional<std::string> customerNumber;      // "kundenummer" in the seller's ERP
    std::optional<std::string> article;             // "artikkel" in the seller's ERP
    std::optional<std::string> accountingString;    // "konteringsstreng" for the ERP posting
};

}  // namespace dv
