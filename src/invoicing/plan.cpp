#include "invoicing/plan.h"

#include <algorithm>
#include <sstream>

#include "core/sha256.h"
#include "invoicing/reference.h"
#include "finance/invoice.h"
#include "report/norsk.h"
#include "report/workbook_view.h"

namespace dv::invoicing {
namespace {

using view::Value;

std::vector<std::string> unconfirmedReasons(const Inputs& in, const ModelView& mv) {
    const Settings& s = in.settings;
    std::vector<std::string> why;
    if (!s.host.accountConfirmed)
        why.push_back("the host's bank account " + norsk::account(s.host.account) + " is not confirmed (" + in.settingsFile +
                      " /vertskommune/kontonummer_stadfesta)");
    if (mv.model->status != "vedteke" || !mv.model->confirmed)
        why.push_back("the amounts of funding model \"" + mv.model->id + "\" are " +
                      (mv.model->status != "vedteke" ? "a proposal" : "not confirmed") + " (" + in.settingsFile +
                      " /finansieringsmodellar)");
    if (mv.run.populationAssumed)
        why.push_back("the population on " + mv.run.populationDate.iso() + " is an assumption (" + in.settingsFile +
                      " /folketal_foresetnad)");
    return why;
}

// The values a line's wording may use (templates/<nn|nb>/faktura.json, "linje.*").
Value lineValues(const Inputs& in, const ModelView& mv, int year, const InvoiceLine& l, Language lang) {
    Value v;
    v["aar"] = std::to_string(year);
    v["samarbeid"] = in.settings.name;
    v["folketal"] = norsk::integer(l.population);
    v["dato"] = norsk::date(mv.run.populationDate);
    v["sats"] = norsk::rate(l.unitPrice);
    v["fra"] = norsk::integer(l.tierFrom);
    v["har_til"] = l.tierTo.has_value();
    v["til"] = l.tierTo ? norsk::integer(*l.tierTo) : std::string();
    v["trinn"] = std::to_string(l.tier);
    v["tak"] = mv.run.params.cap ? norsk::kroner(*mv.run.params.cap) : std::string();
    v["golv"] = mv.run.params.floor ? norsk::kroner(*mv.run.params.floor) : std::string();
    v["maanader"] = std::to_string(l.months);
    if (l.withdrawal) {
        v["dato"] = norsk::shortDate(l.withdrawal->date);
        v["skildring"] = l.withdrawal->description.in(lang);
        v["timar"] = norsk::quantity(l.withdrawal->hundredthsOfHours);
        v["timepris"] = norsk::money(l.withdrawal->hourlyRate);
    }
    return v;
}

std::string lineKey(const InvoiceLine& l, const ModelView& mv) {
    if (l.kind == InvoiceLine::Kind::PerInhabitant && mv.run.params.tiers.size() > 1) return "linje.innbyggjar_trinn";
    return std::string("linje.") + kindKey(l.kind);
}

Draft draftFor(const Inputs& in, const ModelView& mv, int year, const Kommune& k, const std::vector<InvoiceLine>& lines,
               const Wording& words, Diagnostics& diags) {
    Draft d;
    d.kommune = &k;
    d.language = norsk::languageFor(k, in.settings);
    std::ostringstream canon;
    canon << year << '|' << k.kommunenummer << '\n';
    int n = 0;
    for (const InvoiceLine& l : lines) {
        ledger::Line ll{++n, kindKey(l.kind), l.quantityHundredths, l.unit, l.unitPrice.micro(), l.amount.ore(),
                        words.say(d.language, lineKey(l, mv), lineValues(in, mv, year, l, d.language), diags)};
        canon << ll.kind << '|' << ll.quantityHundredths << '|' << ll.unit << '|' << ll.unitPriceMicro << '|' << ll.amountOre << '\n';
        d.lines.push_back(std::move(ll));
    }
    d.total = linesTotal(lines);
    d.hash = sha256Hex(canon.str());
    return d;
}

void checkVatWording(const Settings& s, const Agreement* agreement, const Wording& words, Diagnostics& diags) {
    const std::string key = vatKey(s, agreement);
    for (Language l : {Language::Nynorsk, Language::Bokmal})
        if (!words.has(l, key)) diags.add(words.file(l), "/" + key, "missing text for \"" + key + "\" (the VAT reason)");
}

}  // namespace

std::string vatKey(const Settings& s, const Agreement* agreement) {
    return "mva." + (agreement ? agreement->organisationModel : s.organisationModel);
}

Period billingPeriod(const Kommune& k, int year) {
    int first = 13, last = 0;
    for (int m = 1; m <= 12; ++m)
        for (const auto& p : k.memberships)
            if (p.from <= Date{year, m, 1} && (!p.to || Date{year, m, 1} <= *p.to)) {
                first = std::min(first, m);
                last = std::max(last, m);
            }
    if (first > 12) return {Date{year, 1, 1}, Date{year, 12, 31}};
    return {Date{year, first, 1}, Date{year, last, Date::daysInMonth(year, last)}};
}

std::optional<Plan> planInvoices(const Inputs& in, int year, const Wording& words, Diagnostics& diags) {
    const Settings& s = in.settings;
    auto dateIt = s.invoiceDates.find(year);
    if (dateIt == s.invoiceDates.end()) {
        diags.add(in.settingsFile, "/faktura/fakturadatoar",
                  "no invoice date for " + std::to_string(year) + ": add \"" + std::to_string(year) + "\": \"YYYY-MM-DD\"");
        return std::nullopt;
    }
    auto mv = yearFunding(in, year, diags);
    if (!mv) return std::nullopt;
    Plan plan;
    plan.year = year;
    plan.issueDate = dateIt->second;
    plan.dueDate = plan.issueDate.plusDays(s.paymentDays);
    plan.agreement = s.agreementForYear(year);
    plan.unconfirmed = unconfirmedReasons(in, *mv);
    plan.test = !plan.unconfirmed.empty();
    checkVatWording(s, plan.agreement, words, diags);
    for (std::size_t i = 0; i < in.kommunar.size(); ++i) {
        const Kommune& k = in.kommunar[i];
        if (k.host) continue;  // the host does not invoice itself
        const Contribution& c = mv->run.rows[i];
        if (!plan.test && c.months > 0 && !k.membershipConfirmed(year)) {
            plan.notBilled.push_back(k.name + " (" + k.kommunenummer + "): membership in " + std::to_string(year) + " not confirmed");
            continue;
        }
        auto withdrawals = withdrawalsFor(in.portfolio, k.kommunenummer, year);
        std::erase_if(withdrawals, [](const Withdrawal* w) { return w->example; });  // examples are never billed
        auto lines = invoiceLines(c, mv->run.params, withdrawals);
        if (!lines.empty()) plan.drafts.push_back(draftFor(in, *mv, year, k, lines, words, diags));
    }
    std::vector<const Kommune*> buyers;
    for (const Draft& d : plan.drafts) buyers.push_back(d.kommune);
    if (!plan.test) checkRequiredReferences(in, buyers, diags);
    plan.unknown = unknownBuyerData(in, buyers);
    if (!diags.empty()) return std::nullopt;
    return plan;
}

}  // namespace dv::invoicing
