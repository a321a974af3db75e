// The follow-up register's figures (issue 12): per municipality what came back for an occasion
// and whether it is done or late on a given day; counts for the status report; the views of the
// status report and of a reminder letter.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/followup.h"
#include "model/model.h"
#include "report/municipal_view.h"

namespace dv {

struct FollowUpRow {
    const MunicipalView* mv = nullptr;
    const FollowUpEntry* entry = nullptr;  // null: nothing recorded
    bool done = false;  // hearing: comments received; decision round: decision and signed agreement
    bool late = false;  // not done and `today` is after the deadline
    bool reminder = false;  // late and not the host (the host does not write to itself)
    std::optional<Date> decision;  // recorded, or for the host in a decision round the occasion's host decision
    bool missingComments = false, missingDecision = false, missingAgreement = false;
};

struct FollowUpCounts {
    int municipalities = 0, sent = 0, delivered = 0, read = 0, failed = 0;
    int comments = 0, decisions = 0, signedAgreements = 0, done = 0, late = 0, open = 0, reminders = 0;
};

struct FollowUpStatus {
    std::vector<FollowUpRow> rows;  // in input order
    FollowUpCounts counts;
};

FollowUpStatus followUpStatus(const std::vector<MunicipalView>& views, const FollowUp& fu, const Occasion& occasion,
                              const Date& today);

// The status report's view (templates/<nb|nn>/oppfolging.md).
view::Value followUpReportView(const FollowUpStatus& st, const Occasion& occasion, const Settings& s, const Date& today);

// A reminder letter's view (templates/<nb|nn>/purrebrev.md): the municipality's view plus "purring".
view::Value reminderView(const FollowUpRow& row, const Date& today);

}  // namespace dv
