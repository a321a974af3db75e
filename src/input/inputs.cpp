#include "input/inputs.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/checkdigit.h"
#include "core/text.h"
#include "input/json_reader.h"
#include "input/buyer_invoicing.h"
#include "input/occasions.h"

namespace dv::input {

namespace {

// Parses the file and checks every string where it enters (checkStrings), before any reader.
std::optional<Json> parseFile(const std::string& file, const std::string& text, Diagnostics& diags,
                              InputReport* report) {
    if (auto bad = firstInvalidUtf8(text)) {
        diags.add(file, lineColumn(text, *bad), "invalid UTF-8 (byte offset " + std::to_string(*bad) +
                                                    "); save the file as UTF-8");
        return std::nullopt;
    }
    auto root = parseJson(file, text, diags);
    if (!root) return root;
    Diagnostics ignored;
    std::size_t before = diags.size();
    checkStrings(file, *root, diags, report ? report->notes : ignored,
                 [&](const std::string& pointer, const std::string& value) {
                     if (report) report->texts.push_back({file, pointer, value});
                 });
    if (diags.size() != before) return std::nullopt;
    return root;
}

bool isKommunenummer(const std::string& s) { return s.size() == 4 && allDigits(s); }

Indexation readIndexation(ObjectReader& parent, const std::string& key, const std::string& file,
                          Diagnostics& diags) {
    Indexation ix;
    const Json* j = parent.object(key);
    if (!j) return ix;
    ObjectReader r(file, *j, parent.at(key), {"fast_belop", "sats", "minstebelop", "maksbelop"}, diags);
    ix.fixed = r.boolean("fast_belop").value_or(false);
    ix.rate = r.boolean("sats").value_or(false);
    ix.floor = r.boolean("minstebelop").value_or(false);
    ix.cap = r.boolean("maksbelop").value_or(false);
    return ix;
}

}  // namespace

void readKommunar(const std::string& file, const std::string& text, Inputs& out, Diagnostics& diags,
                  InputReport* report) {
    auto root = parseFile(file, text, diags, report);
    if (!root) return;
    ObjectReader top(file, *root, "", {"kommunar", "merknader", "kjelder"}, diags);
    if (const Json* notes = top.array("merknader", false)) {
        for (std::size_t i = 0; i < notes->size(); ++i) {
            // These notes reach the workbook, so they are texts in both målformer.
            if (auto t = readText(file, (*notes)[i], pointerChild("/merknader", i), diags))
                out.dataNotes.push_back(*t);
        }
    }
    const Json* list = top.array("kommunar");
    if (!list) return;
    std::map<std::string, std::string> seenNumber, seenOrgnr;
    int hosts = 0;
    for (std::size_t i = 0; i < list->size(); ++i) {
        std::string ptr = pointerChild("/kommunar", i);
        ObjectReader r(file, (*list)[i], ptr,
                       {"kommunenummer", "namn", "registrert_namn", "organisasjonsnummer", "malform",
                        "eining", "organ", "adm_senter", "nettstad", "postadresse", "folketal", "medlemskap",
                        "ikt_samarbeid", "styringsgruppe", "vertskommune", "faktura"},
                       diags);
        if (!r.ok()) continue;
        Kommune k;
        if (auto nr = r.string("kommunenummer")) {
            if (!isKommunenummer(*nr))
                r.error("kommunenummer", "expected a kommunenummer of four digits as text, e.g. \"4634\", got \"" + *nr + "\"");
            else if (seenNumber.count(*nr))
                r.error("kommunenummer", "duplicate kommunenummer " + *nr + ", already used at " + seenNumber[*nr]);
            else
                seenNumber[*nr] = r.at("kommunenummer");
            k.kommunenummer = *nr;
        }
        k.name = r.string("namn").value_or("");
        k.registeredName = r.string("registrert_namn").value_or("");
        if (auto org = r.string("organisasjonsnummer")) {
            if (!validOrgnr(*org))
                r.error("organisasjonsnummer", "expected a nine-digit organisation number with a valid MOD11 check digit, got \"" + *org + "\"");
            else if (seenOrgnr.count(*org))
                r.error("organisasjonsnummer", "duplicate organisation number, already used at " + seenOrgnr[*org]);
            else
                seenOrgnr[*org] = r.at("organisasjonsnummer");
            k.orgnr = *org;
        }
        if (auto m = r.oneOf("malform", {"nynorsk", "bokmål", "nøytral"}))
            k.malform = *m == "nynorsk" ? Malform::Nynorsk : *m == "bokmål" ? Malform::Bokmal : Malform::Noytral;
        if (auto e = r.oneOf("eining", {"kommune", "herad"})) {
            k.type = *e == "herad" ? KommuneType::Herad : KommuneType::Kommune;
            bool nameSaysHerad = k.registeredName.size() >= 6 &&
                                 k.registeredName.compare(k.registeredName.size() - 6, 6, " HERAD") == 0;
            if (!k.registeredName.empty() && nameSaysHerad != (k.type == KommuneType::Herad))
                r.error("eining", "\"" + *e + "\" does not match the registered name \"" + k.registeredName + "\"");
        }
        if (const Json* b = r.object("organ")) k.bodies = readBodies(file, *b, r.at("organ"), k.type, diags);
        k.adminCentre = r.string("adm_senter").value_or("");
        k.website = r.string("nettstad").value_or("");
        k.postalAddress = r.nullableString("postadresse");
        if (const Json* pop = r.object("folketal")) {
            if (pop->empty()) r.error("folketal", "expected at least one population figure");
            for (const auto& [key, value] : pop->items()) {
                std::string p = pointerChild(r.at("folketal"), key);
                auto d = Date::parseIso(key);
                if (!d || d->month != 1 || d->day != 1) {
                    diags.add(file, p, "expected a 1 January date \"YYYY-01-01\" as key, got \"" + key + "\"");
                    continue;
                }
                if (!value.is_number_integer()) {
                    diags.add(file, p, "expected a population (a whole number), got " + typeName(value));
                    continue;
                }
                if (value.is_number_unsigned() && value.get<unsigned long long>() > kMaxPopulation) {
                    diags.add(file, p, "expected a population from 0 to " + std::to_string(kMaxPopulation) + ", got " + value.dump());
                    continue;
                }
                long long v = value.get<long long>();
                if (v < 0) {
                    diags.add(file, p, "expected a population of zero or more, got " + std::to_string(v));
                    continue;
                }
                if (v > kMaxPopulation) {
                    diags.add(file, p, "expected a population from 0 to " + std::to_string(kMaxPopulation) + ", got " + value.dump());
                    continue;
                }
                k.population[*d] = static_cast<long>(v);
            }
        }
        if (const Json* periods = r.array("medlemskap")) {
            for (std::size_t m = 0; m < periods->size(); ++m) {
                ObjectReader pr(file, (*periods)[m], pointerChild(r.at("medlemskap"), m),
                                {"fra", "til", "stadfesta", "merknad"}, diags);
                if (!pr.ok()) continue;
                MembershipPeriod period;
                auto from = pr.date("fra");
                auto to = pr.get("til") && !pr.get("til")->is_null() ? pr.date("til", false) : std::nullopt;
                period.confirmed = pr.boolean("stadfesta").value_or(false);
                period.note = pr.string("merknad", false).value_or("");
                if (from && from->day != 1) pr.error("fra", "a membership starts on the first day of a month");
                if (from && to && *to < *from) pr.error("til", "the period ends (" + to->iso() + ") before it starts (" + from->iso() + ")");
                if (from) {
                    period.from = *from;
                    period.to = to;
                    k.memberships.push_back(period);
                }
            }
            // Overlapping periods would count a month twice in no rule and once in another.
            for (std::size_t a = 0; a < k.memberships.size(); ++a)
                for (std::size_t b = a + 1; b < k.memberships.size(); ++b) {
                    const MembershipPeriod &x = k.memberships[a], &y = k.memberships[b];
                    if (periodsOverlap(x.from, x.to, y.from, y.to))
                        diags.add(file, pointerChild(r.at("medlemskap"), b),
                                  "membership periods overlap: this one (from " + y.from.iso() + ") and the one from " + x.from.iso());
                }
        }
        k.iktSamarbeid = r.nullableString("ikt_samarbeid");
        k.steeringGroup = r.boolean("styringsgruppe").value_or(false);
        k.host = r.boolean("vertskommune").value_or(false);
        if (k.host && ++hosts > 1) r.error("vertskommune", "more than one host municipality");
        if (const Json* f = r.object("faktura", false)) k.invoicing = readBuyerInvoicing(file, *f, r.at("faktura"), diags);
        out.kommunar.push_back(std::move(k));
    }
    if (list->empty()) diags.add(file, "/kommunar", "expected at least one municipality");
    if (hosts == 0 && !list->empty())
        diags.add(file, "/kommunar", "no municipality has \"vertskommune\": true; exactly one must");
}

void readPortfolio(const std::string& file, const std::string& text, Inputs& out, Diagnostics& diags,
                   InputReport* report) {
    auto root = parseFile(file, text, diags, report);
    if (!root) return;
    ObjectReader top(file, *root, "", {"prosjekt", "merknader"}, diags);
    const Json* list = top.array("prosjekt");
    if (!list) return;
    std::map<std::string, std::string> seenId;
    for (std::size_t i = 0; i < list->size(); ++i) {
        std::string ptr = pointerChild("/prosjekt", i);
        ObjectReader r(file, (*list)[i], ptr,
                       {"id", "namn", "innsatsomrade", "faggruppe", "fase", "eigar", "deltakarar",
                        "fra_aar", "til_aar", "budsjett", "finansiering", "uttak", "kjelde"},
                       diags);
        if (!r.ok()) continue;
        Project p;
        p.id = r.string("id").value_or("");
        if (!p.id.empty()) {
            if (seenId.count(p.id)) r.error("id", "duplicate project id \"" + p.id + "\", already used at " + seenId[p.id]);
            else seenId[p.id] = r.at("id");
        }
        p.name = r.text("namn").value_or(LocalText{});
        if (auto a = r.oneOf("innsatsomrade", {"kompetanse", "konsept_og_prosjektforslag", "felles_digitale_loysingar", "samhandling"}))
            p.area = *a == "kompetanse" ? StrategicArea::Kompetanse
                   : *a == "konsept_og_prosjektforslag" ? StrategicArea::KonseptOgProsjektforslag
                   : *a == "felles_digitale_loysingar" ? StrategicArea::FellesDigitaleLoysingar
                   : StrategicArea::Samhandling;
        p.group = r.text("faggruppe").value_or(LocalText{});
        if (auto f = r.oneOf("fase", {"idé", "konsept", "prosjekt", "innføring", "avslutta"}))
            p.phase = *f == "idé" ? Phase::Ide : *f == "konsept" ? Phase::Konsept : *f == "prosjekt" ? Phase::Prosjekt
                    : *f == "innføring" ? Phase::Innforing : Phase::Avslutta;
        p.owner = r.string("eigar").value_or("");
        if (const Json* parts = r.array("deltakarar")) {
            for (std::size_t d = 0; d < parts->size(); ++d) {
                if (!(*parts)[d].is_string()) {
                    diags.add(file, pointerChild(r.at("deltakarar"), d), "expected a kommunenummer as text, got " + typeName((*parts)[d]));
                    continue;
                }
                p.participants.push_back((*parts)[d].get<std::string>());
            }
        }
        p.fromYear = static_cast<int>(r.integer("fra_aar", true, 2000, 2100).value_or(0));
        if (auto t = r.integer("til_aar", false, 2000, 2100)) {
            p.toYear = static_cast<int>(*t);
            if (*p.toYear < p.fromYear) r.error("til_aar", "the project ends before it starts");
        }
        p.budget = r.money("budsjett").value_or(Money{});
        if (const Json* fund = r.array("finansiering")) {
            Money sum;
            for (std::size_t f = 0; f < fund->size(); ++f) {
                ObjectReader fr(file, (*fund)[f], pointerChild(r.at("finansiering"), f), {"kjelde", "belop", "merknad"}, diags);
                if (!fr.ok()) continue;
                FundingSource s;
                s.kind = fr.oneOf("kjelde", {"skjønnsmidlar", "ks_tilskot", "eigeninnsats", "deltakardel", "anna"}).value_or("");
                s.amount = fr.money("belop").value_or(Money{});
                s.note = fr.text("merknad", false).value_or(LocalText{});
                sum += s.amount;
                p.funding.push_back(s);
            }
            if (!p.funding.empty() && sum != p.budget)
                r.error("finansiering", "the funding sources add up to " + sum.toDecimalString() +
                                            " kr, but the budget is " + p.budget.toDecimalString() + " kr");
        }
        if (const Json* w = r.array("uttak", false)) {
            for (std::size_t u = 0; u < w->size(); ++u) {
                ObjectReader wr(file, (*w)[u], pointerChild(r.at("uttak"), u),
                                {"kommune", "dato", "skildring", "timar", "timepris", "doeme"}, diags);
                if (!wr.ok()) continue;
                Withdrawal wd;
                wd.kommunenummer = wr.string("kommune").value_or("");
                wd.date = wr.date("dato").value_or(Date{});
                wd.description = wr.text("skildring").value_or(LocalText{});
                if (const Json* h = wr.get("timar"); h && h->is_number() && !h->is_number_integer()) {
                    double hh = h->get<double>() * 100;
                    if (!(hh <= 100000.0 * 100)) wr.error("timar", "expected hours from 0 to 100000, got " + h->dump());
                    else if (hh < 0 || std::abs(hh - std::llround(hh)) > 1e-6) wr.error("timar", "expected hours ≥ 0 with at most two decimals");
                    else wd.hundredthsOfHours = std::llround(hh);
                } else if (auto hi = wr.integer("timar", true, 0, 100000)) {
                    wd.hundredthsOfHours = *hi * 100;
                }
                wd.hourlyRate = wr.money("timepris").value_or(Money{});
                wd.example = wr.boolean("doeme", false).value_or(false);
                p.withdrawals.push_back(wd);
            }
        }
        p.source = r.string("kjelde", false).value_or("");
        out.portfolio.projects.push_back(std::move(p));
    }
}

void readSettings(const std::string& file, const std::string& text, Inputs& out, Diagnostics& diags,
                  InputReport* report) {
    auto root = parseFile(file, text, diags, report);
    if (!root) return;
    Settings& s = out.settings;
    ObjectReader top(file, *root, "",
                     {"namn", "standardaar", "standardrunde", "vertskommune", "finansieringsmodellar", "gjeldande_modell",
                      "foreslatt_modell", "deflator", "framskriving", "finansieringsbehov", "folketal_foresetnad",
                      "malform", "kunnskapsgrunnlag", "faktura", "organisasjonsmodell", "ressursar", "versjonslogg", "merknader",
                      "avtalar", "rundar"},
                     diags);
    if (!top.ok()) return;
    s.name = top.string("namn").value_or("");
    s.defaultYear = static_cast<int>(top.integer("standardaar", true, 2000, 2100).value_or(0));
    if (const Json* h = top.object("vertskommune")) {
        ObjectReader r(file, *h, "/vertskommune",
                       {"namn", "organisasjonsnummer", "adresse", "postnummer", "stad", "kontonummer",
                        "kontonummer_stadfesta", "kontonummer_merknad", "kontaktperson", "epost"},
                       diags);
        s.host.name = r.string("namn").value_or("");
        s.host.orgnr = r.string("organisasjonsnummer").value_or("");
        if (!s.host.orgnr.empty() && !validOrgnr(s.host.orgnr))
            r.error("organisasjonsnummer", "expected a nine-digit organisation number with a valid MOD11 check digit, got \"" + s.host.orgnr + "\"");
        s.host.address = r.string("adresse").value_or("");
        s.host.postcode = r.string("postnummer").value_or("");
        if (!s.host.postcode.empty() && (s.host.postcode.size() != 4 || !allDigits(s.host.postcode)))
            r.error("postnummer", "expected a four-digit postcode");
        s.host.city = r.string("stad").value_or("");
        s.host.account = r.string("kontonummer").value_or("");
        if (!s.host.account.empty() && !validAccount(s.host.account))
            r.error("kontonummer", "expected an eleven-digit account number with a valid MOD11 check digit, got \"" + s.host.account + "\"");
        r.string("kontonummer_merknad", false);
        s.host.accountConfirmed = r.boolean("kontonummer_stadfesta").value_or(false);
        s.host.contact = r.string("kontaktperson", false).value_or("");
        s.host.email = r.string("epost", false).value_or("");
    }
    if (const Json* models = top.array("finansieringsmodellar")) {
        std::set<std::string> ids;
        for (std::size_t i = 0; i < models->size(); ++i) {
            std::string ptr = pointerChild("/finansieringsmodellar", i);
            ObjectReader r(file, (*models)[i], ptr,
                           {"id", "namn", "status", "stadfesta", "merknad", "kjelde", "gjeld_fra_aar", "gjeld_til_aar",
                            "prisnivaa_aar", "fast_belop", "trinn", "minstebelop", "maksbelop", "indeksering",
                            "vertskommune_betaler", "loys_for"},
                           diags);
            if (!r.ok()) continue;
            FundingModel m;
            m.id = r.string("id").value_or("");
            if (!m.id.empty() && !ids.insert(m.id).second) r.error("id", "duplicate model id \"" + m.id + "\"");
            m.name = r.text("namn").value_or(LocalText{});
            m.status = r.oneOf("status", {"vedteke", "forslag"}).value_or("forslag");
            m.note = r.text("merknad", false).value_or(LocalText{});
            m.confirmed = r.boolean("stadfesta", false).value_or(m.status == "vedteke");
            r.string("kjelde", false);
            m.fromYear = static_cast<int>(r.integer("gjeld_fra_aar", true, 2000, 2100).value_or(0));
            if (auto t = r.integer("gjeld_til_aar", false, 2000, 2100)) m.toYear = static_cast<int>(*t);
            if (m.toYear && *m.toYear < m.fromYear) r.error("gjeld_til_aar", "the model ends before it starts");
            m.priceYear = static_cast<int>(r.integer("prisnivaa_aar", true, 2000, 2100).value_or(0));
            m.fixed = r.money("fast_belop").value_or(Money{});
            if (const Json* tiers = r.array("trinn")) {
                if (tiers->empty()) r.error("trinn", "expected at least one tier");
                std::optional<long> last;
                for (std::size_t t = 0; t < tiers->size(); ++t) {
                    ObjectReader tr(file, (*tiers)[t], pointerChild(r.at("trinn"), t), {"til_innbyggjarar", "sats"}, diags);
                    if (!tr.ok()) continue;
                    Tier tier;
                    tier.rate = tr.rate("sats").value_or(Rate{});
                    if (auto up = tr.integer("til_innbyggjarar", false, 1, 10'000'000)) {
                        tier.upTo = *up;
                        if (last && *up <= *last) tr.error("til_innbyggjarar", "tiers must rise: " + std::to_string(*up) + " is not above " + std::to_string(*last));
                        last = *up;
                    } else if (t + 1 != tiers->size() && !tr.has("til_innbyggjarar")) {
                        tr.error("", "only the last tier may leave out \"til_innbyggjarar\"");
                    }
                    if (t + 1 == tiers->size() && tier.upTo) tr.error("til_innbyggjarar", "the last tier must be open (leave out \"til_innbyggjarar\")");
                    m.tiers.push_back(tier);
                }
            }
            m.floor = r.money("minstebelop", false);
            m.cap = r.money("maksbelop", false);
            if (m.floor && m.cap && *m.cap < *m.floor) r.error("maksbelop", "the cap is below the floor");
            m.indexation = readIndexation(r, "indeksering", file, diags);
            m.hostPays = r.boolean("vertskommune_betaler").value_or(false);
            if (const Json* sf = r.object("loys_for", false)) {
                ObjectReader sr(file, *sf, r.at("loys_for"), {"parameter", "malsum"}, diags);
                SolveFor solve;
                auto what = sr.oneOf("parameter", {"fast_belop", "sats"});
                solve.parameter = what && *what == "sats" ? SolveFor::Parameter::Rate : SolveFor::Parameter::FixedAmount;
                solve.target = sr.money("malsum", false).value_or(Money{});
                m.solveFor = solve;
            }
            s.models.push_back(std::move(m));
        }
        // One adopted model per year: with two, which one bills would depend on their order.
        for (std::size_t a = 0; a < s.models.size(); ++a)
            for (std::size_t b = a + 1; b < s.models.size(); ++b) {
                const FundingModel &x = s.models[a], &y = s.models[b];
                if (x.status != "vedteke" || y.status != "vedteke") continue;
                if (periodsOverlap(x.fromYear, x.toYear, y.fromYear, y.toYear))
                    diags.add(file, pointerChild("/finansieringsmodellar", b),
                              "adopted models \"" + x.id + "\" and \"" + y.id + "\" are both in force in " +
                                  std::to_string(std::max(x.fromYear, y.fromYear)) + "; a year has one adopted model");
            }
    }
    // The model in force is not a setting: each year's adopted model follows from
    // /finansieringsmodellar (status "vedteke", fra–til), so no second answer can contradict it.
    if (top.has("gjeldande_modell"))
        top.error("gjeldande_modell",
                  "the model in force is not set here: each year's adopted model follows from /finansieringsmodellar "
                  "(status \"vedteke\" and its years)",
                  "remove \"gjeldande_modell\"");
    s.proposedModel = top.string("foreslatt_modell").value_or("");
    for (const char* key : {"foreslatt_modell"}) {
        const std::string& id = s.proposedModel;
        if (!id.empty() && !s.modelById(id)) {
            std::vector<std::string> ids;
            for (const auto& m : s.models) ids.push_back(m.id);
            std::string guess = closestMatch(id, ids);
            top.error(key, "no funding model with id \"" + id + "\"", guess.empty() ? "" : "did you mean \"" + guess + "\"?");
        }
    }
    if (const Json* defl = top.array("deflator")) {
        std::set<int> years;
        for (std::size_t i = 0; i < defl->size(); ++i) {
            ObjectReader r(file, (*defl)[i], pointerChild("/deflator", i), {"aar", "prosent", "kjelde"}, diags);
            if (!r.ok()) continue;
            DeflatorYear d;
            d.year = static_cast<int>(r.integer("aar", true, 2000, 2100).value_or(0));
            d.basisPoints = r.percent("prosent").value_or(0);
            d.source = r.string("kjelde").value_or("");
            if (d.year && !years.insert(d.year).second) r.error("aar", "duplicate deflator year " + std::to_string(d.year));
            s.deflator.push_back(d);
        }
    }
    if (const Json* p = top.object("framskriving")) {
        ObjectReader r(file, *p, "/framskriving", {"aar", "prosent_etter_serien", "indeksering", "merknad"}, diags);
        s.projection.years = static_cast<int>(r.integer("aar", true, 1, 30).value_or(0));
        s.projection.basisPoints = r.percent("prosent_etter_serien").value_or(0);
        s.projection.indexation = readIndexation(r, "indeksering", file, diags);
        s.projection.note = r.text("merknad", false).value_or(LocalText{});
    }
    if (const Json* needs = top.array("finansieringsbehov", false)) {
        for (std::size_t i = 0; i < needs->size(); ++i) {
            ObjectReader r(file, (*needs)[i], pointerChild("/finansieringsbehov", i), {"aar", "belop", "kjelde"}, diags);
            if (!r.ok()) continue;
            BudgetNeed b;
            b.year = static_cast<int>(r.integer("aar", true, 2000, 2100).value_or(0));
            b.amount = r.money("belop").value_or(Money{});
            b.source = r.string("kjelde").value_or("");
            s.budgetNeeds.push_back(b);
        }
    }
    if (const Json* m = top.object("malform")) {
        ObjectReader r(file, *m, "/malform", {"noytral_kommune", "felles_dokument"}, diags);
        auto lang = [](const std::optional<std::string>& v) { return v && *v == "bokmål" ? Language::Bokmal : Language::Nynorsk; };
        s.neutralLanguage = lang(r.oneOf("noytral_kommune", {"nynorsk", "bokmål"}));
        s.sharedLanguage = lang(r.oneOf("felles_dokument", {"nynorsk", "bokmål"}));
    }
    if (const Json* d = top.object("kunnskapsgrunnlag")) {
        ObjectReader r(file, *d, "/kunnskapsgrunnlag", {"aar", "dato", "runde", "medlemstal", "ikt_samarbeid"}, diags);
        s.knowledgeBaseYear = static_cast<int>(r.integer("aar", true, 2000, 2100).value_or(0));
        s.documentDate = r.date("dato").value_or(Date{});
        s.knowledgeBaseOccasion = r.string("runde").value_or("");
        if (const Json* m = r.object("medlemstal", false)) {
            ObjectReader mr(file, *m, "/kunnskapsgrunnlag/medlemstal", {"dato", "tal", "kjelde"}, diags);
            Settings::SourcedCount c;
            c.date = mr.date("dato").value_or(Date{});
            c.count = static_cast<int>(mr.integer("tal", true, 0, 1000).value_or(0));
            c.source = mr.string("kjelde").value_or("");
            s.memberCount = c;
        }
        if (const Json* ikt = r.object("ikt_samarbeid", false)) {
            ObjectReader ir(file, *ikt, "/kunnskapsgrunnlag/ikt_samarbeid", {"namn", "medlemskommunar", "pilotkommunar", "kjelde"}, diags);
            if (const Json* names = ir.array("namn"))
                for (std::size_t i = 0; i < names->size(); ++i) {
                    if ((*names)[i].is_string()) s.iktCooperations.push_back((*names)[i].get<std::string>());
                    else diags.add(file, pointerChild("/kunnskapsgrunnlag/ikt_samarbeid/namn", i), "expected the name of an IKT cooperation");
                }
            s.iktMemberCount = static_cast<int>(ir.integer("medlemskommunar", true, 0, 1000).value_or(-1));
            s.iktPilotCount = static_cast<int>(ir.integer("pilotkommunar", false, 0, 1000).value_or(-1));
            ir.string("kjelde");
        }
    }
    if (const Json* f = top.object("faktura")) {
        ObjectReader r(file, *f, "/faktura", {"betalingsfrist_dagar", "kid", "avgiftskategori", "fakturadatoar", "reskontro", "purring_dagar"}, diags);
        s.vatCategory = r.oneOf("avgiftskategori", {"O", "E"}, false).value_or("O");
        if (const Json* dates = r.object("fakturadatoar", false)) {
            for (const auto& [key, value] : dates->items()) {
                std::string ptr = pointerChild("/faktura/fakturadatoar", key);
                bool yearKey = key.size() == 4 && allDigits(key);
                auto d = value.is_string() ? Date::parseIso(value.get<std::string>()) : std::nullopt;
                if (!yearKey) diags.add(file, ptr, "expected a four-digit budget year as key, got \"" + key + "\"");
                else if (!d) diags.add(file, ptr, "expected an invoice date as \"YYYY-MM-DD\"");
                else s.invoiceDates[std::stoi(key)] = *d;
            }
        }
        s.paymentDays = static_cast<int>(r.integer("betalingsfrist_dagar", true, 1, 365).value_or(30));
        s.kidMethod = r.oneOf("kid", {"MOD10", "MOD11"}).value_or("MOD10");
        s.ledgerPath = r.string("reskontro").value_or("");
        s.reminderDays = static_cast<int>(r.integer("purring_dagar", false, 1, 365).value_or(14));
    }
    s.organisationModel = top.oneOf("organisasjonsmodell", {"vertskommune", "oppgavefellesskap"}).value_or("vertskommune");
    if (const Json* res = top.object("ressursar", false)) {
        ObjectReader r(file, *res, "/ressursar", {"bemanning", "faggrupper_aarsverk", "ehelse_tilsette", "nasjonale_verv", "kjelde"}, diags);
        if (const Json* staff = r.array("bemanning")) {
            for (std::size_t i = 0; i < staff->size(); ++i) {
                ObjectReader sr(file, (*staff)[i], pointerChild("/ressursar/bemanning", i), {"rolle", "aarsverk"}, diags);
                if (!sr.ok()) continue;
                s.resources.staff.push_back({sr.text("rolle").value_or(LocalText{}), sr.percent("aarsverk").value_or(0)});
            }
        }
        s.resources.groupWorkHundredthsFte = r.percent("faggrupper_aarsverk").value_or(0);
        s.resources.eHealthStaff = static_cast<int>(r.integer("ehelse_tilsette", true, 0, 1000).value_or(0));
        if (const Json* seats = r.array("nasjonale_verv")) {
            for (std::size_t i = 0; i < seats->size(); ++i) {
                ObjectReader sr(file, (*seats)[i], pointerChild("/ressursar/nasjonale_verv", i), {"ressurs", "utval"}, diags);
                if (!sr.ok()) continue;
                s.resources.seats.push_back({sr.text("ressurs").value_or(LocalText{}), sr.text("utval").value_or(LocalText{})});
            }
        }
        s.resources.source = r.string("kjelde", false).value_or("");
    }
    if (const Json* log = top.array("versjonslogg", false)) {
        for (std::size_t i = 0; i < log->size(); ++i) {
            ObjectReader r(file, (*log)[i], pointerChild("/versjonslogg", i), {"versjon", "dato", "forankring", "endringar", "ansvarleg"}, diags);
            if (!r.ok()) continue;
            VersionEntry e;
            e.version = r.string("versjon").value_or("");
            e.date = r.date("dato");
            e.anchoring = r.text("forankring", false).value_or(LocalText{});
            e.changes = r.text("endringar", false).value_or(LocalText{});
            e.responsible = r.text("ansvarleg", false).value_or(LocalText{});
            s.versionLog.push_back(e);
        }
    }
    if (const Json* notes = top.array("merknader", false))
        for (std::size_t i = 0; i < notes->size(); ++i)
            if (auto t = readText(file, (*notes)[i], pointerChild("/merknader", i), diags)) s.notes.push_back(*t);
    readAssumedPopulation(file, top, s, diags);
    readAgreements(file, top, s, diags);
    readOccasions(file, top, s, diags);
}

void crossCheck(Inputs& in, Diagnostics& diags) {
    crossCheckOccasions(in, diags);
    // The seller is the host municipality: another member's number would have it invoice itself.
    for (std::size_t i = 0; i < in.kommunar.size(); ++i) {
        const Kommune& k = in.kommunar[i];
        if (k.host && !in.settings.host.orgnr.empty() && k.orgnr != in.settings.host.orgnr) {
            const Kommune* other = nullptr;
            for (const auto& o : in.kommunar)
                if (o.orgnr == in.settings.host.orgnr) other = &o;
            diags.add(in.settingsFile, "/vertskommune/organisasjonsnummer",
                      "the host's organisation number " + in.settings.host.orgnr + " is not that of the host municipality " +
                          k.name + " (" + k.orgnr + " in " + in.kommunarFile + ")" +
                          (other ? "; it belongs to " + other->name : std::string()));
        }
    }
    std::vector<std::string> numbers;
    for (const auto& k : in.kommunar) numbers.push_back(k.kommunenummer);
    auto known = [&](const std::string& nr) { return in.kommune(nr) != nullptr; };
    auto unknown = [&](const std::string& ptr, const std::string& nr) {
        std::string guess = closestMatch(nr, numbers);
        diags.add(in.portfolioFile, ptr, "unknown municipality \"" + nr + "\" (not in " + in.kommunarFile + ")",
                  guess.empty() ? "" : "did you mean \"" + guess + "\"?");
    };
    for (std::size_t i = 0; i < in.portfolio.projects.size(); ++i) {
        const Project& p = in.portfolio.projects[i];
        std::string ptr = pointerChild("/prosjekt", i);
        if (!p.owner.empty() && !known(p.owner)) unknown(pointerChild(ptr, "eigar"), p.owner);
        for (std::size_t d = 0; d < p.participants.size(); ++d)
            if (!known(p.participants[d])) unknown(pointerChild(pointerChild(ptr, "deltakarar"), d), p.participants[d]);
        for (std::size_t u = 0; u < p.withdrawals.size(); ++u)
            if (!p.withdrawals[u].kommunenummer.empty() && !known(p.withdrawals[u].kommunenummer))
                unknown(pointerChild(pointerChild(pointerChild(ptr, "uttak"), u), "kommune"), p.withdrawals[u].kommunenummer);
            else if (const Kommune* k = in.kommune(p.withdrawals[u].kommunenummer)) {
                const Withdrawal& w = p.withdrawals[u];
                std::string at = pointerChild(pointerChild(pointerChild(ptr, "uttak"), u), "kommune");
                bool member = false;
                for (const auto& m : k->memberships) member = member || (m.from <= w.date && (!m.to || w.date <= *m.to));
                if (k->host)
                    diags.add(in.portfolioFile, at, "a withdrawal billed to the host " + k->name + ", which the run never invoices");
                else if (!member)
                    diags.add(in.portfolioFile, at, "a withdrawal on " + w.date.iso() + " for " + k->name + ", which is not a member that day");
            }
    }
}

static bool readFile(const std::string& path, std::string& out) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return false;
    std::ostringstream ss;
    ss << f.rdbuf();
    out = ss.str();
    return true;
}

Inputs loadInputs(const std::string& dir) {
    InputReport report;
    return loadInputs(dir, report);
}

Inputs loadInputs(const std::string& dir, InputReport& report) {
    Inputs in;
    in.kommunarFile = dir + "/" + kKommunarFile;
    in.portfolioFile = dir + "/" + kPortfolioFile;
    in.settingsFile = dir + "/" + kSettingsFile;
    Diagnostics diags;
    struct Step {
        const std::string& path;
        void (*read)(const std::string&, const std::string&, Inputs&, Diagnostics&, InputReport*);
    };
    for (const Step& step : {Step{in.kommunarFile, readKommunar}, Step{in.portfolioFile, readPortfolio},
                             Step{in.settingsFile, readSettings}}) {
        std::string text;
        if (!readFile(step.path, text)) {
            diags.add(step.path, "", "cannot read the file (missing or not readable)");
            continue;
        }
        step.read(step.path, text, in, diags, &report);
    }
    if (diags.empty()) crossCheck(in, diags);
    if (!diags.empty()) throw InputError{diags};
    return in;
}

}  // namespace dv::input
