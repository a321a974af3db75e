#include "input/occasions.h"

#include <set>

#include "core/text.h"

namespace dv::input {

Bodies readBodies(const std::string& file, const Json& j, const std::string& ptr, KommuneType type, Diagnostics& diags) {
    ObjectReader r(file, j, ptr, {"styre", "utoevande", "leiar", "leiar_stadfesta", "merknad"}, diags);
    Bodies b;
    if (!r.ok()) return b;
    b.council = r.oneOf("styre", {"kommunestyre", "heradsstyre", "bystyre"}).value_or("kommunestyre");
    b.executive = r.oneOf("utoevande", {"formannskap", "byråd"}).value_or("formannskap");
    b.chief = r.oneOf("leiar", {"kommunedirektør", "rådmann", "byråd"}).value_or("kommunedirektør");
    b.chiefConfirmed = r.boolean("leiar_stadfesta").value_or(false);
    b.note = r.string("merknad", false).value_or("");
    if (type == KommuneType::Herad && b.council == "kommunestyre")
        r.error("styre", "a herad's council is a \"heradsstyre\"");
    if ((b.council == "bystyre") != (b.executive == "byråd"))
        r.error("utoevande", "a bystyre with a byråd (parliamentary rule) go together; got \"" + b.council + "\" and \"" + b.executive + "\"");
    if ((b.chief == "byråd") != (b.executive == "byråd"))
        r.error("leiar", "the byråd leads the administration only where the executive is a byråd");
    return b;
}

void readAssumedPopulation(const std::string& file, ObjectReader& top, Settings& s, Diagnostics& diags) {
    const Json* list = top.array("folketal_foresetnad", false);
    if (!list) return;
    for (std::size_t i = 0; i < list->size(); ++i) {
        ObjectReader r(file, (*list)[i], pointerChild("/folketal_foresetnad", i), {"dato", "bruk", "merknad"}, diags);
        if (!r.ok()) continue;
        auto date = r.date("dato");
        auto use = r.date("bruk");
        s.assumedPopulationNote = r.text("merknad").value_or(LocalText{});
        if (!date || !use) continue;
        if (date->month != 1 || date->day != 1 || use->month != 1 || use->day != 1)
            r.error("", "population figures are for 1 January: \"YYYY-01-01\"");
        else if (*use >= *date)
            r.error("bruk", "the figure assumed in place of " + date->iso() + " must be an earlier one");
        else if (!s.assumedPopulation.emplace(*date, *use).second)
            r.error("dato", "a second assumption for " + date->iso());
    }
}

void readAgreements(const std::string& file, ObjectReader& top, Settings& s, Diagnostics& diags) {
    const Json* list = top.array("avtalar");
    if (!list) return;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < list->size(); ++i) {
        ObjectReader r(file, (*list)[i], pointerChild("/avtalar", i),
                       {"id", "status", "gjeld_fra", "gjeld_til", "gebyr_fra", "organisasjonsmodell", "lovgrunnlag",
                        "finansieringsmodell", "kjelde", "merknad"},
                       diags);
        if (!r.ok()) continue;
        Agreement a;
        a.id = r.string("id").value_or("");
        if (!a.id.empty() && !ids.insert(a.id).second) r.error("id", "duplicate agreement id \"" + a.id + "\"");
        a.status = r.oneOf("status", {"vedteke", "utkast"}).value_or("utkast");
        a.from = r.date("gjeld_fra").value_or(Date{});
        if (r.get("gjeld_til") && !r.get("gjeld_til")->is_null()) a.to = r.date("gjeld_til", false);
        a.feesFrom = r.date("gebyr_fra").value_or(a.from);
        a.organisationModel = r.oneOf("organisasjonsmodell", {"vertskommune", "oppgavefellesskap"}).value_or("vertskommune");
        if (const Json* lb = r.get("lovgrunnlag"); lb && !lb->is_null()) a.legalBasis = r.text("lovgrunnlag").value_or(LocalText{});
        a.fundingModel = r.string("finansieringsmodell").value_or("");
        r.string("kjelde", false);
        a.note = r.string("merknad", false).value_or("");
        if (a.to && *a.to < a.from) r.error("gjeld_til", "the agreement ends (" + a.to->iso() + ") before it starts (" + a.from.iso() + ")");
        if (a.feesFrom < a.from) r.error("gebyr_fra", "fees cannot start (" + a.feesFrom.iso() + ") before the agreement (" + a.from.iso() + ")");
        s.agreements.push_back(std::move(a));
    }
    // Two adopted agreements in force on one day would give two amounts for one year.
    for (std::size_t i = 0; i < s.agreements.size(); ++i)
        for (std::size_t j = i + 1; j < s.agreements.size(); ++j) {
            const Agreement &a = s.agreements[i], &b = s.agreements[j];
            if (a.status != "vedteke" || b.status != "vedteke") continue;
            if (periodsOverlap(a.from, a.to, b.from, b.to))
                diags.add(file, pointerChild("/avtalar", j), "adopted agreements \"" + a.id + "\" and \"" + b.id + "\" overlap in time");
        }
}

