// The document's XMP packet (PDF/A-2a and PDF/UA-1 identification, Dublin Core, the pdfaExtension
// schema for pdfuaid) and the dates of the Info dictionary, from the document's own date.
#pragma once

#include <string>

#include "backends/pdf/pdf.h"

namespace dv::pdf::detail {

std::string pdfDate(const Date& d);  // "D:20240509120000+01'00'"
std::string xmpDate(const Date& d);  // "2024-05-09T12:00:00+01:00"
std::string xmp(const DocumentInfo& info, const std::string& producer, const std::string& creator);

}  // namespace dv::pdf::detail
