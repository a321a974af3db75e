// The archive message eFormidling carries (Noark 5 "arkivmelding", version 1 of eFormidling's
// schema, the one the integration point validates against: one saksmappe, journalposts as
// registrering of xsi:type journalpost, dokumentbeskrivelse with dokumentobjekt carrying format,
// checksum and size, the receiver's organisation number in korrespondansepart, and the external
// key (referanseEksternNoekkel) v1 requires of every mappe and registrering). Plain values in, XML out: every identifier is a UUID derived from the content
// (contentUuid), every time the document date at a nominal 12:00 UTC, so a rerun gives the same
// bytes. schemas/arkivmelding.xsd is our own statement of what the official schema requires of
// the elements written here.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"

namespace dv::dispatch {

struct File {
    std::string name;          // file name in the dispatch folder (referanseDokumentfil)
    std::string title;         // the document's own title
    std::string documentType;  // dokumenttype: "Brev", "Avtale", ...
    std::string mimeType;      // "application/pdf"
    std::string format;        // dokumentobjekt format: "PDF/A-2a"
    std::string sha256;        // hex, of the bytes (seeds the dokumentbeskrivelse's UUID)
    std::uintmax_t bytes = 0;
};

// One outgoing letter: a journalpost; its first file is the main document (Hoveddokument).
struct Letter {
    std::string key;       // unique within the case ("4634"): seeds the UUIDs
    std::string title;     // journalpost tittel
    std::string receiver;  // korrespondansepartNavn ("Masfjorden kommune")
    std::string receiverOrgnr;  // korrespondansepart organisasjonsnummer ("" when unknown)
    Date date;             // journaldato, dokumentetsDato
    std::vector<File> files;
};

struct Case {
    std::string system;       // arkivmelding/system and opprettetAv ("DigiVestland")
    std::string key;          // seeds the case's UUIDs ("vedtak-2025")
    std::string title;        // saksmappe tittel
    std::string unit;         // administrativEnhet
    std::string responsible;  // saksansvarlig
    Date date;                // saksdato, opprettetDato, tidspunkt
    std::vector<Letter> letters;
};

// A UUID (RFC 9562 version 8: custom) made of the first 122 bits of SHA-256(seed).
std::string contentUuid(const std::string& seed);

// UUIDs of the case and of a letter, as the XML and the envelopes use them.
std::string messageId(const Case& c);
std::string caseId(const Case& c);
std::string letterId(const Case& c, const Letter& l);

std::string arkivmeldingXml(const Case& c);

}  // namespace dv::dispatch
