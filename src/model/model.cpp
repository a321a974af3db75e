#include "model/model.h"

namespace dv {

std::optional<long> Kommune::populationOn(const Date& d) const {
    auto it = population.find(d);
    if (it == population.end()) return std::nullopt;
    return it->second;
}

bool Kommune::membershipConfirmed(int year) const {
    bool any = false;
    for (const auto& p : memberships) {
        if (p.from > Date{year, 12, 31} || (p.to && *p.to < Date{year, 1, 1})) continue;
        any = true;
        if (!p.confirmed) return false;
    }
    return any;
}

Money Withdrawal::amount() const { return hourlyRate.scaled(hundredthsOfHours, 100); }

const FundingModel* Settings::modelForYear(int year) const {
    for (const auto& m : models)
        if (m.fromYear <= year && (!m.toYear || year <= *m.toYear) && m.status == "vedteke") return &m;
    for (const auto& m : models)
        if (m.fromYear <= year && (!m.toYear || year <= *m.toYear)) return &m;
    return nullptr;
}

const FundingModel* Settings::modelById(const std::string& id) const {
    for (const auto& m : models)
        if (m.id == id) return &m;
    return nullptr;
}

std::optional<int> Settings::deflatorFor(int year) const {
    for (const auto& d : deflator)
        if (d.year == year) return d.basisPoints;
    return std::nullopt;
}

std::optional<Money> Settings::budgetNeedFor(int year) const {
    for (const auto& b : budgetNeeds)
        if (b.year == year) return b.amount;
    return std::nullopt;
}

const Agreement* Settings::agreementById(const std::string& id) const {
    for (const auto& a : agreements)
        if (a.id == id) return &a;
    return nullptr;
}

const Agreement* Settings::agreementForYear(int year) const {
    for (const auto& a : agreements)
        if (a.status == "vedteke" && a.from <= Date{year, 12, 31} && (!a.to || Date{year, 1, 1} <= *a.to)) return &a;
    return nullptr;
}

const Occasion* Settings::occasionById(const std::string& id) const {
    for (const auto& o : occasions)
        if (o.id == id) return &o;
    return nullptr;
}

const Kommune* Inputs::kommune(const std::string& nr) const {
    for (const auto& k : kommunar)
        if (k.kommunenummer == nr) return &k;
    return nullptr;
}

}  // namespace dv
