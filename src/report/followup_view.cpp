#include "report/followup_view.h"

#include "report/norsk.h"

namespace dv {
namespace {

using view::List;
using view::Value;

std::string fullName(const MunicipalView& mv) { return mv.value.find("kommune")->find("fullt_namn")->str(); }

}  // namespace

FollowUpStatus followUpStatus(const std::vector<MunicipalView>& views, const FollowUp& fu, const Occasion& occasion,
                              const Date& today) {
    FollowUpStatus st;
    const bool hearing = occasion.kind == Occasion::Kind::Hearing;
    for (const MunicipalView& mv : views) {
        FollowUpRow row;
        row.mv = &mv;
        row.entry = fu.find(mv.kommune->kommunenummer);
        const FollowUpEntry none;
        const FollowUpEntry& e = row.entry ? *row.entry : none;
        row.decision = e.councilDecision;
        if (!row.decision && !hearing && mv.kommune->host) row.decision = occasion.hostDecision;
        row.missingComments = hearing && !e.commentsReceived;
        row.missingDecision = !hearing && !row.decision;
        row.missingAgreement = !hearing && !e.signedAgreementReceived;
        row.done = !row.missingComments && !row.missingDecision && !row.missingAgreement;
        row.late = !row.done && occasion.deadline < today;
        row.reminder = row.late && !mv.kommune->host;
        FollowUpCounts& c = st.counts;
        ++c.municipalities;
        if (e.status) {
            ++c.sent;
            c.delivered += *e.status == "LEVERT" || *e.status == "LEST";
            c.read += *e.status == "LEST";
            c.failed += *e.status == "FEIL" || *e.status == "LEVETID_UTLOPT";
        }
        c.comments += e.commentsReceived.has_value();
        c.decisions += row.decision.has_value();
        c.signedAgreements += e.signedAgreementReceived.has_value();
        c.done += row.done;
        c.late += row.late;
        c.open += !row.done && !row.late;
        c.reminders += row.reminder;
        st.rows.push_back(row);
    }
    return st;
}

Value followUpReportView(const FollowUpStatus& st, const Occasion& occasion, const Settings& s, const Date& today) {
    auto n = [](int v) { return norsk::integer(v); };
    Value v;
    v["samarbeid"] = s.name;
    v["vert"] = s.host.name;
    v["dato"] = norsk::date(today);
    v["frist"] = norsk::date(occasion.deadline);
    v["dokumentdato"] = norsk::date(occasion.documentDate);
    v["hoyring"] = occasion.kind == Occasion::Kind::Hearing;
    v["vedtak"] = occasion.kind == Occasion::Kind::Decision;
    v["fristen_er_ute"] = occasion.deadline < today;
    const FollowUpCounts& c = st.counts;
    Value t;
    t["kommunar"] = n(c.municipalities);
    t["sendt"] = n(c.sent);
    t["levert"] = n(c.delivered);
    t["lese"] = n(c.read);
    t["feil"] = n(c.failed);
    t["merknader"] = n(c.comments);
    t["vedtak"] = n(c.decisions);
    t["signert"] = n(c.signedAgreements);
    t["ferdige"] = n(c.done);
    t["forseinka"] = n(c.late);
    t["opne"] = n(c.open);
    t["purrebrev"] = n(c.reminders);
    v["tal"] = t;
    List done, late, open;
    for (const FollowUpRow& r : st.rows) {
        Value row;
        row["namn"] = fullName(*r.mv);
        row["nummer"] = r.mv->kommune->kommunenummer;
        const FollowUpEntry* e = r.entry;
        row["har_vedtaksdato"] = r.decision.has_value();
        row["vedtaksdato"] = r.decision ? norsk::date(*r.decision) : std::string();
        row["vert"] = r.mv->kommune->host;
        row["har_signert"] = e && e->signedAgreementReceived;
        row["signert"] = e && e->signedAgreementReceived ? norsk::date(*e->signedAgreementReceived) : std::string();
        row["har_merknader"] = e && e->commentsReceived;
        row["merknader"] = e && e->commentsReceived ? norsk::date(*e->commentsReceived) : std::string();
        row["manglar_merknader"] = r.missingComments;
        row["manglar_vedtak"] = r.missingDecision;
        row["manglar_avtale"] = r.missingAgreement;
        (r.done ? done : r.late ? late : open).push_back(row);
    }
    v["har_ferdige"] = !done.empty();
    v["har_forseinka"] = !late.empty();
    v["har_opne"] = !open.empty();
    v["ferdige"] = done;
    v["forseinka"] = late;
    v["opne"] = open;
    return v;
}

Value reminderView(const FollowUpRow& row, const Date& today) {
    Value v = row.mv->value;
    Value p;
    p["dato"] = norsk::date(today);
    p["manglar_merknader"] = row.missingComments;
    p["manglar_vedtak"] = row.missingDecision;
    p["manglar_avtale"] = row.missingAgreement;
    p["manglar_begge"] = row.missingDecision && row.missingAgreement;
    p["manglar_berre_avtale"] = row.missingAgreement && !row.missingDecision;
    p["manglar_berre_vedtak"] = row.missingDecision && !row.missingAgreement;
    const FollowUpEntry* e = row.entry;
    (void)e;
    p["har_vedtaksdato"] = row.decision.has_value();
    p["vedtaksdato"] = row.decision ? norsk::date(*row.decision) : std::string();
    v["purring"] = p;
    return v;
}

}  // namespace dv
