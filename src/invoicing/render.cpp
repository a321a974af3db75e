#include "invoicing/render.h"

#include "backends/ehf/sbdh.h"
#include "core/sha256.h"
#include "invoicing/plan.h"
#include "invoicing/reference.h"
#include "report/municipal_view.h"
#include "report/norsk.h"

namespace dv::invoicing {
namespace {

using view::List;
using view::Value;

std::string signedMoney(Money m) { return m < Money{} ? "\u2212" + norsk::money(-m) : norsk::money(m); }

std::string buyerName(const Kommune& k) { return k.name + (k.type == KommuneType::Herad ? " herad" : " kommune"); }

Value sellerView(const Settings& s) {
    Value seller;
    seller["namn"] = s.host.name;
    seller["orgnr"] = norsk::orgnr(s.host.orgnr);
    seller["adresse"] = s.host.address;
    seller["postnummer"] = s.host.postcode;
    seller["stad"] = s.host.city;
    seller["kontakt"] = s.host.contact;
    seller["epost"] = s.host.email;
    return seller;
}

// The invoice address: the buyer's own where known, else what we know ("Postmottak", the
// administrative centre) and a flag the template turns into "postcode unknown".
PostalAddress invoiceAddress(const Kommune& k) {
    if (k.invoicing.postalAddress) return *k.invoicing.postalAddress;
    return {k.postalAddress.value_or("Postmottak"), "", k.adminCentre};
}

Value buyerView(const Kommune& k) {
    const PostalAddress a = invoiceAddress(k);
    Value buyer;
    buyer["namn"] = buyerName(k);
    buyer["orgnr"] = norsk::orgnr(k.orgnr);
    buyer["adresse"] = a.street;
    buyer["poststad"] = a.postcode.empty() ? a.city : a.postcode + " " + a.city;
    buyer["adresse_ukjend"] = a.postcode.empty();
    buyer["kontakt"] = k.invoicing.contact.value_or("");
    buyer["kundenummer"] = k.invoicing.customerNumber.value_or("");
    return buyer;
}

// Prices in kroner with two decimals; a price with finer øre fractions keeps them all.
std::string priceText(Rate r) {
    if (r.micro() % 10'000 == 0) return norsk::money(Money::ore(r.micro() / 10'000));
    return norsk::rate(r);
}

List lineRows(const ledger::Invoice& inv) {
    List rows;
    for (const ledger::Line& l : inv.lines) {
        Value r;
        r["nr"] = std::to_string(l.lineNo);
        r["skildring"] = l.description;
        r["mengd"] = norsk::quantity(l.quantityHundredths);
        r["pris"] = priceText(Rate::micro(l.unitPriceMicro));
        r["belop"] = signedMoney(Money::ore(l.amountOre));
        rows.push_back(r);
    }
    return rows;
}

std::string creditedDate(const RenderContext& c, const ledger::Invoice& inv) {
    auto it = c.byNumber.find(inv.credits);
    return it == c.byNumber.end() ? std::string() : norsk::date(*Date::parseIso(it->second->issueDate));
}

Value invoiceView(const RenderContext& c, const ledger::Invoice& inv, const Kommune& k, const InvoiceTexts& t) {
    const Settings& s = c.in.settings;
    const bool credit = inv.type == "kreditnota";
    const Period period = billingPeriod(k, c.year);
    Value v;
    v["kreditnota"] = credit;
    v["prove"] = inv.test;
    v["betaling"] = !credit && !inv.test;
    v["nummer"] = inv.number;
    v["krediterer"] = inv.credits;
    v["krediterer_dato"] = credit ? creditedDate(c, inv) : std::string();
    v["fakturadato"] = norsk::date(*Date::parseIso(inv.issueDate));
    v["forfallsdato"] = norsk::date(*Date::parseIso(inv.dueDate));
    v["periode_fra"] = norsk::shortDate(period.start);
    v["periode_til"] = norsk::shortDate(period.end);
    const BuyerRef ref = buyerReference(k, t.reference);
    v["referanse"] = ref.value;
    v["referanse_ukjend"] = !ref.known;
    v["vilkar"] = t.terms;
    v["seljar"] = sellerView(s);
    v["kjopar"] = buyerView(k);
    v["linjer"] = lineRows(inv);
    v["sum"] = signedMoney(Money::ore(inv.totalOre));
    v["konto"] = norsk::account(s.host.account);
    v["kid"] = inv.kid;
    v["mva_tekst"] = t.vatReason;
    return v;
}

ehf::Document ehfDocument(const RenderContext& c, const ledger::Invoice& inv, const Kommune& k, const InvoiceTexts& t) {
    const Settings& s = c.in.settings;
    const bool credit = inv.type == "kreditnota";
    const Period period = billingPeriod(k, c.year);
    ehf::Document d;
    d.creditNote = credit;
    d.number = inv.number;
    d.issueDate = *Date::parseIso(inv.issueDate);
    d.dueDate = *Date::parseIso(inv.dueDate);
    const BuyerRef ref = buyerReference(k, t.reference.empty() ? s.name : t.reference);
    // PEPPOL-EN16931-R003 wants a BuyerReference (or an order reference) on every invoice.
    d.buyerReference = ref.field == ReferenceField::BuyerReference || ref.field == ReferenceField::Contact ? ref.value : t.reference;
    if (ref.field == ReferenceField::OrderReference) d.orderReference = ref.value;
    if (ref.field == ReferenceField::AccountingCost) d.accountingCost = ref.value;
    if (d.buyerReference.empty()) d.buyerReference = s.name;
    d.paymentRequest = !credit && !inv.test;
    if (inv.test) d.note = t.testNote;
    auto credited = c.byNumber.find(inv.credits);
    if (credit && credited != c.byNumber.end()) {
        d.creditedNumber = inv.credits;
        d.creditedIssueDate = *Date::parseIso(credited->second->issueDate);
    }
    d.seller = {s.host.name, s.host.orgnr, "", s.host.address, s.host.postcode, s.host.city, "NO", s.host.contact, s.host.email};
    const PostalAddress a = invoiceAddress(k);
    d.buyer = {buyerName(k), k.orgnr, k.invoicing.receiverOrgnr.value_or(""), a.street, a.postcode, a.city, "NO",
               k.invoicing.contact.value_or(""), ""};
    d.periodStart = period.start;
    d.periodEnd = period.end;
    d.account = s.host.account;
    d.kid = inv.kid;
    d.paymentTerms = t.terms;
    d.taxCategory = s.vatCategory;
    d.exemptionCode = s.vatCategory == "E" ? "VATEX-EU-132" : "VATEX-EU-O";
    d.exemptionReason = t.vatReason;
    for (const ledger::Line& l : inv.lines)
        d.lines.push_back({std::to_string(l.lineNo), l.description, l.quantityHundredths, l.unit, Rate::micro(l.unitPriceMicro),
                           Money::ore(l.amountOre)});
    return d;
}

pdf::DocumentInfo pdfInfo(const Settings& s, const ledger::Invoice& inv, const Kommune& k) {
    pdf::DocumentInfo info;
    info.author = s.host.name;
    info.subject = std::string(inv.type == "kreditnota" ? "Kreditnota " : "Faktura ") + inv.number + ", " + k.name;
    info.keywords = s.name + "; " + inv.number + "; " + k.kommunenummer;
    info.date = *Date::parseIso(inv.issueDate);
    return info;
}

}  // namespace

