#include <map>

#include "core/checkdigit.h"
#include "receivables/receivables.h"

namespace dv::receivables {

ledger::PaymentRecord match(const payments::Payment& p, ledger::Ledger& book) {
    ledger::PaymentRecord r{p.ref, p.kid, p.amount.ore(), p.date.iso(), "", "", p.place};
    const bool digits = !p.kid.empty() && p.kid.find_first_not_of("0123456789-") == std::string::npos;
    if (!digits || !validKid(p.kid)) {
        r.reason = p.kid.empty() ? "utan KID" : "feil kontrollsiffer i KID";
        return r;
    }
    auto inv = book.invoiceByKid(p.kid);
    if (!inv) r.reason = "ukjend KID";
    else if (inv->status != "aktiv") r.reason = "faktura " + inv->number + " er kreditert";
    else r.invoiceNumber = inv->number;
    return r;
}

const char* statusName(Status s) {
    switch (s) {
        case Status::Paid: return "betalt";
        case Status::Partly: return "delbetalt";
        case Status::Over: return "overbetalt";
        case Status::Unpaid: return "ubetalt";
    }
    return "ubetalt";
}

std::vector<Account> accounts(ledger::Ledger& book, int year, const Date& today) {
    std::map<std::string, Money> paid;
    for (const auto& p : book.payments())
        if (!p.invoiceNumber.empty() && p.paidDate <= today.iso()) paid[p.invoiceNumber] = paid[p.invoiceNumber] + Money::ore(p.amountOre);
    std::vector<Account> out;
    for (ledger::Invoice& inv : book.forYear(year, false)) {
        if (inv.type != "faktura" || inv.status != "aktiv") continue;
        Account a;
        a.paid = paid[inv.number];
        a.outstanding = Money::ore(inv.totalOre) - a.paid;
        a.status = a.paid == Money{} ? Status::Unpaid
                   : a.outstanding == Money{} ? Status::Paid
                   : a.outstanding < Money{} ? Status::Over : Status::Partly;
        const Date due = *Date::parseIso(inv.dueDate);
        if (Money{} < a.outstanding && due < today) a.daysOverdue = today.dayNumber() - due.dayNumber();
        a.invoice = std::move(inv);
        out.push_back(std::move(a));
    }
    return out;
}

}  // namespace dv::receivables
