// What came back from the municipalities after a dispatch, as the coordinator records it in
// inputs/oppfolging.json: the integration point's last status (delivered, read), comments, the
// council's decision, the signed agreement; and the formal e-mail and contact where known.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace dv {

struct FollowUpEntry {
    std::string kommunenummer;
    std::optional<std::string> status;  // eFormidling's last status: SENDT, MOTTATT, LEVERT, LEST, FEIL, LEVETID_UTLOPT
    std::optional<Date> statusDate;
    std::optional<Date> commentsReceived;         // merknader_motteke
    std::optional<Date> councilDecision;          // vedtaksdato
    std::optional<Date> signedAgreementReceived;  // signert_avtale_motteke
    std::optional<std::string> email;    // formal e-mail (postmottak), when known
    std::optional<std::string> contact;  // contact person, when known
    std::string note;
};

struct FollowUp {
    std::string file;
    std::string occasion;  // the round the answers are for
    std::vector<FollowUpEntry> entries;

    const FollowUpEntry* find(const std::string& kommunenummer) const {
        for (const FollowUpEntry& e : entries)
            if (e.kommunenummer == kommunenummer) return &e;
        return nullptr;
    }
};

}  // namespace dv
