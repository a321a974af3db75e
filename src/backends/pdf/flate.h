// Deflate (zlib format, made by libdeflate) for the streams the PDF backend compresses itself:
// page content, object streams, the cross-reference stream, CMaps, the ICC profile and the font
// programs. Deterministic for a given input and level, so the bytes are reproducible.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dv::pdf {

// What is made for every PDF (page content, object streams, xref streams): level 6. On the
// knowledge base's page content level 9 took five times as long (70 ms against 13) for 3 % fewer
// bytes.
constexpr int kStreamLevel = 6;
// Object streams of at least kLargeStreamBytes (the structure tree of a long document): level 10,
// libdeflate's near-optimal parsing, which finds the long repeats of thousands of structure
// elements: the knowledge base's three object streams (160 KB raw) 33.8 → 29.1 KB, for 10 ms. Its
// match finder costs about 0.4 ms to reset per stream, so a small one (an invoice's 8 KB, where it
// saved 300 bytes) stays at kStreamLevel. Two or more large streams are shared with a second
// thread (hybrid.cpp).
constexpr int kLargeStreamLevel = 10;
constexpr std::size_t kLargeStreamBytes = 32 * 1024;
// Font programs: level 12, libdeflate's best. Most are the run's subsets, made once and embedded in
// hundreds of PDFs.
constexpr int kFontLevel = 12;

std::string deflate(std::string_view bytes, int level);

}  // namespace dv::pdf
