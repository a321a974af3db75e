#include "backends/ehf/sbdh.h"

#include <sstream>

namespace dv::ehf {

std::string documentTypeId(bool creditNote) {
    const std::string root = creditNote ? "CreditNote" : "Invoice";
    return "urn:oasis:names:specification:ubl:schema:xsd:" + root + "-2::" + root +
           "##urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0::2.1";
}

std::string uuidFromHash(const std::string& h) {
    std::string u = h.substr(0, 32);
    u[12] = '8';                                                       // version 8 (custom)
    u[16] = "89ab"[std::stoi(u.substr(16, 1), nullptr, 16) & 3];      // variant 10xx
    return u.substr(0, 8) + "-" + u.substr(8, 4) + "-" + u.substr(12, 4) + "-" + u.substr(16, 4) + "-" + u.substr(20, 12);
}

std::string envelope(const Envelope& e, const std::string& ubl) {
    const std::string root = e.creditNote ? "CreditNote" : "Invoice";
    std::string body = ubl;
    if (body.rfind("<?xml", 0) == 0) body = body.substr(body.find("?>") + 2);
    if (!body.empty() && body[0] == '\n') body.erase(0, 1);
    std::ostringstream x;
    x << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<StandardBusinessDocument xmlns=\"http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader\">\n"
      << "  <StandardBusinessDocumentHeader>\n    <HeaderVersion>1.0</HeaderVersion>\n"
      << "    <Sender><Identifier Authority=\"iso6523-actorid-upis\">0192:" << e.senderOrgnr << "</Identifier></Sender>\n"
      << "    <Receiver><Identifier Authority=\"iso6523-actorid-upis\">0192:" << e.receiverOrgnr << "</Identifier></Receiver>\n"
      << "    <DocumentIdentification>\n"
      << "      <Standard>urn:oasis:names:specification:ubl:schema:xsd:" << root << "-2</Standard>\n"
      << "      <TypeVersion>2.1</TypeVersion>\n"
      << "      <InstanceIdentifier>" << e.instanceId << "</InstanceIdentifier>\n"
      << "      <Type>" << root << "</Type>\n"
      << "      <CreationDateAndTime>" << e.created.iso() << "T00:00:00</CreationDateAndTime>\n"
      << "    </DocumentIdentification>\n    <BusinessScope>\n"
      << "      <Scope><Type>DOCUMENTID</Type><InstanceIdentifier>" << documentTypeId(e.creditNote)
      << "</InstanceIdentifier><Identifier>busdox-docid-qns</Identifier></Scope>\n"
      << "      <Scope><Type>PROCESSID</Type><InstanceIdentifier>" << kProcessId
      << "</InstanceIdentifier><Identifier>cenbii-procid-ubl</Identifier></Scope>\n"
      << "      <Scope><Type>COUNTRY_C1</Type><InstanceIdentifier>" << e.country << "</InstanceIdentifier></Scope>\n"
      << "    </BusinessScope>\n  </StandardBusinessDocumentHeader>\n"
      << body;
    if (!body.empty() && body.back() != '\n') x << "\n";
    x << "</StandardBusinessDocument>\n";
    return x.str();
}

}  // namespace dv::ehf
