#include "app/followup.h"

#include <cstring>
#include <filesystem>
#include <sstream>

#include "core/text.h"
#include "backends/xlsx/table.h"
#include "input/followup.h"
#include "input/labels.h"
#include "report/followup_view.h"
#include "report/norsk.h"

namespace dv::app {
namespace {

struct Labels {
    std::string file;
    std::map<std::string, std::string> text;
    std::string operator()(const std::string& key) const {
        auto it = text.find(key);
        if (it != text.end()) return it->second;
        Diagnostics d;
        d.add(file, "/" + key, "missing wording \"" + key + "\"");
        throw InputError{d};
    }
};

Labels loadWording(const std::string& templatesDir, Language lang) {
    Labels l;
    l.file = templatesDir + "/" + languageDir(lang) + "/oppfolging.json";
    Diagnostics d;
    l.text = input::loadLabels(l.file, d);
    if (!d.empty()) throw InputError{d};
    return l;
}


std::string csvTable(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows) {
    std::ostringstream out;
    out << "\xEF\xBB\xBF";  // BOM: Excel then reads the file as UTF-8
    auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) out << (i ? ";" : "") << csvText(cells[i]);
        out << "\r\n";
    };
    line(headers);
    for (const auto& r : rows) line(r);
    return out.str();
}

std::optional<FollowUp> followUpIfAny(const Inputs& in, const Occasion& occasion, const std::string& inputsDir,
                                      const std::optional<Date>& today, bool required) {
    std::string path = inputsDir + "/" + input::kFollowUpFile;
    if (!required && !std::filesystem::exists(path)) return std::nullopt;
    Diagnostics d;
    auto fu = input::loadFollowUp(path, in, occasion, today, required, d);
    if (!fu) throw InputError{d};
    return fu;
}

std::vector<MunicipalView> views(const Inputs& in, const Occasion& occasion) {
    Diagnostics d;
    auto v = buildMunicipalViews(in, occasion, d);
    if (!v) throw InputError{d};
    return std::move(*v);
}

std::string text(const MunicipalView& mv, const std::string& a, const std::string& b) {
    return mv.value.find(a)->find(b)->str();
}

std::string statusText(const Labels& l, const FollowUpEntry* e) {
    return e && e->status ? l("status." + *e->status) : l("status.ikkje_sendt");
}

std::string dateOr(const std::optional<Date>& d, const std::string& none) { return d ? norsk::shortDate(*d) : none; }

}  // namespace

std::size_t makeDispatchList(const Inputs& in, const Occasion& occasion, const std::string& inputsDir,
                             const std::string& templatesDir, const std::optional<Date>& today, Staging& staging) {
    auto fu = followUpIfAny(in, occasion, inputsDir, today, false);
    Labels l = loadWording(templatesDir, in.settings.sharedLanguage);
    std::vector<std::string> headers = {l("kol.kommunenummer"), l("kol.kommune"), l("kol.orgnr"), l("kol.malform"),
                                        l("kol.organ"), l("kol.epost"), l("kol.kontakt"), l("kol.frist"),
                                        l("kol.status")};
    std::vector<std::vector<std::string>> rows;
    for (const MunicipalView& mv : views(in, occasion)) {
        const Kommune& k = *mv.kommune;
        const FollowUpEntry* e = fu ? fu->find(k.kommunenummer) : nullptr;
        rows.push_back({k.kommunenummer, text(mv, "kommune", "fullt_namn"), k.orgnr,
                        l(mv.language == Language::Bokmal ? "malform.nb" : "malform.nn"),
                        mv.value.find("kommune")->find("organ")->find("styret")->str(),
                        e && e->email ? *e->email : l("ukjent"), e && e->contact ? *e->contact : l("ukjent"),
                        norsk::shortDate(occasion.deadline), statusText(l, e)});
    }
    staging.put("forsendingar/utsendingsliste.csv", csvTable(headers, rows), "utsendingsliste");
    xlsx::Table t{l("tittel.utsending") + " " + occasion.id, in.settings.name, l("ark.utsending"), headers, rows,
                  occasion.documentDate};
    Diagnostics d;
    if (!xlsx::writeTable(t, staging.pathFor("forsendingar/utsendingsliste.xlsx"), d)) throw InputError{d};
    staging.add("forsendingar/utsendingsliste.xlsx", "utsendingsliste-xlsx");
    return 2;
}

