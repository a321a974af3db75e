// The look of every PDF the pipeline makes, from templates/stil.json (read by the input stage):
// page, margins, typefaces, sizes, colours, spacing. Lengths in PDF points (the file gives mm).
#pragma once

#include <array>
#include <string>

namespace dv {

struct Rgb {
    int r = 0, g = 0, b = 0;  // 0..255
};

// The six faces a document uses. Paths to TrueType (.ttf) files.
enum Face { BodyRegular, BodyBold, BodyItalic, BodyBoldItalic, HeadRegular, HeadBold, FaceCount };

struct Style {
    std::string file;  // where it was read from, for messages
    double pageWidth = 595.276, pageHeight = 841.89;
    double marginTop = 70, marginBottom = 70, marginLeft = 70, marginRight = 70;
    std::array<std::string, FaceCount> fonts;
    double bodySize = 10.5;
    double leading = 1.4;          // line height as a multiple of the font size
    std::array<double, 4> headingSizes{18, 14, 12, 11};  // H1..H4 (H5, H6 use H4)
    double tableSize = 9;
    double headerFooterSize = 8;
    double titleSize = 26, subtitleSize = 15;
    double paragraphSpace = 6;     // after a paragraph
    double headingSpaceBefore = 16, headingSpaceAfter = 6;
    double listIndent = 18;
    double cellPadding = 3;
    Rgb text{0x1a, 0x1a, 0x1a}, heading{0x0b, 0x3d, 0x6b}, rule{0x88, 0x88, 0x88},
        tableHeaderFill{0xdd, 0xe7, 0xf0}, link{0x0b, 0x3d, 0x6b}, muted{0x55, 0x55, 0x55};
    int numberDepth = 3;    // heading levels numbered
    int contentsDepth = 2;  // heading levels listed in the contents
    bool chapterOnNewPage = false;
    std::string hyphenationNb, hyphenationNn;  // libhyphen dictionaries
    int hyphenMinLeft = 2, hyphenMinRight = 3;
    std::string iccProfile;  // sRGB profile for the PDF/A output intent
};

}  // namespace dv
