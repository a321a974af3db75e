// What travels with an arkivmelding: the eFormidling Standard Business Document header (sbd.json,
// eFormidling's JSON form of SBDH: sender and receiver as 0192:<organisation number>, the
// arkivmelding document type and the administration process) and the same letter as a KS SvarUt
// REST forsendelse (forsendelse.json: mottaker, tittel, dokumenter in sending order,
// metadataFraAvleverendeSystem). Values the sender's archive assigns (case and journal numbers)
// are not known here and are left out.
#pragma once

#include <string>

#include "dispatch/arkivmelding.h"

namespace dv::dispatch {

inline constexpr const char* kArkivmeldingStandard = "urn:no:difi:arkivmelding:xsd::arkivmelding";
inline constexpr const char* kAdministrationProcess = "urn:no:difi:profile:arkivmelding:administrasjon:ver1.0";

struct Parties {
    std::string senderOrgnr;    // the host, who sends
    std::string receiverOrgnr;  // the municipality
};

std::string sbdJson(const Case& c, const Parties& p);
std::string svarUtJson(const Case& c, const Letter& l, const Parties& p);

}  // namespace dv::dispatch
