// The editable case document as OpenDocument Text (ODF 1.3, .odt), from the same document tree
// the PDF is laid out from: headings as text:h with outline levels and the "Heading N" styles,
// lists as text:list, tables with table:table-header-rows, block quotes as "Quotations", the
// paragraph with role "forslag-til-vedtak" in the style "Forslag til vedtak", the language in
// the default style and meta.xml. Our own XML, zipped by backends/zip with "mimetype" first and
// stored, every entry dated with the document date: the same tree gives the same bytes.
#pragma once

#include <string>
#include <vector>

#include "backends/zip/zip.h"
#include "core/date.h"
#include "templates/document.h"

namespace dv::odt {

struct Info {
    std::string title;
    std::string subject;
    std::string author;
    std::string keywords;
    std::string lang;  // BCP 47: "nn-NO", "nb-NO"
    Date date;
};

std::vector<zip::Entry> parts(const doc::Document& d, const Info& info);

// Writes the .odt at `path`; throws std::runtime_error naming the path.
void write(const std::string& path, const doc::Document& d, const Info& info);

}  // namespace dv::odt
