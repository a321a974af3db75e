#include "backends/ehf/ehf.h"
#include "core/text.h"

#include <sstream>

namespace dv::ehf {
namespace {

std::string quantity(std::int64_t hundredths) {
    std::string sign = hundredths < 0 ? "-" : "";
    std::int64_t a = hundredths < 0 ? -hundredths : hundredths;
    std::string s = sign + std::to_string(a / 100);
    std::int64_t frac = a % 100;
    if (frac != 0) {
        s += '.';
        s += static_cast<char>('0' + frac / 10);
        if (frac % 10) s += static_cast<char>('0' + frac % 10);
    }
    return s;
}

void party(std::ostringstream& x, const char* role, const Party& p) {
    x << "  <cac:" << role << ">\n    <cac:Party>\n"
      << "      <cbc:EndpointID schemeID=\"0192\">" << (p.endpoint.empty() ? p.orgnr : p.endpoint) << "</cbc:EndpointID>\n"
      << "      <cac:PartyIdentification><cbc:ID schemeID=\"0192\">" << p.orgnr << "</cbc:ID></cac:PartyIdentification>\n"
      << "      <cac:PartyName><cbc:Name>" << xmlEscape(p.name) << "</cbc:Name></cac:PartyName>\n"
      << "      <cac:PostalAddress>\n";
    if (!p.street.empty()) x << "        <cbc:StreetName>" << xmlEscape(p.street) << "</cbc:StreetName>\n";
    if (!p.city.empty()) x << "        <cbc:CityName>" << xmlEscape(p.city) << "</cbc:CityName>\n";
    if (!p.postcode.empty()) x << "        <cbc:PostalZone>" << xmlEscape(p.postcode) << "</cbc:PostalZone>\n";
    x << "        <cac:Country><cbc:IdentificationCode>" << p.country << "</cbc:IdentificationCode></cac:Country>\n"
      << "      </cac:PostalAddress>\n"
      << "      <cac:PartyLegalEntity>\n"
      << "        <cbc:RegistrationName>" << xmlEscape(p.name) << "</cbc:RegistrationName>\n"
      << "        <cbc:CompanyID schemeID=\"0192\">" << p.orgnr << "</cbc:CompanyID>\n"
      << "      </cac:PartyLegalEntity>\n";
    if (!p.contact.empty() || !p.email.empty()) {
        x << "      <cac:Contact>\n";
        if (!p.contact.empty()) x << "        <cbc:Name>" << xmlEscape(p.contact) << "</cbc:Name>\n";
        if (!p.email.empty()) x << "        <cbc:ElectronicMail>" << xmlEscape(p.email) << "</cbc:ElectronicMail>\n";
        x << "      </cac:Contact>\n";
    }
    x << "    </cac:Party>\n  </cac:" << role << ">\n";
}

}  // namespace

std::string amount(Money m) { return m.toDecimalString(); }

std::string base64(const std::string& in) {
    static const char* t = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((in.size() + 2) / 3 * 4);
    const std::size_t whole = in.size() / 3 * 3;
    out.resize(whole / 3 * 4);  // the whole groups written in place, the tail appended
    char* o = out.data();
    std::size_t i = 0;
    for (; i < whole; i += 3, o += 4) {
        unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8) |
                     static_cast<unsigned char>(in[i + 2]);
        o[0] = t[(v >> 18) & 63];
        o[1] = t[(v >> 12) & 63];
        o[2] = t[(v >> 6) & 63];
        o[3] = t[v & 63];
    }
    if (i + 1 == in.size()) {
        unsigned v = static_cast<unsigned char>(in[i]) << 16;
        out += t[(v >> 18) & 63];
        out += t[(v >> 12) & 63];
        out += "==";
    } else if (i + 2 == in.size()) {
        unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8);
        out += t[(v >> 18) & 63];
        out += t[(v >> 12) & 63];
        out += t[(v >> 6) & 63];
        out += '=';
    }
    return out;
}

