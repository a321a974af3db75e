#include "report/municipal_view.h"

#include "finance/funding.h"
#include "report/knowledge_view.h"
#include "report/norsk.h"
#include "report/workbook_view.h"

namespace dv {
namespace {

using view::List;
using view::Value;

std::string str(long long v) { return norsk::integer(v); }

std::string fullName(const Kommune& k) { return k.name + (k.type == KommuneType::Herad ? " herad" : " kommune"); }

// A signed change as the template needs it: the amount without sign and which way it went.
Value change(Money from, Money to) {
    Value c;
    Money d = to - from;
    c["auke"] = d > Money{};
    c["nedgang"] = d < Money{};
    c["uendra"] = d == Money{};
    c["belop"] = norsk::kroner(d < Money{} ? -d : d);
    c["prosent"] = from > Money{} ? norsk::percent((d < Money{} ? -d : d).ore(), from.ore(), 1) : "";
    c["har_prosent"] = from > Money{};
    return c;
}

}  // namespace

std::string slugify(const std::string& name) {
    std::string out;
    for (std::size_t i = 0; i < name.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(name[i]);
        if (c < 0x80) {
            if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
            else if (!out.empty() && out.back() != '-') out += '-';
            continue;
        }
        std::string two = name.substr(i, 2);
        ++i;
        if (two == "æ" || two == "Æ") out += "ae";
        else if (two == "ø" || two == "Ø") out += "o";
        else if (two == "å" || two == "Å") out += "a";
        else if (two == "é" || two == "É") out += "e";
        while (i + 1 < name.size() && (static_cast<unsigned char>(name[i + 1]) & 0xC0) == 0x80) ++i;
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

std::optional<std::vector<MunicipalView>> buildMunicipalViews(const Inputs& in, int year, Diagnostics& diags) {
    const Settings& s = in.settings;
    auto wb = buildWorkbookView(in, year, diags);
    if (!wb) return std::nullopt;
    // The year's own model (the agreement in force that year) and, if there is one, last year's.
    const FundingModel* model = s.modelForYear(year);
    if (!model) {
        diags.add(in.settingsFile, "/finansieringsmodellar", "no funding model applies to " + std::to_string(year) +
                                                                 " (gjeld_fra_aar … gjeld_til_aar)");
        return std::nullopt;
    }
    auto thisYear = modelView(in, *model, year, std::nullopt, diags);
    if (!thisYear) return std::nullopt;
    std::optional<ModelView> lastYear;
    if (const FundingModel* prev = s.modelForYear(year - 1)) {
        Diagnostics ignore;  // no population for the year before the data: no comparison
        lastYear = modelView(in, *prev, year - 1, std::nullopt, ignore);
    }
    const FundingRun& run = thisYear->run;
    const FundingRun& proposed = wb->proposed.run;

    List table;
    for (std::size_t i = 0; i < run.rows.size(); ++i) {
        Value r = contributionValue(run.rows[i], in);
        r["forslag_bidrag"] = norsk::kroner(proposed.rows[i].amount);
        table.push_back(r);
    }

    std::vector<MunicipalView> out;
    for (std::size_t i = 0; i < in.kommunar.size(); ++i) {
        const Kommune& k = in.kommunar[i];
        MunicipalView mv;
        mv.kommune = &k;
        mv.language = norsk::languageFor(k, s);
        mv.slug = k.kommunenummer + "-" + slugify(k.name);
        Value v;
        v["samarbeid"] = s.name;
        v["vert"] = s.host.name;
        v["vert_adresse"] = s.host.address;
        v["vert_postnummer"] = s.host.postcode;
        v["vert_stad"] = s.host.city;
        v["vert_orgnr"] = norsk::orgnr(s.host.orgnr);
        v["kontaktperson"] = s.host.contact;
        v["epost"] = s.host.email;
        v["aar"] = std::to_string(year);
        v["forrige_aar"] = std::to_string(year - 1);
        const FundingModel* prop = s.modelById(s.proposedModel);
        v["ny_avtale_fra"] = prop ? std::to_string(prop->fromYear) : std::to_string(year + 1);
        v["avtale_fra"] = std::to_string(model->fromYear);
        v["avtale_til"] = model->toYear ? std::to_string(*model->toYear) : "";
        v["avtale_har_slutt"] = model->toYear.has_value();
        v["dokumentdato"] = norsk::date(s.documentDate);
        v["hoyringsfrist"] = norsk::date(s.hearingDeadline);
        v["motedato"] = norsk::date(s.councilMeetingDate);
        v["vertskommunemodell"] = s.organisationModel == "vertskommune";
        v["oppgavefellesskap"] = s.organisationModel == "oppgavefellesskap";
        v["kommunar_tal"] = str(static_cast<long long>(in.kommunar.size()));
        v["medlemar_tal"] = str(run.members);

        Value kv;
        kv["namn"] = k.name;
        kv["fullt_namn"] = fullName(k);
        kv["nummer"] = k.kommunenummer;
        kv["orgnr"] = norsk::orgnr(k.orgnr);
        kv["herad"] = k.type == KommuneType::Herad;
        kv["er_vert"] = k.host;
        kv["styringsgruppe"] = k.steeringGroup;
        kv["har_postadresse"] = k.postalAddress.has_value();
        kv["postadresse"] = k.postalAddress.value_or("");
        kv["nettstad"] = k.website;
        kv["nynorsk"] = mv.language == Language::Nynorsk;
        v["kommune"] = kv;

        const Contribution& c = run.rows[i];
        Value own = contributionValue(c, in);
        own["medlem_heile_aaret"] = c.months == 12;
        own["delvis_medlem"] = c.months > 0 && c.months < 12;
        v["eige"] = own;
        v["modell"] = fundingModelValue(*thisYear);
        v["forslag"] = fundingModelValue(wb->proposed);
        v["forslag_bidrag"] = norsk::kroner(proposed.rows[i].amount);
        v["forslag_endring"] = change(c.amount, proposed.rows[i].amount);
        bool hadLast = lastYear && lastYear->run.rows[i].payer && lastYear->run.rows[i].amount > Money{};
        v["har_forrige"] = hadLast;
        v["forrige_bidrag"] = hadLast ? norsk::kroner(lastYear->run.rows[i].amount) : "";
        v["forrige_endring"] = hadLast ? change(lastYear->run.rows[i].amount, c.amount) : change(Money{}, Money{});

        List projects;
        for (const Project& p : in.portfolio.projects) {
            bool owner = p.owner == k.kommunenummer;
            bool part = false;
            for (const auto& d : p.participants) part = part || d == k.kommunenummer;
            if (!owner && !part) continue;
            Value pv;
            pv["id"] = p.id;
            pv["namn"] = p.name;
            pv["eigar"] = owner;
            pv["periode"] = std::to_string(p.fromYear) + (p.toYear ? "–" + std::to_string(*p.toYear) : "–");
            pv["fase_ide"] = p.phase == Phase::Ide;
            pv["fase_konsept"] = p.phase == Phase::Konsept;
            pv["fase_prosjekt"] = p.phase == Phase::Prosjekt;
            pv["fase_innforing"] = p.phase == Phase::Innforing;
            pv["fase_avslutta"] = p.phase == Phase::Avslutta;
            projects.push_back(pv);
        }
        v["har_prosjekt"] = !projects.empty();
        v["prosjekt_tal"] = str(static_cast<long long>(projects.size()));
        v["prosjekt"] = projects;
        v["kommunar"] = table;
        mv.value = std::move(v);
        out.push_back(std::move(mv));
    }
    return out;
}

}  // namespace dv
