#include "backends/pdf/xmp.h"

#include <cstdio>
#include <sstream>

#include "core/text.h"

namespace dv::pdf::detail {

std::string pdfDate(const Date& d) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "D:%04d%02d%02d120000+01'00'", d.year, d.month, d.day);
    return buf;
}
std::string xmpDate(const Date& d) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT12:00:00+01:00", d.year, d.month, d.day);
    return buf;
}

std::string xmp(const DocumentInfo& info, const std::string& producer, const std::string& creator) {
    std::ostringstream x;
    x << "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      << "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      << "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      << "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
      << "<dc:format>application/pdf</dc:format>\n"
      << "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" << xmlEscape(info.title) << "</rdf:li></rdf:Alt></dc:title>\n"
      << "<dc:creator><rdf:Seq><rdf:li>" << xmlEscape(info.author) << "</rdf:li></rdf:Seq></dc:creator>\n"
      << "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" << xmlEscape(info.subject) << "</rdf:li></rdf:Alt></dc:description>\n"
      << "<dc:language><rdf:Bag><rdf:li>" << info.lang << "</rdf:li></rdf:Bag></dc:language>\n"
      << "</rdf:Description>\n"
      << "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
      << "<xmp:CreateDate>" << xmpDate(info.date) << "</xmp:CreateDate>\n"
      << "<xmp:ModifyDate>" << xmpDate(info.date) << "</xmp:ModifyDate>\n"
      << "<xmp:MetadataDate>" << xmpDate(info.date) << "</xmp:MetadataDate>\n"
      << "<xmp:CreatorTool>" << xmlEscape(creator) << "</xmp:CreatorTool>\n"
      << "</rdf:Description>\n"
      << "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
      << "<pdf:Producer>" << xmlEscape(producer) << "</pdf:Producer>\n"
      << "<pdf:Keywords>" << xmlEscape(info.keywords) << "</pdf:Keywords>\n"
      << "</rdf:Description>\n"
      << "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
      << "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>A</pdfaid:conformance>\n"
      << "</rdf:Description>\n"
      << "<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
      << "<pdfuaid:part>1</pdfuaid:part>\n"
      << "</rdf:Description>\n"
      // PDF/A-2 accepts only predefined schemas unless declared: declare pdfuaid.
      << "<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\""
         " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
      << "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
      << "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
      << "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
      << "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
      << "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
      << "<pdfaProperty:name>part</pdfaProperty:name>\n<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
      << "<pdfaProperty:category>internal</pdfaProperty:category>\n"
      << "<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n"
      << "</rdf:li></rdf:Seq></pdfaSchema:property>\n"
      << "</rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
      << "</rdf:Description>\n"
      << "</rdf:RDF>\n</x:xmpmeta>\n";
    // No padding after the packet (XMP part 1 7.3.2 recommends it for editing in place; a file
    // made anew by every run is never edited so, and 346 PDFs carried 810 bytes of spaces each).
    x << "<?xpacket end=\"w\"?>";
    return x.str();
}

}  // namespace dv::pdf::detail
