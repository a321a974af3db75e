#include "drawing/image.h"

namespace dv::draw {
namespace {

unsigned byteAt(const std::string& s, std::size_t i) { return static_cast<unsigned char>(s[i]); }
unsigned be16(const std::string& s, std::size_t i) { return byteAt(s, i) << 8 | byteAt(s, i + 1); }
unsigned long be32(const std::string& s, std::size_t i) {
    return static_cast<unsigned long>(be16(s, i)) << 16 | be16(s, i + 2);
}

}  // namespace

std::optional<ImageInfo> imageInfo(const std::string& b) {
    static const std::string png("\x89PNG\r\n\x1a\n", 8);
    if (b.size() >= 24 && b.compare(0, 8, png) == 0 && b.compare(12, 4, "IHDR") == 0) {
        unsigned long w = be32(b, 16), h = be32(b, 20);
        if (w == 0 || h == 0 || w > 100000 || h > 100000) return std::nullopt;
        return ImageInfo{ImageInfo::Format::Png, static_cast<int>(w), static_cast<int>(h)};
    }
    if (b.size() < 4 || byteAt(b, 0) != 0xFF || byteAt(b, 1) != 0xD8) return std::nullopt;
    std::size_t i = 2;
    while (i + 4 <= b.size()) {  // JPEG segments: FF marker, 16-bit length
        if (byteAt(b, i) != 0xFF) return std::nullopt;
        unsigned marker = byteAt(b, i + 1);
        if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { i += 2; continue; }
        unsigned len = be16(b, i + 2);
        if (marker >= 0xC0 && marker <= 0xC2) {
            if (i + 9 > b.size()) return std::nullopt;
            unsigned h = be16(b, i + 5), w = be16(b, i + 7);
            if (w == 0 || h == 0) return std::nullopt;
            return ImageInfo{ImageInfo::Format::Jpeg, static_cast<int>(w), static_cast<int>(h)};
        }
        if (marker == 0xD9 || marker == 0xDA || len < 2) return std::nullopt;
        i += 2 + len;
    }
    return std::nullopt;
}

}  // namespace dv::draw