void readOccasions(const std::string& file, ObjectReader& top, Settings& s, Diagnostics& diags) {
    s.defaultOccasion = top.string("standardrunde").value_or("");
    const Json* list = top.array("rundar");
    if (!list) return;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < list->size(); ++i) {
        std::string ptr = pointerChild("/rundar", i);
        ObjectReader r(file, (*list)[i], ptr,
                       {"id", "type", "avtale", "dokumentdato", "frist", "vertskommunevedtak", "endeleg_tekst", "sporsmal",
                        "aar", "svar_til", "merknad"},
                       diags);
        if (!r.ok()) continue;
        Occasion o;
        o.id = r.string("id").value_or("");
        if (!o.id.empty() && !ids.insert(o.id).second) r.error("id", "duplicate occasion id \"" + o.id + "\"");
        auto kind = r.oneOf("type", {"hoyring", "vedtak"}).value_or("hoyring");
        o.kind = kind == "vedtak" ? Occasion::Kind::Decision : Occasion::Kind::Hearing;
        o.agreement = r.string("avtale").value_or("");
        o.documentDate = r.date("dokumentdato").value_or(Date{});
        o.deadline = r.date("frist").value_or(Date{});
        if (o.deadline < o.documentDate) r.error("frist", "the deadline (" + o.deadline.iso() + ") is before the letter date (" + o.documentDate.iso() + ")");
        o.hostDecision = r.date("vertskommunevedtak", o.kind == Occasion::Kind::Decision);
        o.finalTextWhen = r.text("endeleg_tekst", o.kind == Occasion::Kind::Hearing).value_or(LocalText{});
        if (const Json* q = r.array("sporsmal", o.kind == Occasion::Kind::Hearing)) {
            for (std::size_t n = 0; n < q->size(); ++n)
                if (auto t = readText(file, (*q)[n], pointerChild(r.at("sporsmal"), n), diags)) o.questions.push_back(*t);
            if (o.kind == Occasion::Kind::Hearing && q->empty()) r.error("sporsmal", "a hearing asks at least one question");
        }
        if (const Json* years = r.array("aar")) {
            for (std::size_t n = 0; n < years->size(); ++n) {
                const Json& y = (*years)[n];
                if (!y.is_number_integer() || y.get<long long>() < 2000 || y.get<long long>() > 2100)
                    diags.add(file, pointerChild(r.at("aar"), n), "expected a budget year (2000–2100), got " + y.dump());
                else
                    o.years.push_back(static_cast<int>(y.get<long long>()));
            }
            if (years->empty()) r.error("aar", "expected at least one budget year whose amounts the documents show");
        }
        o.returnTo = r.string("svar_til").value_or("");
        o.note = r.string("merknad", false).value_or("");
        s.occasions.push_back(std::move(o));
    }
}

void crossCheckOccasions(const Inputs& in, Diagnostics& diags) {
    const Settings& s = in.settings;
    const std::string& file = in.settingsFile;
    std::vector<std::string> modelIds, agreementIds, occasionIds;
    for (const auto& m : s.models) modelIds.push_back(m.id);
    for (const auto& a : s.agreements) agreementIds.push_back(a.id);
    for (const auto& o : s.occasions) occasionIds.push_back(o.id);
    auto unknown = [&](const std::string& ptr, const std::string& what, const std::string& id, const std::vector<std::string>& ids) {
        std::string guess = closestMatch(id, ids);
        diags.add(file, ptr, "no " + what + " with id \"" + id + "\"", guess.empty() ? "" : "did you mean \"" + guess + "\"?");
    };
    for (std::size_t i = 0; i < s.agreements.size(); ++i)
        if (!s.modelById(s.agreements[i].fundingModel))
            unknown(pointerChild(pointerChild("/avtalar", i), "finansieringsmodell"), "funding model", s.agreements[i].fundingModel, modelIds);
    for (std::size_t i = 0; i < s.occasions.size(); ++i)
        if (!s.agreementById(s.occasions[i].agreement))
            unknown(pointerChild(pointerChild("/rundar", i), "avtale"), "agreement", s.occasions[i].agreement, agreementIds);
    if (!s.defaultOccasion.empty() && !s.occasionById(s.defaultOccasion))
        unknown("/standardrunde", "occasion", s.defaultOccasion, occasionIds);
    const Occasion* kb = s.occasionById(s.knowledgeBaseOccasion);
    if (!s.knowledgeBaseOccasion.empty() && !kb)
        unknown("/kunnskapsgrunnlag/runde", "occasion", s.knowledgeBaseOccasion, occasionIds);
    else if (kb && kb->kind != Occasion::Kind::Hearing)
        diags.add(file, "/kunnskapsgrunnlag/runde", "the knowledge base goes out with a hearing; \"" + kb->id + "\" is a decision round");
}

}  // namespace dv::input
