#include "input/followup.h"

#include <fstream>
#include <set>
#include <sstream>

#include "core/text.h"
#include "input/json_reader.h"

namespace dv::input {

std::optional<FollowUp> loadFollowUp(const std::string& path, const Inputs& in, const Occasion& occasion,
                                     const std::optional<Date>& today, bool strict, Diagnostics& diags) {
    std::size_t before = diags.size();
    std::ifstream f(path, std::ios::binary);
    if (!f) {
        diags.add(path, "", "cannot read the file (missing or not readable)");
        return std::nullopt;
    }
    std::ostringstream ss;
    ss << f.rdbuf();
    std::string text = ss.str();
    if (auto bad = firstInvalidUtf8(text)) {
        diags.add(path, lineColumn(text, *bad), "invalid UTF-8; save the file as UTF-8");
        return std::nullopt;
    }
    auto j = parseJson(path, text, diags);
    if (!j) return std::nullopt;

    FollowUp fu;
    fu.file = path;
    ObjectReader top(path, *j, "", {"$schema", "runde", "kommunar"}, diags);
    if (!top.ok()) return std::nullopt;
    if (auto r = top.string("runde")) {
        fu.occasion = *r;
        if (*r != occasion.id && !strict) return fu;  // another round's answers: nothing for this one
        if (*r != occasion.id)
            top.error("runde", "the follow-up is for \"" + *r + "\", but this run is for \"" + occasion.id + "\"",
                      "run with --runde " + *r + ", or keep one follow-up file per round");
    }
    const Json* list = top.array("kommunar");
    std::set<std::string> known, seen;
    for (const Kommune& k : in.kommunar) known.insert(k.kommunenummer);
    std::vector<std::string> knownList(known.begin(), known.end());
    if (list) {
        for (std::size_t i = 0; i < list->size(); ++i) {
            ObjectReader r(path, (*list)[i], pointerChild("/kommunar", i),
                           {"kommunenummer", "status", "status_dato", "merknader_motteke", "vedtaksdato",
                            "signert_avtale_motteke", "epost", "kontaktperson", "notat"},
                           diags);
            if (!r.ok()) continue;
            FollowUpEntry e;
            e.kommunenummer = r.string("kommunenummer").value_or("");
            if (r.has("kommunenummer") && !e.kommunenummer.empty()) {
                if (!known.count(e.kommunenummer)) {
                    std::string guess = closestMatch(e.kommunenummer, knownList);
                    r.error("kommunenummer", "no municipality \"" + e.kommunenummer + "\" in " + in.kommunarFile,
                            guess.empty() ? "" : "did you mean \"" + guess + "\"?");
                } else if (!seen.insert(e.kommunenummer).second) {
                    r.error("kommunenummer", "municipality " + e.kommunenummer + " is listed twice");
                }
            }
            if (r.get("status") && !r.get("status")->is_null())
                e.status = r.oneOf("status", {"SENDT", "MOTTATT", "LEVERT", "LEST", "FEIL", "LEVETID_UTLOPT"}, false);
            auto date = [&](const std::string& key) -> std::optional<Date> {
                const Json* v = r.get(key);
                if (!v || v->is_null()) return std::nullopt;
                auto d = r.date(key, false);
                if (d && *d < occasion.documentDate)
                    r.error(key, d->iso() + " is before the dispatch of " + occasion.id + " on " + occasion.documentDate.iso());
                else if (d && today && *today < *d)
                    r.error(key, d->iso() + " is after --dato " + today->iso());
                return d;
            };
            e.statusDate = date("status_dato");
            e.commentsReceived = date("merknader_motteke");
            e.councilDecision = date("vedtaksdato");
            e.signedAgreementReceived = date("signert_avtale_motteke");
            if (e.status && !e.statusDate) r.error("status", "a status needs the date it was reported (\"status_dato\")");
            e.email = r.nullableString("epost");
            e.contact = r.nullableString("kontaktperson");
            e.note = r.nullableString("notat").value_or("");
            fu.entries.push_back(std::move(e));
        }
    }
    if (diags.size() != before) return std::nullopt;
    return fu;
}

}  // namespace dv::input
