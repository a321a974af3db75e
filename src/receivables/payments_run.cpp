#include <filesystem>
#include <sstream>

#include <unistd.h>

#include "core/text.h"
#include "backends/xlsx/journal.h"
#include "invoicing/record.h"
#include "receivables/receivables.h"
#include "report/norsk.h"

namespace dv::receivables {
namespace {

std::string decimalComma(Money m) {
    std::string s = m.toDecimalString();
    auto dot = s.find('.');
    if (dot != std::string::npos) s[dot] = ',';
    return s;
}

std::string kroner(Money m) { return m < Money{} ? "\u2212" + norsk::money(-m) : norsk::money(m); }

std::string reconciliationCsv(const std::vector<Account>& accounts) {
    std::ostringstream csv;
    csv << "\xEF\xBB\xBF" << "fakturanummer;kid;kommunenummer;belop;betalt;utestaande;status\r\n";
    for (const Account& a : accounts)
        csv << a.invoice.number << ';' << a.invoice.kid << ';' << a.invoice.kommunenummer << ';'
            << decimalComma(Money::ore(a.invoice.totalOre)) << ';' << decimalComma(a.paid) << ';' << decimalComma(a.outstanding) << ';'
            << statusName(a.status) << "\r\n";
    return csv.str();
}

std::string unmatchedCsv(const std::vector<ledger::PaymentRecord>& all) {
    std::ostringstream csv;
    csv << "\xEF\xBB\xBF" << "kid;belop;betalt_dato;grunn;kjelde\r\n";
    for (const auto& p : all)
        if (p.invoiceNumber.empty())
            csv << csvText(p.kid) << ';' << decimalComma(Money::ore(p.amountOre)) << ';' << p.paidDate << ';'
                << csvText(p.reason) << ';' << csvText(p.source) << "\r\n";
    return csv.str();
}

std::string buyerName(const Kommune& k) { return k.name + (k.type == KommuneType::Herad ? " herad" : " kommune"); }

// Wording from faktura.json "opne.*" in the shared målform: the open-items report is the
// secretariat's own, as the invoice journal is.
xlsx::Journal openItems(const Inputs& in, int year, const std::vector<Account>& accounts, const Date& today,
                        const invoicing::Wording& words, Diagnostics& diags) {
    const Language lang = in.settings.sharedLanguage;
    view::Value v;
    v["aar"] = std::to_string(year);
    v["dato"] = norsk::shortDate(today);
    xlsx::Journal j;
    j.title = words.say(lang, "opne.tittel", v, diags);
    j.sheet = words.say(lang, "opne.ark", v, diags);
    j.author = in.settings.host.name;
    for (const char* key : {"opne.nummer", "opne.status", "opne.kunde", "opne.orgnr", "opne.kid", "opne.utestaande", "opne.forfall",
                            "opne.dagar"})
        j.headers.push_back(words.say(lang, key, v, diags));
    j.totalLabel = words.say(lang, "opne.sum", v, diags);
    j.created = today;
    for (const Account& a : accounts) {
        if (!(Money{} < a.outstanding)) continue;
        const Kommune& k = *in.kommune(a.invoice.kommunenummer);
        j.rows.push_back({a.invoice.number, statusName(a.status), buyerName(k), k.orgnr, a.invoice.kid, a.outstanding,
                          *Date::parseIso(a.invoice.dueDate), a.daysOverdue});
    }
    return j;
}

view::Value openItemsView(const Inputs& in, int year, const xlsx::Journal& j, const Date& today) {
    view::Value v;
    v["aar"] = std::to_string(year);
    v["dato"] = norsk::date(today);
    v["seljar"] = in.settings.host.name;
    view::List rows;
    Money sum;
    for (const auto& r : j.rows) {
        view::Value row;
        row["nummer"] = r.number;
        row["status"] = r.type;
        row["kunde"] = r.customer;
        row["kid"] = r.kid;
        row["utestaande"] = kroner(r.amount);
        row["forfall"] = norsk::shortDate(r.due);
        row["dagar"] = std::to_string(r.daysOverdue);
        rows.push_back(row);
        sum = sum + r.amount;
    }
    v["rader"] = rows;
    v["har_rader"] = !rows.empty();
    v["sum"] = kroner(sum);
    return v;
}

std::vector<payments::Payment> readAll(const std::vector<std::string>& files) {
    Diagnostics diags;
    std::vector<payments::Payment> all;
    for (const auto& f : files) {
        auto ps = payments::readPaymentFile(f, diags);
        all.insert(all.end(), ps.begin(), ps.end());
    }
    if (!diags.empty()) throw InputError{diags};
    return all;
}

}  // namespace

PaymentsResult runPayments(const Inputs& in, int year, ledger::Ledger& book, const std::vector<std::string>& files,
                           const Date& today, const std::string& templatesDir, const invoicing::RenderPdf& renderPdf) {
    Diagnostics diags;
    invoicing::Wording words(templatesDir, diags);
    if (!diags.empty()) throw InputError{diags};
    PaymentsResult r;
    for (const payments::Payment& p : readAll(files)) {
        ++r.read;
        if (book.recordPayment(match(p, book))) ++r.recorded;
        else ++r.alreadyRecorded;
    }
    const auto all = book.payments();
    for (const auto& p : all) r.unmatched += p.invoiceNumber.empty();
    const auto acc = accounts(book, year, today);
    const std::string dir = "innbetalingar/" + std::to_string(year) + "/", y = std::to_string(year);
    r.files.push_back({dir + "avstemming-" + y + ".csv", reconciliationCsv(acc), "avstemming", {}});
    r.files.push_back({dir + "ukjende-innbetalingar-" + y + ".csv", unmatchedCsv(all), "ukjende-innbetalingar", {}});
    xlsx::Journal j = openItems(in, year, acc, today, words, diags);
    if (!diags.empty()) throw InputError{diags};
    const auto scratch = std::filesystem::temp_directory_path() / ("dv-opne-postar-" + std::to_string(::getpid()) + "-" + y + ".xlsx");
    auto bytes = xlsx::journalXlsx(j, scratch.string(), diags);
    if (!bytes) throw InputError{diags};
    r.files.push_back({dir + "opne-postar-" + y + ".xlsx", *bytes, "opne-postar-xlsx", {}});
    pdf::DocumentInfo info;
    info.author = in.settings.host.name;
    info.subject = j.title;
    info.keywords = in.settings.name + "; opne postar; " + y;
    info.date = today;
    r.files.push_back({dir + "opne-postar-" + y + ".pdf", renderPdf(in.settings.sharedLanguage, "opne-postar", openItemsView(in, year, j, today), info),
                       "opne-postar-pdf", {}});
    return r;
}

}  // namespace dv::receivables
