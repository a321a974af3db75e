#include "app/invoicing.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <ostream>
#include <sstream>

#include "app/parallel.h"
#include "backends/ehf/ehf.h"
#include "core/checkdigit.h"
#include "core/sha256.h"
#include "finance/invoice.h"
#include "input/labels.h"
#include "ledger/ledger.h"
#include "report/municipal_view.h"
#include "report/norsk.h"
#include "report/workbook_view.h"
#include "templates/template.h"

namespace dv::app {
namespace {

using view::List;
using view::Value;

std::string quantityText(std::int64_t hundredths) {  // Norwegian: 1 691 / 12,5 / −1
    std::int64_t a = hundredths < 0 ? -hundredths : hundredths;
    std::string s = (hundredths < 0 ? "\u2212" : "") + norsk::integer(a / 100);
    if (a % 100) s += "," + std::to_string(a % 100 / 10) + (a % 10 ? std::to_string(a % 10) : "");
    return s;
}

std::string signedMoney(Money m) {
    return m < Money{} ? "\u2212" + norsk::money(-m) : norsk::money(m);
}

// What one municipality owes, before the ledger gives it a number.
struct Wanted {
    const Kommune* kommune = nullptr;
    Language language = Language::Nynorsk;
    std::vector<ledger::Line> lines;
    Money total;
    std::string hash;
    Date periodStart, periodEnd;
};

Date lastDay(int y, int m) { return Date{y, m, Date::daysInMonth(y, m)}; }

}  // namespace

std::string makeKid(const std::string& kommunenummer, const std::string& invoiceNumber, const std::string& method) {
    std::string digits = kommunenummer + invoiceNumber;
    return digits + (method == "MOD11" ? mod11CheckDigit(digits) : mod10CheckDigit(digits));
}

InvoicingResult makeInvoices(const Inputs& in, int year, DocumentEngine& engine, const InvoicingOptions& o,
                             ledger::Ledger& book, Staging& staging, std::ostream& err) {
    const Settings& s = in.settings;
    Diagnostics diags;
    auto dateIt = s.invoiceDates.find(year);
    if (dateIt == s.invoiceDates.end())
        diags.add(in.settingsFile, "/faktura/fakturadatoar", "no invoice date for " + std::to_string(year) +
                                                                 ": add \"" + std::to_string(year) + "\": \"YYYY-MM-DD\"");
    if (!diags.empty()) throw InputError{diags};
    auto mv = yearFunding(in, year, diags);
    if (!mv) throw InputError{diags};
    const Date issueDate = dateIt->second;
    const Date dueDate = issueDate.plusDays(s.paymentDays);
    // Corrections are made on the day of the run, which only the user can tell (never the clock).
    const std::optional<Date> today = o.today;

    // A real run needs a real account and confirmed amounts; anything unconfirmed makes it a test run.
    InvoicingResult result;
    if (!s.host.accountConfirmed)
        result.unconfirmed.push_back("the host's bank account " + norsk::account(s.host.account) + " is not confirmed (" +
                                     in.settingsFile + " /vertskommune/kontonummer_stadfesta)");
    if (mv->model->status != "vedteke" || !mv->model->confirmed)
        result.unconfirmed.push_back("the amounts of funding model \"" + mv->model->id + "\" are " +
                                     (mv->model->status != "vedteke" ? "a proposal" : "not confirmed") + " (" + in.settingsFile +
                                     " /finansieringsmodellar)");
    if (mv->run.populationAssumed)
        result.unconfirmed.push_back("the population on " + mv->run.populationDate.iso() + " is an assumption (" + in.settingsFile +
                                     " /folketal_foresetnad)");
    const bool test = !result.unconfirmed.empty();
    result.test = test;

    // Wording of the lines, per målform (templates/<nn|nb>/faktura.json)
    std::map<Language, std::map<std::string, std::string>> labels;
    for (Language l : {Language::Nynorsk, Language::Bokmal})
        labels[l] = input::loadLabels(o.templatesDir + "/" + languageDir(l) + "/faktura.json", diags);
    if (!diags.empty()) throw InputError{diags};
    const Agreement* agreement = s.agreementForYear(year);
    for (Language l : {Language::Nynorsk, Language::Bokmal}) {
        const std::string key = "mva." + (agreement ? agreement->organisationModel : s.organisationModel);
        if (!labels[l].count(key))
            diags.add(o.templatesDir + "/" + languageDir(l) + "/faktura.json", "/" + key, "missing text for \"" + key + "\" (the VAT reason)");
    }
    if (!diags.empty()) throw InputError{diags};
    auto say = [&](Language l, const std::string& key, const Value& v) {
        std::string file = o.templatesDir + "/" + languageDir(l) + "/faktura.json";
        auto it = labels[l].find(key);
        if (it == labels[l].end()) {
            diags.add(file, "/" + key, "missing text for \"" + key + "\"");
            return std::string();
        }
        auto out = tmpl::renderMustache(file + " /" + key, it->second, v, diags, tmpl::Escape::None);
        return out.value_or("");
    };

    // 1. What each municipality owes this year
    std::vector<Wanted> wanted;
    for (std::size_t i = 0; i < in.kommunar.size(); ++i) {
        const Kommune& k = in.kommunar[i];
        if (k.host) continue;  // the host does not invoice itself
        const Contribution& c = mv->run.rows[i];
        if (!test && c.months > 0 && !k.membershipConfirmed(year)) {
            result.notBilled.push_back(k.name + " (" + k.kommunenummer + "): membership in " + std::to_string(year) + " not confirmed");
            continue;
        }
        auto withdrawals = withdrawalsFor(in.portfolio, k.kommunenummer, year);
        std::erase_if(withdrawals, [](const Withdrawal* w) { return w->example; });  // examples are never billed
        auto lines = invoiceLines(c, mv->run.params, withdrawals);
        if (lines.empty()) continue;
        Wanted w;
        w.kommune = &k;
        w.language = norsk::languageFor(k, s);
        std::ostringstream canon;
        canon << year << '|' << k.kommunenummer << '\n';
        int n = 0;
        for (const InvoiceLine& l : lines) {
            Value v;
            v["aar"] = std::to_string(year);
            v["samarbeid"] = s.name;
            v["folketal"] = norsk::integer(l.population);
            v["dato"] = norsk::date(mv->run.populationDate);
            v["sats"] = norsk::rate(l.unitPrice);
            v["fra"] = norsk::integer(l.tierFrom);
            v["har_til"] = l.tierTo.has_value();
            v["til"] = l.tierTo ? norsk::integer(*l.tierTo) : std::string();
            v["trinn"] = std::to_string(l.tier);
            v["tak"] = mv->run.params.cap ? norsk::kroner(*mv->run.params.cap) : std::string();
            v["golv"] = mv->run.params.floor ? norsk::kroner(*mv->run.params.floor) : std::string();
            v["maanader"] = std::to_string(l.months);
            if (l.withdrawal) {
                v["dato"] = norsk::shortDate(l.withdrawal->date);
                v["skildring"] = l.withdrawal->description.in(w.language);
                v["timar"] = quantityText(l.withdrawal->hundredthsOfHours);
                v["timepris"] = norsk::money(l.withdrawal->hourlyRate);
            }
            std::string key = std::string("linje.") + kindKey(l.kind);
            if (l.kind == InvoiceLine::Kind::PerInhabitant && mv->run.params.tiers.size() > 1) key = "linje.innbyggjar_trinn";
            ledger::Line ll{++n, kindKey(l.kind), l.quantityHundredths, l.unit, l.unitPrice.micro(), l.amount.ore(),
                            say(w.language, key, v)};
            canon << ll.kind << '|' << ll.quantityHundredths << '|' << ll.unit << '|' << ll.unitPriceMicro << '|'
                  << ll.amountOre << '\n';
            w.lines.push_back(ll);
        }
        w.total = linesTotal(lines);
        w.hash = sha256Hex(canon.str());
        int first = 13, last = 0;
        for (int m = 1; m <= 12; ++m) {
            Date d{year, m, 1};
            for (const auto& p : k.memberships)
                if (p.from <= d && (!p.to || d <= *p.to)) { first = std::min(first, m); last = std::max(last, m); }
        }
        w.periodStart = first <= 12 ? Date{year, first, 1} : Date{year, 1, 1};
        w.periodEnd = last >= 1 ? lastDay(year, last) : Date{year, 12, 31};
        wanted.push_back(std::move(w));
    }
    if (!diags.empty()) throw InputError{diags};

    // 2. The ledger: reuse, refuse, or credit and reissue, in the transaction the app holds open
    // (app/ledger_session.h) and commits only when every target has succeeded.
    const std::string& ledgerPath = book.path();
    {
        const char* crashAfter = std::getenv("DV_TEST_CRASH_AFTER_INVOICES");  // tests: a run killed midway
        int inserted = 0;
        auto insertNew = [&](ledger::Invoice inv) {
            inv.test = test;
            inv.seq = book.allocate(year, test);
            char num[16];
            // Test invoices: "P" + year + number, a form the real series (digits only) never has.
            std::snprintf(num, sizeof num, "%s%04d%05lld", test ? "P" : "", year, static_cast<long long>(inv.seq));
            inv.number = num;
            // Only a real invoice asks for payment: test invoices and credit notes carry no KID.
            inv.kid = test || inv.type == "kreditnota" ? "" : makeKid(inv.kommunenummer, inv.number, s.kidMethod);
            book.insert(inv);
            if (crashAfter && ++inserted >= std::atoi(crashAfter)) std::_Exit(137);
        };
        std::set<std::string> seen;
        for (const Wanted& w : wanted) {
            const Kommune& k = *w.kommune;
            seen.insert(k.kommunenummer);
            auto existing = book.active(year, k.kommunenummer, test);
            // The same amount stands, even where a line's wording or a population changed.
            if (existing && (existing->contentHash == w.hash || existing->totalOre == w.total.ore())) {
                ++result.reused;
                continue;
            }
            if (existing && !o.correct) {
                diags.add(ledgerPath, k.kommunenummer,
                          k.name + ": invoice " + existing->number + " for " + std::to_string(year) + " was issued for " +
                              norsk::money(Money::ore(existing->totalOre)) + " kr; the inputs now give " + norsk::money(w.total) +
                              " kr. Nothing was issued; run with --korriger to credit " + existing->number + " and invoice again");
                continue;
            }
            if (existing && !today) {
                diags.add("--dato", "", "correcting invoice " + existing->number + " (" + k.name +
                                            ") needs the day of the correction: run with --dato YYYY-MM-DD");
                continue;
            }
            if (existing) {
                ledger::Invoice cn = *existing;
                cn.type = "kreditnota";
                cn.credits = existing->number;
                cn.issueDate = today->iso();
                cn.dueDate = today->iso();  // nothing to pay
                cn.status = "aktiv";
                cn.pdfSha256.clear();
                cn.xmlSha256.clear();
                insertNew(cn);
                book.markCredited(existing->id);
                ++result.credited;
            }
            ledger::Invoice inv;
            inv.year = year;
            inv.type = "faktura";
            inv.kommunenummer = k.kommunenummer;
            // A correction is dated the day it is made, so it is never overdue on arrival.
            const Date issued = existing ? *today : issueDate;
            inv.issueDate = issued.iso();
            inv.dueDate = (existing ? issued.plusDays(s.paymentDays) : dueDate).iso();
            inv.totalOre = w.total.ore();
            inv.contentHash = w.hash;
            inv.lines = w.lines;
            insertNew(inv);
            ++result.issued;
        }
        // invoiced before, owes nothing now (left the cooperation, say)
        for (const ledger::Invoice& inv : book.forYear(year, test)) {
            if (inv.type != "faktura" || inv.status != "aktiv" || seen.count(inv.kommunenummer)) continue;
            if (!o.correct) {
                diags.add(ledgerPath, inv.kommunenummer, "invoice " + inv.number + " for " + std::to_string(year) +
                                                             " is no longer owed under the inputs; run with --korriger to credit it");
                continue;
            }
            if (!today) {
                diags.add("--dato", "", "crediting invoice " + inv.number + " needs the day of the correction: run with --dato YYYY-MM-DD");
                continue;
            }
            ledger::Invoice cn = *book.active(year, inv.kommunenummer, test);
            cn.type = "kreditnota";
            cn.credits = inv.number;
            cn.issueDate = today->iso();
            cn.dueDate = today->iso();
            cn.pdfSha256.clear();
            cn.xmlSha256.clear();
            insertNew(cn);
            book.markCredited(inv.id);
            ++result.credited;
        }
        if (!diags.empty()) throw InputError{diags};

        // 3. Every document of the year, rendered from the ledger (the same bytes on a rerun)
        std::vector<ledger::Invoice> all = book.forYear(year, test);
        struct Out {
            std::string pdf, xml, pdfName, xmlName;
        };
        std::vector<Out> outs(all.size());
        std::map<std::string, const ledger::Invoice*> byNumber;
        for (const auto& inv : all) byNumber[inv.number] = &inv;
        parallelFor(all.size(), [&](std::size_t i) {
            const ledger::Invoice& inv = all[i];
            const Kommune& k = *in.kommune(inv.kommunenummer);
            Language lang = norsk::languageFor(k, s);
            bool credit = inv.type == "kreditnota";
            Date issue = *Date::parseIso(inv.issueDate), due = *Date::parseIso(inv.dueDate);
            std::string slug = k.kommunenummer + "-" + slugify(k.name);
            std::string buyerAddress = k.postalAddress.value_or("Postmottak, " + k.adminCentre);
            // the PDF
            Value v;
            v["kreditnota"] = credit;
            v["prove"] = inv.test;
            v["betaling"] = !credit && !inv.test;
            v["nummer"] = inv.number;
            v["krediterer"] = inv.credits;
            v["krediterer_dato"] = credit && byNumber.count(inv.credits)
                                       ? norsk::date(*Date::parseIso(byNumber[inv.credits]->issueDate)) : std::string();
            v["fakturadato"] = norsk::date(issue);
            v["forfallsdato"] = norsk::date(due);
            int first = 13, last = 0;
            for (int m = 1; m <= 12; ++m)
                for (const auto& p : k.memberships)
                    if (p.from <= Date{year, m, 1} && (!p.to || Date{year, m, 1} <= *p.to)) {
                        first = std::min(first, m);
                        last = std::max(last, m);
                    }
            Date ps = first <= 12 ? Date{year, first, 1} : Date{year, 1, 1};
            Date pe = last >= 1 ? lastDay(year, last) : Date{year, 12, 31};
            v["periode_fra"] = norsk::shortDate(ps);
            v["periode_til"] = norsk::shortDate(pe);
            Value ref;
            ref["samarbeid"] = s.name;
            ref["aar"] = std::to_string(year);
            Diagnostics local;
            auto refText = tmpl::renderMustache("faktura.json /referanse", labels.at(lang).at("referanse"), ref, local, tmpl::Escape::None);
            Value terms;
            terms["dagar"] = std::to_string(s.paymentDays);
            auto termsText = tmpl::renderMustache("faktura.json /betalingsvilkar", labels.at(lang).at("betalingsvilkar"), terms, local, tmpl::Escape::None);
            // The VAT reason follows the organisation model of the agreement in force that year.
            Value vat;
            vat["lovgrunnlag"] = agreement ? agreement->legalBasis.in(lang) : std::string();
            const std::string vatKey = "mva." + (agreement ? agreement->organisationModel : s.organisationModel);
            auto vatText = tmpl::renderMustache("faktura.json /" + vatKey, labels.at(lang).at(vatKey), vat, local, tmpl::Escape::None);
            v["referanse"] = refText.value_or("");
            v["vilkar"] = termsText.value_or("");
            Value seller;
            seller["namn"] = s.host.name;
            seller["orgnr"] = norsk::orgnr(s.host.orgnr);
            seller["adresse"] = s.host.address;
            seller["postnummer"] = s.host.postcode;
            seller["stad"] = s.host.city;
            seller["kontakt"] = s.host.contact;
            seller["epost"] = s.host.email;
            v["seljar"] = seller;
            Value buyer;
            buyer["namn"] = k.name + (k.type == KommuneType::Herad ? " herad" : " kommune");
            buyer["orgnr"] = norsk::orgnr(k.orgnr);
            buyer["adresse"] = buyerAddress;
            v["kjopar"] = buyer;
            List rows;
            for (const ledger::Line& l : inv.lines) {
                Value r;
                r["nr"] = std::to_string(l.lineNo);
                r["skildring"] = l.description;
                r["mengd"] = quantityText(l.quantityHundredths);
                r["pris"] = norsk::rate(Rate::micro(l.unitPriceMicro));
                r["belop"] = signedMoney(Money::ore(l.amountOre));
                rows.push_back(r);
            }
            v["linjer"] = rows;
            v["sum"] = signedMoney(Money::ore(inv.totalOre));
            v["konto"] = norsk::account(s.host.account);
            v["kid"] = inv.kid;
            v["mva_tekst"] = vatText.value_or("");
            pdf::DocumentInfo info;
            info.author = s.host.name;
            info.subject = std::string(credit ? "Kreditnota " : "Faktura ") + inv.number + ", " + k.name;
            info.keywords = s.name + "; " + inv.number + "; " + k.kommunenummer;
            info.date = issue;
            Out& out = outs[i];
            out.pdf = engine.render(lang, "faktura", v, info);
            std::string stem = std::string(credit ? "kreditnota-" : "faktura-") + inv.number + "-" + slug;
            out.pdfName = stem + ".pdf";
            out.xmlName = stem + ".xml";
            // the EHF
            ehf::Document d;
            d.creditNote = credit;
            d.number = inv.number;
            d.issueDate = issue;
            d.dueDate = due;
            d.buyerReference = refText.value_or(s.name);
            d.paymentRequest = !credit && !inv.test;
            if (inv.test) d.note = labels.at(lang).count("prove") ? labels.at(lang).at("prove") : "PRØVEFAKTURA";
            if (credit && byNumber.count(inv.credits)) {
                d.creditedNumber = inv.credits;
                d.creditedIssueDate = *Date::parseIso(byNumber[inv.credits]->issueDate);
            }
            d.seller = {s.host.name, s.host.orgnr, s.host.address, s.host.postcode, s.host.city, "NO", s.host.contact, s.host.email};
            d.buyer = {buyer.find("namn")->str(), k.orgnr, k.postalAddress.value_or("Postmottak"), "", k.adminCentre, "NO", "", ""};
            d.periodStart = ps;
            d.periodEnd = pe;
            d.account = s.host.account;
            d.kid = inv.kid;
            d.paymentTerms = termsText.value_or("");
            d.taxCategory = s.vatCategory;
            d.exemptionCode = s.vatCategory == "E" ? "VATEX-EU-132" : "VATEX-EU-O";
            d.exemptionReason = vatText.value_or("");
            for (const ledger::Line& l : inv.lines)
                d.lines.push_back({std::to_string(l.lineNo), l.description, l.quantityHundredths, l.unit,
                                   Rate::micro(l.unitPriceMicro), Money::ore(l.amountOre)});
            d.pdfFilename = out.pdfName;
            d.pdf = out.pdf;
            out.xml = ehf::write(d);
        });

        // 4. Hashes into the ledger; a reissued document that no longer matches is reported
        std::ostringstream csv;
        csv << "\xEF\xBB\xBF"
            << "fakturanummer;type;krediterer;kommunenummer;kunde_orgnr;fakturadato;forfallsdato;kid;linje;skildring;"
               "mengd;eining;einingspris;belop;fakturasum\r\n";
        for (std::size_t i = 0; i < all.size(); ++i) {
            const ledger::Invoice& inv = all[i];
            std::string pdfSha = sha256Hex(outs[i].pdf), xmlSha = sha256Hex(outs[i].xml);
            if (inv.pdfSha256.empty()) book.setHashes(inv.id, pdfSha, xmlSha);
            else if (inv.pdfSha256 != pdfSha || inv.xmlSha256 != xmlSha)
                err << "digivestland: note: " << inv.type << " " << inv.number
                    << " renders differently from when it was issued (templates or wording changed); the ledger keeps the issued hashes\n";
            std::string dir = "fakturaer/" + std::to_string(year) + "/";
            staging.put(dir + outs[i].pdfName, outs[i].pdf, inv.type, inv.kommunenummer);
            staging.put(dir + "ehf/" + outs[i].xmlName, outs[i].xml, "ehf", inv.kommunenummer);
            result.files += 2;
            const Kommune& k = *in.kommune(inv.kommunenummer);
            for (const ledger::Line& l : inv.lines) {
                std::string desc = l.description;
                if (desc.find_first_of(";\"") != std::string::npos) {
                    std::string q = "\"";
                    for (char c : desc) q += c == '"' ? std::string("\"\"") : std::string(1, c);
                    desc = q + "\"";
                }
                csv << inv.number << ';' << inv.type << ';' << inv.credits << ';' << inv.kommunenummer << ';' << k.orgnr << ';'
                    << inv.issueDate << ';' << inv.dueDate << ';' << inv.kid << ';' << l.lineNo << ';' << desc << ';'
                    << ehf::amount(Money::ore(l.quantityHundredths)) << ';' << l.unit << ';'
                    << Rate::micro(l.unitPriceMicro).toDecimalString() << ';' << ehf::amount(Money::ore(l.amountOre)) << ';'
                    << ehf::amount(Money::ore(inv.totalOre)) << "\r\n";
            }
        }
        std::string rel = "fakturaer/" + std::to_string(year) + "/fakturagrunnlag-" + std::to_string(year) + ".csv";
        staging.put(rel, csv.str(), "fakturagrunnlag");
        ++result.files;
    }
    return result;
}

}  // namespace dv::app
