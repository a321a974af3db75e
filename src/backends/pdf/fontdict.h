// The dictionaries of an embedded font that are not the font program (fonts.h): its descriptor and
// its ToUnicode CMap. Internal to the PDF backend.
#pragma once

#include <podofo/podofo.h>

#include <cstdint>
#include <map>
#include <string>

#include "backends/pdf/face.h"

namespace dv::pdf::detail {

// A value in font units as 1/1000 em, to three decimals.
double perEm(const FaceData& fd, double units);

// The FontDescriptor of an embedded face (ISO 32000-1 §9.8, Table 122), `base` its "TAG+Name".
void describeInto(FaceData& fd, const std::string& base, PoDoFo::PdfDictionary& d);

// A ToUnicode CMap (Adobe technical note 5411) for glyph ids → the code points drawn with them.
std::string unicodeCMap(const std::map<std::uint16_t, char32_t>& drawn);

}  // namespace dv::pdf::detail
