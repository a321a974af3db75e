// PDF object syntax, compact (ISO 32000-1 §7.3): a PoDoFo value written with white space only
// where two tokens would otherwise run together ("<</S/P/K[0 1]/P 12 0 R>>"). Text strings whose
// characters all exist in PDFDocEncoding are written in it (one byte a character), the others
// as UTF-16BE with a byte order mark; both as literal strings. Reals keep PoDoFo's six decimals,
// trailing zeros dropped. Used by the file writer (hybrid.h) only.
#pragma once

#include <string>

namespace PoDoFo {
class PdfVariant;
class PdfDictionary;
}  // namespace PoDoFo

namespace dv::pdf {

// Appends `v` to `out`, with a space before it when it would otherwise join the last token.
void writeValue(const PoDoFo::PdfVariant& v, std::string& out);

// A stream's dictionary: as writeValue, with /Length set to `length` (the bytes stored).
void writeStreamDict(const PoDoFo::PdfDictionary& d, long long length, std::string& out);

// Appends a token (a keyword, number or reference) with the same spacing rule.
void writeToken(std::string_view token, std::string& out);

}  // namespace dv::pdf
