// Deflate (zlib format, level 9) for the streams the PDF backend compresses itself: page content,
// object streams and the cross-reference stream. zlib is deterministic for a given input and level.
#pragma once

#include <string>
#include <string_view>

namespace dv::pdf {

std::string deflate9(std::string_view bytes);

}  // namespace dv::pdf
