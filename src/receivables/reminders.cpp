#include <map>

#include "receivables/receivables.h"
#include "report/municipal_view.h"
#include "report/norsk.h"

namespace dv::receivables {
namespace {

// The last reminder per invoice.
std::map<std::string, Date> lastReminders(ledger::Ledger& book) {
    std::map<std::string, Date> last;
    for (const auto& r : book.reminders()) {
        Date d = *Date::parseIso(r.date);
        auto it = last.find(r.invoiceNumber);
        if (it == last.end() || it->second < d) last[r.invoiceNumber] = d;
    }
    return last;
}

bool due(const Account& a, const std::map<std::string, Date>& last, const Date& today, int days) {
    if (!(Money{} < a.outstanding) || a.daysOverdue < days) return false;
    auto it = last.find(a.invoice.number);
    return it == last.end() || today.dayNumber() - it->second.dayNumber() >= days;
}

view::Value reminderView(const Inputs& in, const Account& a, const Kommune& k, const Date& today, int previous) {
    const Settings& s = in.settings;
    view::Value v;
    v["nummer"] = a.invoice.number;
    v["fakturadato"] = norsk::date(*Date::parseIso(a.invoice.issueDate));
    v["forfallsdato"] = norsk::date(*Date::parseIso(a.invoice.dueDate));
    v["dato"] = norsk::date(today);
    v["dagar"] = std::to_string(a.daysOverdue);
    v["belop"] = norsk::money(Money::ore(a.invoice.totalOre));
    v["betalt"] = norsk::money(a.paid);
    v["har_betalt"] = Money{} < a.paid;
    v["utestaande"] = norsk::money(a.outstanding);
    v["kid"] = a.invoice.kid;
    v["konto"] = norsk::account(s.host.account);
    v["nytt_forfall"] = norsk::date(today.plusDays(s.reminderDays));
    v["tidlegare"] = previous > 0;
    view::Value seller, buyer;
    seller["namn"] = s.host.name;
    seller["adresse"] = s.host.address;
    seller["postnummer"] = s.host.postcode;
    seller["stad"] = s.host.city;
    seller["orgnr"] = norsk::orgnr(s.host.orgnr);
    seller["kontakt"] = s.host.contact;
    seller["epost"] = s.host.email;
    buyer["namn"] = k.name + (k.type == KommuneType::Herad ? " herad" : " kommune");
    buyer["adresse"] = k.invoicing.postalAddress ? k.invoicing.postalAddress->street : k.postalAddress.value_or("Postmottak");
    buyer["poststad"] = k.invoicing.postalAddress ? k.invoicing.postalAddress->postcode + " " + k.invoicing.postalAddress->city : k.adminCentre;
    v["seljar"] = seller;
    v["kjopar"] = buyer;
    return v;
}

}  // namespace

RemindersResult runReminders(const Inputs& in, int year, ledger::Ledger& book, const Date& today,
                             const std::string& templatesDir, const invoicing::RenderPdf& renderPdf) {
    (void)templatesDir;
    RemindersResult r;
    const int days = in.settings.reminderDays;
    const auto last = lastReminders(book);
    std::map<std::string, int> count;
    for (const auto& rem : book.reminders()) ++count[rem.invoiceNumber];
    for (const Account& a : accounts(book, year, today)) {
        if (!(Money{} < a.outstanding) || a.daysOverdue < days) continue;
        if (!due(a, last, today, days)) {
            ++r.notYet;
            continue;
        }
        const Kommune& k = *in.kommune(a.invoice.kommunenummer);
        pdf::DocumentInfo info;
        info.author = in.settings.host.name;
        info.subject = "Purring " + a.invoice.number + ", " + k.name + ", " + today.iso();
        info.keywords = in.settings.name + "; purring; " + a.invoice.number;
        info.date = today;
        const std::string name = "purringar/" + std::to_string(year) + "/purring-" + a.invoice.number + "-" + k.kommunenummer + "-" +
                                 slugify(k.name) + ".pdf";
        r.files.push_back({name, renderPdf(norsk::languageFor(k, in.settings), "purring",
                                           reminderView(in, a, k, today, count[a.invoice.number]), info), "purring", k.kommunenummer});
        book.recordReminder({a.invoice.number, today.iso(), a.outstanding.ore()});
        ++r.written;
    }
    return r;
}

}  // namespace dv::receivables
