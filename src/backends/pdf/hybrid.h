// The PDF file itself (ISO 32000-1 §7.5): PoDoFo's objects written as a hybrid-reference file
// (§7.5.8.4). Streams, the catalogue and the Info dictionary are top-level objects listed in a
// classic cross-reference table; every other object (structure elements, pages, annotations,
// outline items, font dictionaries …) goes into object streams (/Type /ObjStm), which a
// cross-reference stream lists; the classic trailer points to it with /XRefStm. PDF/A-2 allows
// object streams, and PDFBox Preflight, which refuses a file whose only cross-reference is a
// stream, reads this one. The file starts with the header, the binary comment and the catalogue
// in plain text. Compact syntax (syntax.h), object streams deflated at level 9; /ID is the first
// 16 bytes of the SHA-256 of everything before the classic table, so same objects → same bytes.
#pragma once

#include <string>

namespace PoDoFo {
class PdfVecObjects;
class PdfReference;
}  // namespace PoDoFo

namespace dv::pdf {

std::string writeHybridFile(const PoDoFo::PdfVecObjects& objects, const PoDoFo::PdfReference& catalog,
                            const PoDoFo::PdfReference& info);

}  // namespace dv::pdf
