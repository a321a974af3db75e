#include "invoicing/handover.h"

#include <sstream>

#include "core/text.h"
#include "invoicing/record.h"
#include "report/norsk.h"

namespace dv::invoicing {
namespace {

// 1234567,89 / -3600,00: decimal comma, no grouping, for a spreadsheet or an ERP to read.
std::string decimalComma(std::string s) {
    auto dot = s.find('.');
    if (dot != std::string::npos) s[dot] = ',';
    return s;
}

std::string decimalComma(Money m) { return decimalComma(m.toDecimalString()); }

std::string asText(const std::string& digits) { return digits.empty() ? std::string() : "=\"" + digits + "\""; }

std::string known(const std::optional<std::string>& v) { return v ? csvText(*v) : std::string("ukjend"); }

std::string buyerName(const Kommune& k) { return k.name + (k.type == KommuneType::Herad ? " herad" : " kommune"); }

void erpRows(std::ostringstream& csv, const ledger::Invoice& inv, const Kommune& k) {
    const int sign = inv.type == "kreditnota" ? -1 : 1;
    const BuyerInvoicing& b = k.invoicing;
    for (const ledger::Line& l : inv.lines)
        csv << inv.number << ';' << inv.type << ';' << inv.credits << ';' << inv.issueDate << ';' << inv.dueDate << ';'
            << (b.customerNumber ? asText(*b.customerNumber) : "ukjend") << ';' << asText(k.orgnr) << ';' << csvText(buyerName(k))
            << ';' << asText(inv.kid) << ';' << known(b.article) << ';' << known(b.accountingString) << ';' << l.lineNo << ';'
            << csvText(l.description) << ';' << decimalComma(Money::ore(l.quantityHundredths)) << ';'
            << decimalComma(Rate::micro(l.unitPriceMicro).toDecimalString()) << ';' << decimalComma(Money::ore(sign * l.amountOre)) << ';'
            << decimalComma(signedTotal(inv)) << "\r\n";
}

}  // namespace

Money signedTotal(const ledger::Invoice& inv) { return Money::ore(inv.type == "kreditnota" ? -inv.totalOre : inv.totalOre); }

std::string erpImportCsv(const Inputs& in, const std::vector<ledger::Invoice>& all) {
    std::ostringstream csv;
    csv << "\xEF\xBB\xBF"
        << "fakturanummer;type;krediterer;fakturadato;forfallsdato;kundenummer;kunde_orgnr;kunde_namn;kid;artikkel;"
           "konteringsstreng;linje;skildring;mengd;einingspris;belop;fakturasum\r\n";
    for (const ledger::Invoice& inv : all) erpRows(csv, inv, *in.kommune(inv.kommunenummer));
    return csv.str();
}

xlsx::Journal journal(const Inputs& in, int year, const std::vector<ledger::Invoice>& all, const Wording& words,
                      Diagnostics& diags) {
    const Language lang = in.settings.sharedLanguage;
    view::Value v;
    v["aar"] = std::to_string(year);
    v["samarbeid"] = in.settings.name;
    xlsx::Journal j;
    j.title = words.say(lang, "journal.tittel", v, diags);
    j.sheet = words.say(lang, "journal.ark", v, diags);
    j.totalLabel = words.say(lang, "journal.sum", v, diags);
    for (const char* key : {"journal.nummer", "journal.type", "journal.kunde", "journal.orgnr", "journal.kid", "journal.belop",
                            "journal.forfall"})
        j.headers.push_back(words.say(lang, key, v, diags));
    j.author = in.settings.host.name;
    j.created = in.settings.invoiceDates.count(year) ? in.settings.invoiceDates.at(year) : in.settings.documentDate;
    for (const ledger::Invoice& inv : all) {
        const Kommune& k = *in.kommune(inv.kommunenummer);
        j.rows.push_back({inv.number, inv.type, buyerName(k), k.orgnr, inv.kid, signedTotal(inv), *Date::parseIso(inv.dueDate)});
    }
    return j;
}

view::Value journalView(const Inputs& in, int year, const xlsx::Journal& j, bool test) {
    view::Value v;
    v["aar"] = std::to_string(year);
    v["samarbeid"] = in.settings.name;
    v["seljar"] = in.settings.host.name;
    v["prove"] = test;
    view::List rows;
    Money sum;
    for (const xlsx::JournalRow& r : j.rows) {
        view::Value row;
        row["nummer"] = r.number;
        row["kreditnota"] = r.type == "kreditnota";
        row["kunde"] = r.customer;
        row["orgnr"] = norsk::orgnr(r.orgnr);
        row["kid"] = r.kid.empty() ? std::string("–") : r.kid;
        row["belop"] = r.amount < Money{} ? "\u2212" + norsk::money(-r.amount) : norsk::money(r.amount);
        row["forfall"] = norsk::shortDate(r.due);
        rows.push_back(row);
        sum = sum + r.amount;
    }
    v["rader"] = rows;
    v["tal"] = std::to_string(j.rows.size());
    v["sum"] = sum < Money{} ? "\u2212" + norsk::money(-sum) : norsk::money(sum);
    return v;
}

}  // namespace dv::invoicing
