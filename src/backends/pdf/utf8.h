// UTF-8 (validated upstream) to code points, for the PDF backend's hot loops. Internal.
#pragma once

#include <string>
#include <vector>

namespace dv::pdf::detail {

// Decodes UTF-8 (validated upstream) to code points.
inline std::vector<char32_t> codepoints(const std::string& s) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        char32_t cp;
        if (c < 0x80) { cp = c; i += 1; }
        else if ((c & 0xE0) == 0xC0) { cp = ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu); i += 2; }
        else if ((c & 0xF0) == 0xE0) { cp = ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu); i += 3; }
        else { cp = ((c & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6) | (s[i + 3] & 0x3Fu); i += 4; }
        out.push_back(cp);
    }
    return out;
}


}  // namespace dv::pdf::detail
