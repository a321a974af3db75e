#include "finance/invoice.h"

namespace dv {

const char* kindKey(InvoiceLine::Kind k) {
    switch (k) {
    case InvoiceLine::Kind::Fixed: return "fast";
    case InvoiceLine::Kind::PerInhabitant: return "innbyggjar";
    case InvoiceLine::Kind::Cap: return "tak";
    case InvoiceLine::Kind::Floor: return "golv";
    case InvoiceLine::Kind::PartOfYear: return "del_av_aar";
    case InvoiceLine::Kind::Withdrawal: return "uttak";
    }
    return "";
}

std::vector<InvoiceLine> invoiceLines(const Contribution& c, const Parameters& p,
                                      const std::vector<const Withdrawal*>& withdrawals) {
    std::vector<InvoiceLine> lines;
    auto one = [](InvoiceLine::Kind k, Money m) {
        InvoiceLine l;
        l.kind = k;
        l.quantityHundredths = m < Money{} ? -100 : 100;
        Money abs = m < Money{} ? -m : m;
        l.unitPrice = Rate::ore(abs.ore());
        l.amount = m;
        return l;
    };
    if (c.payer && c.amount > Money{}) {
        if (c.fixedPart > Money{}) lines.push_back(one(InvoiceLine::Kind::Fixed, c.fixedPart));
        long lower = 0;
        Money tierSum;
        for (std::size_t i = 0; i < p.tiers.size(); ++i) {
            const Tier& t = p.tiers[i];
            long upper = t.upTo ? std::min<long>(*t.upTo, c.population) : c.population;
            long count = std::max<long>(0, upper - lower);
            if (count > 0) {
                InvoiceLine l;
                l.kind = InvoiceLine::Kind::PerInhabitant;
                l.quantityHundredths = static_cast<std::int64_t>(count) * 100;
                l.unitPrice = t.rate;
                l.amount = t.rate.times(count);
                l.population = c.population;
                l.tier = static_cast<int>(i) + 1;
                l.tierFrom = lower + 1;
                l.tierTo = t.upTo;
                tierSum = tierSum + l.amount;
                lines.push_back(l);
            }
            if (!t.upTo || *t.upTo >= c.population) break;
            lower = *t.upTo;
        }
        if (tierSum != c.perInhabitant && !lines.empty())  // per-tier rounding: see the header
            lines.back().amount = lines.back().amount + (c.perInhabitant - tierSum);
        if (c.limit == Limit::Cap) lines.push_back(one(InvoiceLine::Kind::Cap, c.annual - c.beforeLimits));
        if (c.limit == Limit::Floor) lines.push_back(one(InvoiceLine::Kind::Floor, c.annual - c.beforeLimits));
        if (c.amount != c.annual) {
            InvoiceLine l = one(InvoiceLine::Kind::PartOfYear, c.amount - c.annual);
            l.months = c.months;
            lines.push_back(l);
        }
    }
    for (const Withdrawal* w : withdrawals) {
        InvoiceLine l;
        l.kind = InvoiceLine::Kind::Withdrawal;
        l.quantityHundredths = w->hundredthsOfHours;
        l.unit = "HUR";
        l.unitPrice = Rate::ore(w->hourlyRate.ore());
        l.amount = w->amount();
        l.withdrawal = w;
        lines.push_back(l);
    }
    return lines;
}

Money linesTotal(const std::vector<InvoiceLine>& lines) {
    Money t;
    for (const InvoiceLine& l : lines) t = t + l.amount;
    return t;
}

std::vector<const Withdrawal*> withdrawalsFor(const Portfolio& p, const std::string& kommunenummer, int year) {
    std::vector<const Withdrawal*> out;
    for (const Project& pr : p.projects)
        for (const Withdrawal& w : pr.withdrawals)
            if (w.kommunenummer == kommunenummer && w.date.year == year) out.push_back(&w);
    return out;
}

}  // namespace dv