std::size_t makeFollowUp(const Inputs& in, const Occasion& occasion, const std::string& inputsDir, DocumentEngine& engine,
                         const std::optional<Date>& today, Staging& staging) {
    if (!today) {
        Diagnostics d;
        d.add("--dato", "", "oppfolging needs --dato YYYY-MM-DD: the day the register, the report and the reminders are dated");
        throw InputError{d};
    }
    FollowUp fu = *followUpIfAny(in, occasion, inputsDir, today, true);
    std::vector<MunicipalView> mvs = views(in, occasion);
    FollowUpStatus st = followUpStatus(mvs, fu, occasion, *today);
    const Settings& s = in.settings;
    const Language shared = s.sharedLanguage;
    Labels l = loadWording(engine.templatesDir(), shared);
    const std::string base = "oppfolging/oppfolging-" + occasion.id;
    std::size_t files = 0;

    std::vector<std::string> headers = {l("kol.kommunenummer"), l("kol.kommune"), l("kol.orgnr"), l("kol.malform"),
                                        l("kol.organ"), l("kol.epost"), l("kol.kontakt"), l("kol.frist"),
                                        l("kol.status"), l("kol.status_dato"), l("kol.merknader"), l("kol.vedtaksdato"),
                                        l("kol.signert"), l("kol.tilstand"), l("kol.notat")};
    std::vector<std::vector<std::string>> rows;
    const std::string none = l("ikkje_registrert");
    for (const FollowUpRow& r : st.rows) {
        const MunicipalView& mv = *r.mv;
        const FollowUpEntry* e = r.entry;
        rows.push_back({mv.kommune->kommunenummer, text(mv, "kommune", "fullt_namn"), mv.kommune->orgnr,
                        l(mv.language == Language::Bokmal ? "malform.nb" : "malform.nn"),
                        mv.value.find("kommune")->find("organ")->find("styret")->str(),
                        e && e->email ? *e->email : l("ukjent"), e && e->contact ? *e->contact : l("ukjent"),
                        norsk::shortDate(occasion.deadline), statusText(l, e), dateOr(e ? e->statusDate : std::nullopt, ""),
                        dateOr(e ? e->commentsReceived : std::nullopt, none), dateOr(r.decision, none),
                        dateOr(e ? e->signedAgreementReceived : std::nullopt, none),
                        l(r.done ? "tilstand.ferdig" : r.late ? "tilstand.forseinka" : "tilstand.open"), e ? e->note : ""});
    }
    xlsx::Table t{l("tittel.oppfolging") + " " + occasion.id + " " + today->iso(), s.name, l("ark.oppfolging"), headers, rows, *today};
    Diagnostics d;
    if (!xlsx::writeTable(t, staging.pathFor(base + ".xlsx"), d)) throw InputError{d};
    staging.add(base + ".xlsx", "oppfolging-xlsx");
    ++files;

    auto info = [&](const std::string& what, const std::string& who) {
        pdf::DocumentInfo i;
        i.author = s.name;
        i.subject = s.name + ": " + what + " (" + occasion.id + ", " + today->iso() + ")" + who;
        i.keywords = s.name + "; " + what + "; " + occasion.id;
        i.date = *today;
        return i;
    };
    staging.put(base + ".pdf", engine.render(shared, "oppfolging", followUpReportView(st, occasion, s, *today), info("oppfølging", "")),
                "oppfolging-pdf");
    ++files;
    for (const FollowUpRow& r : st.rows) {
        if (!r.reminder) continue;
        const Kommune& k = *r.mv->kommune;
        staging.put("oppfolging/purrebrev-" + r.mv->slug + ".pdf",
                    engine.render(r.mv->language, "purrebrev", reminderView(r, *today), info("purrebrev", ", " + k.name + " (" + k.kommunenummer + ")")),
                    "purrebrev", k.kommunenummer);
        ++files;
    }
    return files;
}

}  // namespace dv::app
