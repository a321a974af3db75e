#include "dispatch/arkivmelding.h"

#include <sstream>

#include "core/sha256.h"
#include "core/text.h"

namespace dv::dispatch {
namespace {

std::string when(const Date& d) { return d.iso() + "T12:00:00Z"; }

std::string element(const std::string& indent, const std::string& name, const std::string& value) {
    return indent + "<" + name + ">" + xmlEscape(value) + "</" + name + ">\n";
}

std::string fileId(const Case& c, const Letter& l, const File& f) {
    return contentUuid("dokumentbeskrivelse\n" + c.key + "\n" + l.key + "\n" + f.name + "\n" + f.sha256);
}

void dokumentbeskrivelse(std::ostringstream& x, const Case& c, const Letter& l, std::size_t i) {
    const File& f = l.files[i];
    const std::string in = "        ", in2 = in + "  ";
    x << "      <dokumentbeskrivelse>\n"
      << element(in, "systemID", fileId(c, l, f)) << element(in, "dokumenttype", f.documentType)
      << element(in, "dokumentstatus", "Dokumentet er ferdigstilt") << element(in, "tittel", f.title)
      << element(in, "opprettetDato", when(l.date)) << element(in, "opprettetAv", c.system)
      << element(in, "tilknyttetRegistreringSom", i == 0 ? "Hoveddokument" : "Vedlegg")
      << element(in, "dokumentnummer", std::to_string(i + 1)) << element(in, "tilknyttetDato", when(l.date))
      << element(in, "tilknyttetAv", c.system) << in << "<dokumentobjekt>\n"
      << element(in2, "versjonsnummer", "1") << element(in2, "variantformat", "Arkivformat")
      << element(in2, "format", f.format) << element(in2, "mimeType", f.mimeType)
      << element(in2, "opprettetDato", when(l.date)) << element(in2, "opprettetAv", c.system)
      << element(in2, "referanseDokumentfil", f.name) << element(in2, "sjekksum", f.sha256)
      << element(in2, "sjekksumAlgoritme", "SHA-256") << element(in2, "filstoerrelse", std::to_string(f.bytes))
      << in << "</dokumentobjekt>\n"
      << "      </dokumentbeskrivelse>\n";
}

void korrespondansepart(std::ostringstream& x, const Letter& l) {
    const std::string in = "        ";
    x << "      <korrespondansepart>\n"
      << element(in, "korrespondanseparttype", "Mottaker") << element(in, "korrespondansepartNavn", l.receiver);
    if (!l.receiverOrgnr.empty())
        x << in << "<organisasjonsnummer>\n" << element(in + "  ", "organisasjonsnummer", l.receiverOrgnr) << in
          << "</organisasjonsnummer>\n";
    x << "      </korrespondansepart>\n";
}

void externalKey(std::ostringstream& x, const std::string& indent, const Case& c, const std::string& key) {
    std::string k = key;
    for (char& ch : k)
        if (ch == '\n') ch = '/';
    x << indent << "<referanseEksternNoekkel>\n"
      << element(indent + "  ", "fagsystem", c.system) << element(indent + "  ", "noekkel", k) << indent
      << "</referanseEksternNoekkel>\n";
}

// A journalpost as eFormidling's arkivmelding v1 orders it: the registrering's own elements
// (documents before the title, the external key last), then the journalpost's.
void journalpost(std::ostringstream& x, const Case& c, const Letter& l) {
    const std::string in = "      ";
    x << "    <registrering xsi:type=\"journalpost\">\n"
      << element(in, "systemID", letterId(c, l)) << element(in, "opprettetDato", when(l.date))
      << element(in, "opprettetAv", c.system) << element(in, "arkivertDato", when(l.date))
      << element(in, "arkivertAv", c.system) << element(in, "referanseForelderMappe", caseId(c));
    for (std::size_t i = 0; i < l.files.size(); ++i) dokumentbeskrivelse(x, c, l, i);
    x << element(in, "tittel", l.title) << element(in, "offentligTittel", l.title);
    korrespondansepart(x, l);
    externalKey(x, in, c, c.key + "/" + l.key);
    x << element(in, "journalposttype", "Utgående dokument") << element(in, "journalstatus", "Journalført")
      << element(in, "journaldato", l.date.iso()) << element(in, "dokumentetsDato", l.date.iso())
      << "    </registrering>\n";
}

}  // namespace

std::string contentUuid(const std::string& seed) {
    std::string h = sha256Hex(seed).substr(0, 32);
    h[12] = '8';  // version 8
    const char variant[] = "89ab";
    h[16] = variant[std::stoi(h.substr(16, 1), nullptr, 16) & 3];  // variant 10xx
    return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" + h.substr(20, 12);
}

std::string caseId(const Case& c) { return contentUuid("saksmappe\n" + c.key + "\n" + c.title); }

std::string letterId(const Case& c, const Letter& l) {
    std::string seed = "journalpost\n" + c.key + "\n" + l.key + "\n" + l.title;
    for (const File& f : l.files) seed += "\n" + f.name + " " + f.sha256;
    return contentUuid(seed);
}

std::string messageId(const Case& c) {
    std::string seed = "arkivmelding\n" + caseId(c);
    for (const Letter& l : c.letters) seed += "\n" + letterId(c, l);
    return contentUuid(seed);
}

std::string arkivmeldingXml(const Case& c) {
    std::size_t files = 0;
    for (const Letter& l : c.letters) files += l.files.size();
    std::ostringstream x;
    x << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<arkivmelding xmlns=\"http://www.arkivverket.no/standarder/noark5/arkivmelding\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
      << element("  ", "system", c.system) << element("  ", "meldingId", messageId(c)) << element("  ", "tidspunkt", when(c.date))
      << element("  ", "antallFiler", std::to_string(files)) << "  <mappe xsi:type=\"saksmappe\">\n"
      << element("    ", "systemID", caseId(c)) << element("    ", "tittel", c.title)
      << element("    ", "opprettetDato", when(c.date)) << element("    ", "opprettetAv", c.system);
    externalKey(x, "    ", c, c.key);
    for (const Letter& l : c.letters) journalpost(x, c, l);
    x << element("    ", "saksdato", c.date.iso()) << element("    ", "administrativEnhet", c.unit)
      << element("    ", "saksansvarlig", c.responsible) << element("    ", "saksstatus", "Under behandling")
      << "  </mappe>\n</arkivmelding>\n";
    return x.str();
}

}  // namespace dv::dispatch
