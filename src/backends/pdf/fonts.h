// Font programs for embedding, made with HarfBuzz's subsetter (hb-subset): each face's font file
// is read once per process; a document's subset holds the glyphs it draws (and .notdef), glyph
// ids kept (HB_SUBSET_FLAGS_RETAIN_GIDS), so content streams and the CIDToGIDMap /Identity need no
// remapping. Documents that draw the same glyphs of a face share one subset, made and compressed
// once. (One subset per face for the whole run would need every document laid out before the
// first is written; a fixed repertoire subset instead made every PDF four times larger.)
// HarfBuzz is used nowhere else.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <set>
#include <string>

namespace dv::pdf {

struct FontProgram {
    std::string compressed;  // the subset font file, FlateDecode'd: a FontFile2 stream's data
    std::size_t length1 = 0;  // its uncompressed length (/Length1)
    std::string tag;          // the six-letter subset tag ("ABCDEF+Name"), derived from the bytes
};

// The subset of the font file at `path` for the glyph ids a document draws. Thread-safe.
std::shared_ptr<const FontProgram> fontProgram(const std::string& path, const std::set<std::uint16_t>& used);

}  // namespace dv::pdf