InvoiceTexts invoiceTexts(const RenderContext& c, Language lang) {
    const Settings& s = c.in.settings;
    InvoiceTexts t;
    Value ref;
    ref["samarbeid"] = s.name;
    ref["aar"] = std::to_string(c.year);
    t.reference = c.words.sayOr(lang, "referanse", ref, "");
    Value terms;
    terms["dagar"] = std::to_string(s.paymentDays);
    t.terms = c.words.sayOr(lang, "betalingsvilkar", terms, "");
    // The VAT reason follows the organisation model of the agreement in force that year.
    Value vat;
    vat["lovgrunnlag"] = c.agreement ? c.agreement->legalBasis.in(lang) : std::string();
    t.vatReason = c.words.sayOr(lang, vatKey(s, c.agreement), vat, "");
    t.testNote = c.words.sayOr(lang, "prove", Value{}, "PRØVEFAKTURA");
    return t;
}

Rendered renderInvoice(const RenderContext& c, const ledger::Invoice& inv, const RenderPdf& renderPdf) {
    const Kommune& k = *c.in.kommune(inv.kommunenummer);
    const Language lang = norsk::languageFor(k, c.in.settings);
    const InvoiceTexts t = invoiceTexts(c, lang);
    Rendered r;
    r.stem = std::string(inv.type == "kreditnota" ? "kreditnota-" : "faktura-") + inv.number + "-" + k.kommunenummer + "-" +
             slugify(k.name);
    r.pdf = renderPdf(lang, "faktura", invoiceView(c, inv, k, t), pdfInfo(c.in.settings, inv, k));
    ehf::Document d = ehfDocument(c, inv, k, t);
    d.pdfFilename = r.stem + ".pdf";
    d.pdf = r.pdf;
    r.xml = ehf::write(d);
    ehf::Envelope env{c.in.settings.host.orgnr, k.invoicing.receiverOrgnr.value_or(k.orgnr), d.creditNote,
                      ehf::uuidFromHash(sha256Hex(r.xml)), d.issueDate, "NO"};
    r.sbd = ehf::envelope(env, r.xml);
    return r;
}

}  // namespace dv::invoicing
