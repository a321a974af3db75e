#include "report/knowledge_view.h"

#include <algorithm>
#include <map>
#include <set>

#include "report/knowledge_charts.h"
#include "report/norsk.h"

namespace dv {
namespace {

using view::List;
using view::Map;
using view::Value;

std::string areaKey(StrategicArea a) {
    switch (a) {
    case StrategicArea::Kompetanse: return "kompetanse";
    case StrategicArea::KonseptOgProsjektforslag: return "konsept";
    case StrategicArea::FellesDigitaleLoysingar: return "losningar";
    case StrategicArea::Samhandling: return "samhandling";
    }
    return "";
}
std::string phaseKey(Phase p) {
    switch (p) {
    case Phase::Ide: return "ide";
    case Phase::Konsept: return "konsept";
    case Phase::Prosjekt: return "prosjekt";
    case Phase::Innforing: return "innforing";
    case Phase::Avslutta: return "avslutta";
    }
    return "";
}
const Phase kPhases[] = {Phase::Ide, Phase::Konsept, Phase::Prosjekt, Phase::Innforing, Phase::Avslutta};
const StrategicArea kAreas[] = {StrategicArea::Kompetanse, StrategicArea::KonseptOgProsjektforslag,
                                StrategicArea::FellesDigitaleLoysingar, StrategicArea::Samhandling};

std::string str(long long v) { return norsk::integer(v); }

// "A, B og C" with the conjunction from the template's language left to the template: the view
// gives the list; this helper is for names inside one sentence where both forms say "og".
std::string joinNames(const std::vector<std::string>& names) {
    std::string s;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) s += i + 1 == names.size() ? " og " : ", ";
        s += names[i];
    }
    return s;
}

}  // namespace

view::Value fundingModelValue(const ModelView& mv) {
    Value m;
    const Parameters& p = mv.run.params;
    m["namn"] = mv.model->name;
    m["fast"] = norsk::kroner(p.fixed);
    List tiers;
    long from = 1;
    for (std::size_t i = 0; i < p.tiers.size(); ++i) {
        Value t;
        t["sats"] = norsk::rate(p.tiers[i].rate);
        t["fra"] = str(from);
        t["har_til"] = p.tiers[i].upTo.has_value();
        t["til"] = p.tiers[i].upTo ? str(*p.tiers[i].upTo) : "";
        if (p.tiers[i].upTo) from = *p.tiers[i].upTo + 1;
        tiers.push_back(t);
    }
    m["trinn"] = tiers;
    m["eitt_trinn"] = p.tiers.size() == 1;
    m["sats"] = norsk::rate(p.tiers.front().rate);
    m["har_tak"] = p.cap.has_value();
    m["tak"] = p.cap ? norsk::kroner(*p.cap) : "";
    m["har_golv"] = p.floor.has_value();
    m["golv"] = p.floor ? norsk::kroner(*p.floor) : "";
    m["total"] = norsk::kroner(mv.run.total);
    m["total_ore"] = norsk::money(mv.run.total);
    m["betalande"] = str(mv.run.payers);
    m["medlemar"] = str(mv.run.members);
    m["paa_tak"] = str(mv.run.stats.atCap);
    m["paa_golv"] = str(mv.run.stats.atFloor);
    m["min_per_innb"] = norsk::money(mv.run.stats.minPerInhabitant);
    m["median_per_innb"] = norsk::money(mv.run.stats.medianPerInhabitant);
    m["maks_per_innb"] = norsk::money(mv.run.stats.maxPerInhabitant);
    m["spreiing"] = norsk::decimal(mv.run.stats.spread.num, mv.run.stats.spread.den, 1);
    m["gini"] = norsk::decimal(mv.run.stats.gini.num, mv.run.stats.gini.den, 2);
    m["folketal_dato"] = norsk::date(mv.run.populationDate);
    // as knowledgeCharts draws the split: a known host share of a known, positive need
    m["har_vertsdel"] = mv.run.hostShare.has_value() && mv.run.budgetNeed.has_value() && mv.run.budgetNeed->ore() > 0;
    m["behov"] = mv.run.budgetNeed ? norsk::kroner(*mv.run.budgetNeed) : "";
    m["vertsdel"] = mv.run.hostShare ? norsk::kroner(*mv.run.hostShare) : "";
    m["vertsdel_prosent"] = mv.run.hostShare && mv.run.budgetNeed
                                ? norsk::percent(mv.run.hostShare->ore(), mv.run.budgetNeed->ore(), 1)
                                : "";
    return m;
}

