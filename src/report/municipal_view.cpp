#include "report/municipal_view.h"

#include <cctype>

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

}  // namespace

namespace {

// ASCII for the Latin letters a Norwegian (and Sami) name may hold.
const char* asciiFor(char32_t c) {
    switch (c) {
    case U'æ': case U'Æ': return "ae";
    case U'ø': case U'Ø': case U'ö': case U'Ö': case U'ó': case U'Ó': case U'ò': case U'Ò': case U'ô': case U'Ô':
    case U'õ': case U'Õ': return "o";
    case U'å': case U'Å': case U'á': case U'Á': case U'à': case U'À': case U'â': case U'Â': case U'ä': case U'Ä':
    case U'ã': case U'Ã': return "a";
    case U'é': case U'É': case U'è': case U'È': case U'ê': case U'Ê': case U'ë': case U'Ë': return "e";
    case U'í': case U'Í': case U'ì': case U'Ì': case U'î': case U'Î': case U'ï': case U'Ï': return "i";
    case U'ú': case U'Ú': case U'ù': case U'Ù': case U'û': case U'Û': case U'ü': case U'Ü': return "u";
    case U'ý': case U'Ý': case U'ÿ': return "y";
    case U'č': case U'Č': case U'ç': case U'Ç': case U'ć': case U'Ć': return "c";
    case U'đ': case U'Đ': case U'ð': case U'Ð': return "d";
    case U'ŋ': case U'Ŋ': case U'ñ': case U'Ñ': case U'ń': case U'Ń': return "n";
    case U'š': case U'Š': case U'ś': case U'Ś': return "s";
    case U'ŧ': case U'Ŧ': return "t";
    case U'ž': case U'Ž': case U'ź': case U'Ź': case U'ż': case U'Ż': return "z";
    case U'ß': return "ss";
    case U'þ': case U'Þ': return "th";
    default: return nullptr;
    }
}

}  // namespace

std::string slugify(const std::string& name) {
    std::string out;
    auto dash = [&] {
        if (!out.empty() && out.back() != '-') out += '-';
    };
    for (std::size_t i = 0; i < name.size();) {
        unsigned char c = static_cast<unsigned char>(name[i]);
        if (c < 0x80) {
            if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
            else dash();
            ++i;
            continue;
        }
        // one UTF-8 sequence (the input stage has checked the encoding)
        int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        char32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
        for (int k = 1; k < len && i + k < name.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(name[i + k]) & 0x3F);
        i += len;
        if (const char* a = asciiFor(cp)) out += a;
        else dash();  // a letter with no ASCII form: keep the words apart
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

namespace {

std::string definite(const std::string& body) {  // the same in nynorsk and bokmål for these words
    if (body == "kommunestyre" || body == "heradsstyre" || body == "bystyre") return body + "t";
    if (body == "formannskap") return body + "et";
    if (body == "byråd") return body + "et";
    return body + "en";  // kommunedirektør, rådmann
}

std::string capitalised(const std::string& s) {
    if (s.empty() || static_cast<unsigned char>(s[0]) >= 0x80) return s;
    return std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])))) + s.substr(1);
}

Value bodiesValue(const Kommune& k) {
    const Bodies& b = k.bodies;
    Value o;
    o["styre"] = b.council;                       // "kommunestyre": "Masfjorden kommunestyre"
    o["styret"] = definite(b.council);            // "kommunestyret"
    o["styret_stor"] = capitalised(definite(b.council));
    o["utovande"] = definite(b.executive);        // "formannskapet", "byrådet"
    o["leiar"] = definite(b.chief);               // "rådmannen", "byrådet"
    o["leiar_stor"] = capitalised(definite(b.chief));
    o["leiar_genitiv_stor"] = capitalised(definite(b.chief)) + "s";  // bokmål: "Rådmannens"
    o["byraad"] = b.chief == "byråd";
    o["leiar_stadfesta"] = b.chiefConfirmed;
    o["leiar_tittel"] = b.chief;                   // the signatory's title line: "rådmann", "byråd"
    return o;
}

Value agreementValue(const Agreement& a, const Settings& s, Language lang) {
    Value v;
    v["id"] = a.id;
    v["utkast"] = a.status == "utkast";
    v["fra"] = norsk::date(a.from);
    v["fra_aar"] = std::to_string(a.from.year);
    v["har_slutt"] = a.to.has_value();
    v["til"] = a.to ? norsk::date(*a.to) : std::string();
    v["gebyr_fra"] = norsk::date(a.feesFrom);
    v["gebyr_seinare"] = a.feesFrom > a.from;
    v["vertskommunemodell"] = a.organisationModel == "vertskommune";
    v["oppgavefellesskap"] = a.organisationModel == "oppgavefellesskap";
    v["har_lovgrunnlag"] = !a.legalBasis.empty();
    v["lovgrunnlag"] = a.legalBasis.in(lang);
    const FundingModel* m = s.modelById(a.fundingModel);
    v["kjende_belop"] = m && m->status == "vedteke";  // a proposal's amounts are an example, not the agreement's
    v["belop_stadfesta"] = m && m->status == "vedteke" && m->confirmed;
    return v;
}

// What the inputs do not confirm about one municipality's amount for a year.
Value uncertainty(const Contribution& c, const ModelView& mv, const Kommune& k, int year) {
    Value u;
    bool model = !mv.model->confirmed || mv.model->status != "vedteke";
    bool population = c.populationAssumed;
    bool membership = c.months > 0 && !k.membershipConfirmed(year);
    u["modell"] = model;
    u["folketal"] = population;
    u["medlemskap"] = membership;
    u["noko"] = model || population || membership;
    return u;
}

}  // namespace