std::string write(const Document& d) {
    Money total;
    for (const Line& l : d.lines) total = total + l.amount;
    const char* root = d.creditNote ? "CreditNote" : "Invoice";
    const char* lineEl = d.creditNote ? "CreditNoteLine" : "InvoiceLine";
    const char* qtyEl = d.creditNote ? "CreditedQuantity" : "InvoicedQuantity";
    std::ostringstream x;
    x << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<" << root << " xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:" << root << "-2\"\n"
      << "  xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\"\n"
      << "  xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">\n"
      << "  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>\n"
      << "  <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>\n"
      << "  <cbc:ID>" << xmlEscape(d.number) << "</cbc:ID>\n"
      << "  <cbc:IssueDate>" << d.issueDate.iso() << "</cbc:IssueDate>\n";
    if (!d.creditNote) x << "  <cbc:DueDate>" << d.dueDate.iso() << "</cbc:DueDate>\n";
    x << "  <cbc:" << (d.creditNote ? "CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>" : "InvoiceTypeCode>380</cbc:InvoiceTypeCode>") << "\n"
      ;
    if (!d.note.empty()) x << "  <cbc:Note>" << xmlEscape(d.note) << "</cbc:Note>\n";
    x << "  <cbc:DocumentCurrencyCode>NOK</cbc:DocumentCurrencyCode>\n";
    if (!d.accountingCost.empty()) x << "  <cbc:AccountingCost>" << xmlEscape(d.accountingCost) << "</cbc:AccountingCost>\n";
    x << "  <cbc:BuyerReference>" << xmlEscape(d.buyerReference) << "</cbc:BuyerReference>\n"
      << "  <cac:InvoicePeriod>\n    <cbc:StartDate>" << d.periodStart.iso() << "</cbc:StartDate>\n"
      << "    <cbc:EndDate>" << d.periodEnd.iso() << "</cbc:EndDate>\n  </cac:InvoicePeriod>\n";
    if (!d.orderReference.empty())
        x << "  <cac:OrderReference><cbc:ID>" << xmlEscape(d.orderReference) << "</cbc:ID></cac:OrderReference>\n";
    if (d.creditNote)
        x << "  <cac:BillingReference>\n    <cac:InvoiceDocumentReference>\n      <cbc:ID>" << xmlEscape(d.creditedNumber)
          << "</cbc:ID>\n      <cbc:IssueDate>" << d.creditedIssueDate.iso()
          << "</cbc:IssueDate>\n    </cac:InvoiceDocumentReference>\n  </cac:BillingReference>\n";
    x << "  <cac:AdditionalDocumentReference>\n    <cbc:ID>" << xmlEscape(d.number) << "</cbc:ID>\n"
      << "    <cac:Attachment>\n      <cbc:EmbeddedDocumentBinaryObject mimeCode=\"application/pdf\" filename=\""
      << xmlEscape(d.pdfFilename) << "\">" << base64(d.pdf) << "</cbc:EmbeddedDocumentBinaryObject>\n"
      << "    </cac:Attachment>\n  </cac:AdditionalDocumentReference>\n";
    party(x, "AccountingSupplierParty", d.seller);
    party(x, "AccountingCustomerParty", d.buyer);
    if (d.paymentRequest) {
        x << "  <cac:PaymentMeans>\n    <cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>\n";
        if (d.creditNote) x << "    <cbc:PaymentDueDate>" << d.dueDate.iso() << "</cbc:PaymentDueDate>\n";
        x << "    <cbc:PaymentID>" << xmlEscape(d.kid) << "</cbc:PaymentID>\n"
          << "    <cac:PayeeFinancialAccount><cbc:ID>" << d.account << "</cbc:ID></cac:PayeeFinancialAccount>\n"
          << "  </cac:PaymentMeans>\n";
        if (!d.paymentTerms.empty()) x << "  <cac:PaymentTerms><cbc:Note>" << xmlEscape(d.paymentTerms) << "</cbc:Note></cac:PaymentTerms>\n";
    }
    x << "  <cac:TaxTotal>\n    <cbc:TaxAmount currencyID=\"NOK\">0.00</cbc:TaxAmount>\n"
      << "    <cac:TaxSubtotal>\n      <cbc:TaxableAmount currencyID=\"NOK\">" << amount(total) << "</cbc:TaxableAmount>\n"
      << "      <cbc:TaxAmount currencyID=\"NOK\">0.00</cbc:TaxAmount>\n"
      << "      <cac:TaxCategory>\n        <cbc:ID>" << d.taxCategory << "</cbc:ID>\n"
      << "        <cbc:TaxExemptionReasonCode>" << xmlEscape(d.exemptionCode) << "</cbc:TaxExemptionReasonCode>\n"
      << "        <cbc:TaxExemptionReason>" << xmlEscape(d.exemptionReason) << "</cbc:TaxExemptionReason>\n"
      << "        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>\n      </cac:TaxCategory>\n"
      << "    </cac:TaxSubtotal>\n  </cac:TaxTotal>\n"
      << "  <cac:LegalMonetaryTotal>\n"
      << "    <cbc:LineExtensionAmount currencyID=\"NOK\">" << amount(total) << "</cbc:LineExtensionAmount>\n"
      << "    <cbc:TaxExclusiveAmount currencyID=\"NOK\">" << amount(total) << "</cbc:TaxExclusiveAmount>\n"
      << "    <cbc:TaxInclusiveAmount currencyID=\"NOK\">" << amount(total) << "</cbc:TaxInclusiveAmount>\n"
      << "    <cbc:PayableAmount currencyID=\"NOK\">" << amount(total) << "</cbc:PayableAmount>\n"
      << "  </cac:LegalMonetaryTotal>\n";
    for (const Line& l : d.lines) {
        x << "  <cac:" << lineEl << ">\n    <cbc:ID>" << xmlEscape(l.id) << "</cbc:ID>\n"
          << "    <cbc:" << qtyEl << " unitCode=\"" << l.unit << "\">" << quantity(l.quantityHundredths) << "</cbc:" << qtyEl << ">\n"
          << "    <cbc:LineExtensionAmount currencyID=\"NOK\">" << amount(l.amount) << "</cbc:LineExtensionAmount>\n"
          << "    <cac:Item>\n      <cbc:Name>" << xmlEscape(l.name) << "</cbc:Name>\n"
          << "      <cac:ClassifiedTaxCategory>\n        <cbc:ID>" << d.taxCategory << "</cbc:ID>\n"
          << "        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>\n      </cac:ClassifiedTaxCategory>\n"
          << "    </cac:Item>\n"
          << "    <cac:Price><cbc:PriceAmount currencyID=\"NOK\">" << l.price.toDecimalString() << "</cbc:PriceAmount></cac:Price>\n"
          << "  </cac:" << lineEl << ">\n";
    }
    x << "</" << root << ">\n";
    return x.str();
}

}  // namespace dv::ehf