view::Value contributionValue(const Contribution& c, const Inputs& in) {
    (void)in;
    Value r;
    r["nummer"] = c.kommune->kommunenummer;
    r["namn"] = c.kommune->name;
    r["folketal"] = str(c.population);
    r["folketal_foresetnad"] = c.populationAssumed;
    r["folketal_fra"] = c.populationFrom.year > 0 ? norsk::date(c.populationFrom) : std::string();
    r["bidrag"] = norsk::kroner(c.amount);
    r["bidrag_ore"] = norsk::money(c.amount);
    r["fast"] = norsk::kroner(c.fixedPart);
    r["per_innb_del"] = norsk::kroner(c.perInhabitant);
    r["for_grenser"] = norsk::kroner(c.beforeLimits);
    r["aarsbelop"] = norsk::kroner(c.annual);
    r["per_innb"] = norsk::money(c.krPerInhabitant);
    r["per_innb_heile"] = norsk::kroner(c.krPerInhabitant.roundedToKroner());
    r["maanader"] = std::to_string(c.months);
    r["heile_aaret"] = c.months == 12;
    r["betalar"] = c.payer;
    r["vert"] = c.kommune->host;
    r["medlem"] = c.months > 0;
    r["paa_tak"] = c.limit == Limit::Cap;
    r["paa_golv"] = c.limit == Limit::Floor;
    return r;
}

