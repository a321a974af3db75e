// SHA-256 of bytes, as lower-case hex (nettle is confined to this file).
#pragma once

#include <string>
#include <string_view>

namespace dv {
std::string sha256Hex(std::string_view bytes);
}
