// Raster images in figures: the size a PNG or JPEG file states, read from its header (no image
// library here: the PDF backend embeds the file, an HTML backend can inline it).
#pragma once

#include <optional>
#include <string>

namespace dv::draw {

struct ImageInfo {
    enum class Format { Png, Jpeg } format;
    int width = 0, height = 0;  // pixels
};

// The format and pixel size of `bytes`, or nothing when they are neither a PNG (IHDR) nor a
// baseline or progressive JPEG (SOF0–SOF2).
std::optional<ImageInfo> imageInfo(const std::string& bytes);

}  // namespace dv::draw
