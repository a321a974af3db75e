// The Peppol envelope for handing an EHF file to an access point: a Standard Business Document
// Header (UN/CEFACT SBDH 1.3 as Peppol Envelope Specification 2.0 uses it) around the UBL
// document, with sender and receiver as 0192: participant identifiers, the Peppol BIS Billing 3.0
// document type and process identifiers, and COUNTRY_C1 (the sender's country).
#pragma once

#include <string>

#include "core/date.h"

namespace dv::ehf {

struct Envelope {
    std::string senderOrgnr, receiverOrgnr;  // nine digits; written as 0192:NNNNNNNNN
    bool creditNote = false;
    std::string instanceId;  // unique per document (a UUID)
    Date created;            // CreationDateAndTime, at 00:00:00: from the document's date, never the clock
    std::string country = "NO";
};

// `ubl` is the XML that write() returns; its XML declaration is dropped inside the envelope.
std::string envelope(const Envelope& e, const std::string& ubl);

// A UUID (version-8 form, RFC 9562) made from a SHA-256 hex digest, so it is the same on a rerun.
std::string uuidFromHash(const std::string& sha256hex);

// The Peppol document type identifier (busdox-docid-qns) for an invoice or a credit note.
std::string documentTypeId(bool creditNote);
inline constexpr const char* kProcessId = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

}  // namespace dv::ehf