std::optional<view::Value> buildKnowledgeView(const Inputs& in, int year, Diagnostics& diags) {
    auto wb = buildWorkbookView(in, year, diags);
    if (!wb) return std::nullopt;
    const Settings& s = in.settings;
    Value v;
    v["aar"] = std::to_string(year);
    const FundingModel* proposed = s.modelById(s.proposedModel);
    v["ny_avtale_fra"] = proposed ? std::to_string(proposed->fromYear) : std::to_string(year + 1);
    v["samarbeid"] = s.name;
    v["vert"] = s.host.name;
    v["dokumentdato"] = norsk::date(s.documentDate);
    const Occasion* hearing = s.occasionById(s.knowledgeBaseOccasion);
    v["hoyringsfrist"] = hearing ? norsk::date(hearing->deadline) : std::string();
    v["har_hoyring"] = hearing != nullptr;
    v["endeleg_tekst"] = hearing ? Value(hearing->finalTextWhen) : Value(std::string());
    v["vertskommunemodell"] = s.organisationModel == "vertskommune";

    // Municipalities and members
    const FundingRun& run = wb->current.run;
    v["kommunar_tal"] = str(static_cast<long long>(in.kommunar.size()));
    v["medlemar_tal"] = str(run.members);
    v["ikkje_medlemar_tal"] = str(static_cast<long long>(in.kommunar.size()) - run.members);
    v["alle_medlemar"] = run.members == static_cast<int>(in.kommunar.size());
    long long people = 0;
    int herad = 0, nynorsk = 0, bokmal = 0, noytral = 0, steering = 0;
    std::vector<std::string> steeringNames, heradNames;
    const Contribution* smallest = nullptr;
    const Contribution* largest = nullptr;
    for (const Contribution& c : run.rows) {
        people += c.population;
        if (!smallest || c.population < smallest->population) smallest = &c;
        if (!largest || c.population > largest->population) largest = &c;
    }
    for (const Kommune& k : in.kommunar) {
        herad += k.type == KommuneType::Herad;
        nynorsk += k.malform == Malform::Nynorsk;
        bokmal += k.malform == Malform::Bokmal;
        noytral += k.malform == Malform::Noytral;
        if (k.type == KommuneType::Herad) heradNames.push_back(k.name);
        if (k.steeringGroup) { ++steering; steeringNames.push_back(k.name); }
    }
    v["folketal"] = str(people);
    v["folketal_dato"] = norsk::date(run.populationDate);
    v["minste_namn"] = smallest ? smallest->kommune->name : "";
    v["minste_folketal"] = smallest ? str(smallest->population) : "";
    v["storste_namn"] = largest ? largest->kommune->name : "";
    v["storste_folketal"] = largest ? str(largest->population) : "";
    v["herad_tal"] = str(herad);
    v["herad_namn"] = joinNames(heradNames);
    v["nynorsk_tal"] = str(nynorsk);
    v["bokmal_tal"] = str(bokmal);
    v["noytral_tal"] = str(noytral);
    v["styringsgruppe_tal"] = str(steering);
    v["styringsgruppe_namn"] = joinNames(steeringNames);

    // Members on the date the source counts them: the memberships in kommunar.json cover the
    // date for `dekka` municipalities, `stadfesta` of them confirmed; the source's count must lie
    // in between (it says how many, not which).
    if (s.memberCount) {
        const Date on = s.memberCount->date;
        int covered = 0, confirmed = 0;
        for (const Kommune& k : in.kommunar)
            for (const MembershipPeriod& m : k.memberships)
                if (m.from <= on && (!m.to || on <= *m.to)) { ++covered; confirmed += m.confirmed; break; }
        if (s.memberCount->count < confirmed || s.memberCount->count > covered) {
            diags.add(in.settingsFile, "/kunnskapsgrunnlag/medlemstal/tal",
                      "the source's " + std::to_string(s.memberCount->count) + " members on " + s.memberCount->date.iso() +
                          " do not fit kommunar.json, where " + std::to_string(covered) + " memberships cover that day and " +
                          std::to_string(confirmed) + " are confirmed");
            return std::nullopt;
        }
        v["medlemstal"] = str(s.memberCount->count);
        v["medlemstal_dato"] = norsk::date(on);
        v["ikkje_medlemstal"] = str(static_cast<long long>(in.kommunar.size()) - s.memberCount->count);
        v["medlemstal_kjende_namn"] = covered == s.memberCount->count;
        v["medlemstal_stadfesta"] = str(confirmed);
    }
    v["har_medlemstal"] = s.memberCount.has_value();

    // IKT-samarbeid coverage
    std::map<std::string, std::vector<std::string>> ikt;
    int iktKnown = 0;
    for (const Kommune& k : in.kommunar)
        if (k.iktSamarbeid) { ikt[*k.iktSamarbeid].push_back(k.name); ++iktKnown; }
    List iktList;
    for (const auto& [name, members] : ikt) {
        Value g;
        g["namn"] = name;
        g["tal"] = str(static_cast<long long>(members.size()));
        g["kommunar"] = joinNames(members);
        iktList.push_back(g);
    }
    v["ikt_grupper"] = iktList;
    v["ikt_kjent_tal"] = str(iktKnown);
    v["ikt_ukjent_tal"] = str(static_cast<long long>(in.kommunar.size()) - iktKnown);
    v["ikt_alle_kjende"] = iktKnown == static_cast<int>(in.kommunar.size());
    v["ikt_ingen_kjende"] = iktKnown == 0;
    v["har_ikt_kjelde"] = s.iktMemberCount >= 0;
    v["ikt_namn"] = joinNames(s.iktCooperations);
    v["ikt_tal_samarbeid"] = str(static_cast<long long>(s.iktCooperations.size()));
    v["ikt_medlemskommunar"] = s.iktMemberCount >= 0 ? str(s.iktMemberCount) : "";
    v["ikt_utanfor"] = s.iktMemberCount >= 0 && s.memberCount ? str(s.memberCount->count - s.iktMemberCount) : "";
    v["har_ikt_pilot"] = s.iktPilotCount >= 0;
    v["ikt_pilotkommunar"] = s.iktPilotCount >= 0 ? str(s.iktPilotCount) : "";

    // Portfolio per strategic area and phase
    Value areas;
    List areaRows;
    std::map<Phase, int> phaseTotals;
    Money budgetTotal;
    long long workTotal = 0, needTotal = 0;
    for (StrategicArea a : kAreas) {
        Value av;
        List projects, work, needs;
        std::map<Phase, int> counts;
        Money budget;
        for (const Project& p : in.portfolio.projects) {
            if (p.area != a) continue;
            ++counts[p.phase];
            ++phaseTotals[p.phase];
            budget = budget + p.budget;
            Value pv;
            pv["id"] = p.id;
            pv["namn"] = p.name;
            pv["faggruppe"] = p.group;
            const Kommune* owner = in.kommune(p.owner);
            pv["eigar"] = owner ? owner->name : p.owner;
            pv["deltakarar_tal"] = str(static_cast<long long>(p.participants.size()));
            pv["budsjett"] = p.budget == Money{} ? std::string("–") : norsk::kroner(p.budget);
            pv["periode"] = std::to_string(p.fromYear) + (p.toYear ? "–" + std::to_string(*p.toYear) : "–");
            for (Phase ph : kPhases) pv["fase_" + phaseKey(ph)] = p.phase == ph;
            // The seed tells apart what is worked on and what the municipalities asked for (the
            // idea phase); phases beyond that and per-project budgets are not in it.
            (p.phase == Phase::Ide ? needs : work).push_back(pv);
            projects.push_back(pv);
        }
        av["arbeid"] = work;
        av["har_arbeid"] = !work.empty();
        av["behov"] = needs;
        av["har_behov"] = !needs.empty();
        av["tal_arbeid"] = str(static_cast<long long>(work.size()));
        av["tal_behov"] = str(static_cast<long long>(needs.size()));
        workTotal += static_cast<long long>(work.size());
        needTotal += static_cast<long long>(needs.size());
        budgetTotal = budgetTotal + budget;
        av["liste"] = projects;
        av["tal"] = str(static_cast<long long>(projects.size()));
        av["har_prosjekt"] = !projects.empty();
        av["budsjett"] = norsk::kroner(budget);
        for (Phase ph : kPhases) av[phaseKey(ph)] = str(counts[ph]);
        areas[areaKey(a)] = av;
    }
    v["omrade"] = areas;
    Value totals;
    for (Phase ph : kPhases) totals[phaseKey(ph)] = str(phaseTotals[ph]);
    totals["tal"] = str(static_cast<long long>(in.portfolio.projects.size()));
    totals["budsjett"] = norsk::kroner(budgetTotal);
    totals["tal_arbeid"] = str(workTotal);
    totals["tal_behov"] = str(needTotal);
    v["portefolje"] = totals;

    // Funding: current and proposed model, host share, projection
    v["modell"] = fundingModelValue(wb->current);
    v["forslag"] = fundingModelValue(wb->proposed);
    int more = 0, less = 0;
    for (std::size_t i = 0; i < run.rows.size(); ++i) {
        const Contribution& a = run.rows[i];
        const Contribution& b = wb->proposed.run.rows[i];
        if (!a.payer) continue;
        more += b.amount > a.amount;
        less += b.amount < a.amount;
    }
    v["forslag"]["fleire_betalar_meir"] = str(more);
    v["forslag"]["fleire_betalar_mindre"] = str(less);
    List proj;
    int firstYearAllCap = 0;
    for (const ProjectionYear& py : wb->projection.years) {
        Value y;
        y["aar"] = std::to_string(py.year);
        y["tak"] = py.params.cap ? norsk::kroner(*py.params.cap) : "–";
        y["paa_tak"] = str(py.atCap);
        y["total"] = norsk::kroner(py.total);
        proj.push_back(y);
        (void)firstYearAllCap;
    }
    v["framskriving"] = proj;
    if (!wb->projection.years.empty()) {
        const ProjectionYear& last = wb->projection.years.back();
        v["framskriving_siste_aar"] = std::to_string(last.year);
        v["framskriving_siste_paa_tak"] = str(last.atCap);
    } else {
        v["framskriving_siste_aar"] = "";
        v["framskriving_siste_paa_tak"] = "";
    }
    v["framskriving_deflator"] = norsk::percent(s.projection.basisPoints, 10000, 1);
    List deflator;
    for (const DeflatorYear& d : s.deflator) {
        Value dv;
        dv["aar"] = std::to_string(d.year);
        dv["prosent"] = norsk::percent(d.basisPoints, 10000, 1);
        deflator.push_back(dv);
    }
    v["deflator"] = deflator;

    // Every municipality's contribution (appendix)
    List rows;
    for (std::size_t i = 0; i < run.rows.size(); ++i) {
        Value r = contributionValue(run.rows[i], in);
        r["forslag_bidrag"] = norsk::kroner(wb->proposed.run.rows[i].amount);
        rows.push_back(r);
    }
    v["kommunar"] = rows;

    // Resources: staffing and national seats
    List staff;
    int fte = 0;
    for (const StaffRole& r : s.resources.staff) {
        Value sv;
        sv["rolle"] = r.role;
        sv["aarsverk"] = norsk::decimal(r.hundredthsFte, 100, r.hundredthsFte % 100 == 0 ? 0 : 1);
        staff.push_back(sv);
        fte += r.hundredthsFte;
    }
    v["bemanning"] = staff;
    v["aarsverk_sum"] = norsk::decimal(fte, 100, fte % 100 == 0 ? 0 : 1);
    v["faggrupper_aarsverk"] = norsk::decimal(s.resources.groupWorkHundredthsFte, 100, s.resources.groupWorkHundredthsFte % 100 == 0 ? 0 : 1);
    v["ehelse_tilsette"] = str(s.resources.eHealthStaff);
    List seats;
    for (const NationalSeat& n : s.resources.seats) {
        Value sv;
        sv["ressurs"] = n.resource;
        sv["utval"] = n.body;
        seats.push_back(sv);
    }
    v["nasjonale_verv"] = seats;
    v["nasjonale_verv_tal"] = str(static_cast<long long>(seats.size()));

    // Version log
    List log;
    for (const VersionEntry& e : s.versionLog) {
        Value ev;
        ev["versjon"] = e.version;
        ev["dato"] = e.date ? norsk::date(*e.date) : "";
        ev["forankring"] = e.anchoring;
        ev["endringar"] = e.changes;
        ev["ansvarleg"] = e.responsible;
        log.push_back(ev);
    }
    v["versjonslogg"] = log;

    // Project funding by source (from the portfolio)
    std::map<std::string, Money> byKind;
    for (const Project& p : in.portfolio.projects)
        for (const FundingSource& f : p.funding) byKind[f.kind] = byKind[f.kind] + f.amount;
    auto millions = [](Money m) { return norsk::decimal(m.ore(), 100'000'000, 1); };
    v["skjonsmidlar_mill"] = millions(byKind["skjønnsmidlar"]);
    v["ks_tilskot_mill"] = millions(byKind["ks_tilskot"]);
    int skjonnProjects = 0;
    for (const Project& p : in.portfolio.projects)
        for (const FundingSource& f : p.funding) skjonnProjects += f.kind == "skjønnsmidlar";
    v["skjonsmidlar_prosjekt"] = str(skjonnProjects);
    v["modell_total_mill"] = millions(run.total);
    addCharts(v, knowledgeCharts(*wb));
    return v;
}

}  // namespace dv
