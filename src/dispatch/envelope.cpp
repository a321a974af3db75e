#include "dispatch/envelope.h"

#include <nlohmann/json.hpp>

namespace dv::dispatch {
namespace {

using json = nlohmann::ordered_json;

json identifier(const std::string& orgnr) {
    return {{"identifier", {{"authority", "iso6523-actorid-upis"}, {"value", "0192:" + orgnr}}}};
}

}  // namespace

std::string sbdJson(const Case& c, const Parties& p) {
    json scope = {{"type", "ConversationId"},
                  {"instanceIdentifier", contentUuid("conversation\n" + messageId(c))},
                  {"identifier", kAdministrationProcess}};
    json header = {{"headerVersion", "1.0"},
                   {"sender", json::array({identifier(p.senderOrgnr)})},
                   {"receiver", json::array({identifier(p.receiverOrgnr)})},
                   {"documentIdentification",
                    {{"standard", kArkivmeldingStandard},
                     {"typeVersion", "2.0"},
                     {"instanceIdentifier", messageId(c)},
                     {"type", "arkivmelding"},
                     {"creationDateAndTime", c.date.iso() + "T12:00:00Z"}}},
                   {"businessScope", {{"scope", json::array({scope})}}}};
    json sbd = {{"standardBusinessDocumentHeader", header},
                {"arkivmelding", {{"sikkerhetsnivaa", 3}, {"hoveddokument", "arkivmelding.xml"}}}};
    return sbd.dump(2) + "\n";
}

std::string svarUtJson(const Case& c, const Letter& l, const Parties& p) {
    json documents = json::array();
    for (const File& f : l.files) documents.push_back({{"filnavn", f.name}, {"mimeType", f.mimeType}});
    json f = {{"mottaker", {{"digitalId", p.receiverOrgnr}, {"navn", l.receiver}}},
              {"avgivendeSystem", c.system},
              {"tittel", l.title},
              {"eksternReferanse", letterId(c, l)},
              {"kunDigitalLevering", true},
              {"dokumenter", documents},
              {"metadataFraAvleverendeSystem",
               {{"journalposttype", "U"},
                {"journalstatus", "J"},
                {"journaldato", l.date.iso()},
                {"dokumentetsDato", l.date.iso()},
                {"tittel", l.title}}}};
    return f.dump(2) + "\n";
}

}  // namespace dv::dispatch