std::optional<std::vector<MunicipalView>> buildMunicipalViews(const Inputs& in, const Occasion& occasion, Diagnostics& diags) {
    const Settings& s = in.settings;
    const Agreement* agreement = s.agreementById(occasion.agreement);
    if (!agreement) {
        diags.add(in.settingsFile, "/rundar", "occasion \"" + occasion.id + "\" names no known agreement");
        return std::nullopt;
    }
    // Every year the occasion shows, from the one computation of a year's amounts.
    std::vector<ModelView> years;
    for (int y : occasion.years) {
        auto mv = yearFunding(in, y, diags);
        if (!mv) return std::nullopt;
        years.push_back(std::move(*mv));
    }
    const bool hearing = occasion.kind == Occasion::Kind::Hearing;

    Value runde;
    runde["id"] = occasion.id;
    runde["hoyring"] = hearing;
    runde["vedtak"] = !hearing;
    runde["dokumentdato"] = norsk::date(occasion.documentDate);
    runde["frist"] = norsk::date(occasion.deadline);
    runde["vertskommunevedtak"] = occasion.hostDecision ? norsk::date(*occasion.hostDecision) : std::string();
    runde["svar_til"] = occasion.returnTo;

    const Kommune* host = nullptr;  // found once: a lookup per municipality would be quadratic
    for (const Kommune& h : in.kommunar)
        if (h.host) host = &h;
    // The steering group's seats named by municipality (the agreement of 2020, seed 004), once for
    // every view; the joining word is the same in both målformer.
    std::string steeringNames;
    {
        std::vector<std::string> steering;
        for (const Kommune& h : in.kommunar)
            if (!h.host && h.steeringGroup) steering.push_back(h.name);
        for (std::size_t n = 0; n < steering.size(); ++n)
            steeringNames += (n == 0 ? "" : n + 1 == steering.size() ? " og " : ", ") + steering[n];
    }
    std::vector<MunicipalView> out;
    out.reserve(in.kommunar.size());
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
        v["kommunar_tal"] = str(static_cast<long long>(in.kommunar.size()));
        v["vert_leiar_tittel"] = host ? host->bodies.chief : std::string();
        if (host) v["vert_styret"] = definite(host->bodies.council) + " i " + host->name;  // "bystyret i Bergen"
        v["styringsgruppe_kommunar"] = steeringNames;
        v["har_styringsgruppe_kommunar"] = !steeringNames.empty();

        Value r = runde;
        if (hearing) {
            r["endeleg_tekst"] = occasion.finalTextWhen.in(mv.language);
            List questions;
            for (const LocalText& text : occasion.questions) {
                Value q;
                q["tekst"] = text.in(mv.language);
                questions.push_back(q);
            }
            r["sporsmal"] = questions;
        }
        v["runde"] = r;
        v["avtale"] = agreementValue(*agreement, s, mv.language);
        // The agreement in force in the occasion's first year (a hearing's: the one the draft replaces).
        const Agreement* inForce = s.agreementForYear(occasion.years.front());
        v["har_gjeldande_avtale"] = inForce != nullptr;
        if (inForce) v["gjeldande_avtale"] = agreementValue(*inForce, s, mv.language);

        Value kv;
        kv["namn"] = k.name;
        kv["fullt_namn"] = fullName(k);
        kv["nummer"] = k.kommunenummer;
        kv["orgnr"] = norsk::orgnr(k.orgnr);
        kv["herad"] = k.type == KommuneType::Herad;
        kv["er_vert"] = k.host;
        kv["styringsgruppe"] = k.steeringGroup;
        kv["postadresse"] = k.postalAddress.value_or("");
        kv["nettstad"] = k.website;
        kv["nynorsk"] = mv.language == Language::Nynorsk;
        kv["organ"] = bodiesValue(k);
        v["kommune"] = kv;

        // The municipality's amount in each year of the occasion.
        List own;
        for (std::size_t y = 0; y < years.size(); ++y) {
            const ModelView& ym = years[y];
            const Contribution& c = ym.run.rows[i];
            Value e = contributionValue(c, in);
            e["aar"] = std::to_string(ym.run.year);
            e["delvis_medlem"] = c.months > 0 && c.months < 12;
            e["ikkje_medlem"] = c.months == 0;
            e["usikkert"] = uncertainty(c, ym, k, ym.run.year);
            e["modell"] = fundingModelValue(ym);
            e["modell_stadfesta"] = ym.model->confirmed && ym.model->status == "vedteke";
            e["siste"] = y + 1 == years.size();
            // Its own figures and the totals (in "modell"), not the whole table: a view per
            // municipality that held every row would make the run quadratic in their number.
            own.push_back(e);
        }
        v["aar"] = own;
        // The agreement's own calculation: the last year of the occasion, when the agreement's
        // adopted model is the one in force that year.
        const ModelView& last = years.back();
        bool agreementYear = last.model->id == agreement->fundingModel && last.model->status == "vedteke";
        v["har_utrekning"] = agreementYear;
        v["utrekning"] = own.back();  // shown only with har_utrekning; present so the template's names check

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
        mv.value = std::move(v);
        out.push_back(std::move(mv));
    }
    return out;
}

}  // namespace dv
