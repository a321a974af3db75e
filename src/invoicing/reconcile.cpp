#include "invoicing/reconcile.h"

#include <cstdio>
#include <cstdlib>
#include <set>

#include "invoicing/kid.h"
#include "report/norsk.h"

namespace dv::invoicing {
namespace {

// Numbers and KIDs come from the ledger's series, inside the caller's transaction.
class Issuer {
public:
    Issuer(const Plan& p, const Settings& s, ledger::Ledger& book) : plan_(p), s_(s), book_(book) {
        if (const char* c = std::getenv("DV_TEST_CRASH_AFTER_INVOICES")) crashAfter_ = std::atoi(c);  // tests: a run killed midway
    }
    void insert(ledger::Invoice inv) {
        inv.test = plan_.test;
        inv.seq = book_.allocate(plan_.year, plan_.test);
        inv.number = invoiceNumber(plan_.year, inv.seq, plan_.test);
        // Only a real invoice asks for payment: test invoices and credit notes carry no KID.
        inv.kid = plan_.test || inv.type == "kreditnota" ? "" : makeKid(inv.kommunenummer, inv.number, s_.kidMethod);
        book_.insert(inv);
        if (crashAfter_ > 0 && ++inserted_ >= crashAfter_) std::_Exit(137);
    }
    void credit(const ledger::Invoice& old, const Date& today) {
        ledger::Invoice cn = old;
        cn.type = "kreditnota";
        cn.credits = old.number;
        cn.issueDate = today.iso();
        cn.dueDate = today.iso();  // nothing to pay
        cn.status = "aktiv";
        cn.pdfSha256.clear();
        cn.xmlSha256.clear();
        insert(cn);
        book_.markCredited(old.id);
    }

private:
    const Plan& plan_;
    const Settings& s_;
    ledger::Ledger& book_;
    int crashAfter_ = 0, inserted_ = 0;
};

ledger::Invoice fresh(const Plan& plan, const Settings& s, const Draft& d, const std::optional<Date>& correctedOn) {
    ledger::Invoice inv;
    inv.year = plan.year;
    inv.type = "faktura";
    inv.kommunenummer = d.kommune->kommunenummer;
    // A correction is dated the day it is made, so it is never overdue on arrival.
    const Date issued = correctedOn.value_or(plan.issueDate);
    inv.issueDate = issued.iso();
    inv.dueDate = (correctedOn ? issued.plusDays(s.paymentDays) : plan.dueDate).iso();
    inv.totalOre = d.total.ore();
    inv.contentHash = d.hash;
    inv.lines = d.lines;
    return inv;
}

// Whether the draft may be corrected now; says why not.
bool mayCorrect(const Plan& plan, const Draft& d, const ledger::Invoice& existing, const ReconcileOptions& o, Diagnostics& diags) {
    const Kommune& k = *d.kommune;
    if (!o.correct) {
        diags.add(o.ledgerName, k.kommunenummer,
                  k.name + ": invoice " + existing.number + " for " + std::to_string(plan.year) + " was issued for " +
                      norsk::money(Money::ore(existing.totalOre)) + " kr; the inputs now give " + norsk::money(d.total) +
                      " kr. Nothing was issued; run with --korriger to credit " + existing.number + " and invoice again");
        return false;
    }
    if (!o.today) {
        diags.add("--dato", "", "correcting invoice " + existing.number + " (" + k.name +
                                    ") needs the day of the correction: run with --dato YYYY-MM-DD");
        return false;
    }
    return true;
}

void reconcileDraft(const Plan& plan, const Settings& s, const Draft& d, ledger::Ledger& book, Issuer& issuer,
                    const ReconcileOptions& o, Reconciled& r, Diagnostics& diags) {
    auto existing = book.active(plan.year, d.kommune->kommunenummer, plan.test);
    // The same amount stands, even where a line's wording or a population changed.
    if (existing && (existing->contentHash == d.hash || existing->totalOre == d.total.ore())) {
        ++r.reused;
        return;
    }
    if (existing && !mayCorrect(plan, d, *existing, o, diags)) return;
    if (existing) {
        issuer.credit(*existing, *o.today);
        ++r.credited;
    }
    issuer.insert(fresh(plan, s, d, existing ? o.today : std::nullopt));
    ++r.issued;
}

// Invoiced before, owes nothing now (left the cooperation, say): credit it.
void creditGone(const Plan& plan, const std::set<std::string>& owing, ledger::Ledger& book, Issuer& issuer,
                const ReconcileOptions& o, Reconciled& r, Diagnostics& diags) {
    for (const ledger::Invoice& inv : book.forYear(plan.year, plan.test)) {
        if (inv.type != "faktura" || inv.status != "aktiv" || owing.count(inv.kommunenummer)) continue;
        if (!o.correct) {
            diags.add(o.ledgerName, inv.kommunenummer, "invoice " + inv.number + " for " + std::to_string(plan.year) +
                                                           " is no longer owed under the inputs; run with --korriger to credit it");
            continue;
        }
        if (!o.today) {
            diags.add("--dato", "", "crediting invoice " + inv.number + " needs the day of the correction: run with --dato YYYY-MM-DD");
            continue;
        }
        issuer.credit(*book.active(plan.year, inv.kommunenummer, plan.test), *o.today);
        ++r.credited;
    }
}

}  // namespace

std::string invoiceNumber(int year, std::int64_t seq, bool test) {
    char num[24];
    std::snprintf(num, sizeof num, "%s%04d%05lld", test ? "P" : "", year, static_cast<long long>(seq));
    return num;
}

Reconciled reconcile(const Plan& plan, const Settings& s, ledger::Ledger& book, const ReconcileOptions& o, Diagnostics& diags) {
    Reconciled r;
    Issuer issuer(plan, s, book);
    std::set<std::string> owing;
    for (const Draft& d : plan.drafts) {
        owing.insert(d.kommune->kommunenummer);
        reconcileDraft(plan, s, d, book, issuer, o, r, diags);
    }
    creditGone(plan, owing, book, issuer, o, r, diags);
    return r;
}

}  // namespace dv::invoicing
