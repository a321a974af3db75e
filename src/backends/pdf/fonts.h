// Font programs for embedding, made with HarfBuzz's subsetter (hb-subset): each face's font file
// is read once per process; a subset holds the glyphs asked for (and .notdef and the components of
// composite glyphs), renumbered densely (no HB_SUBSET_FLAGS_RETAIN_GIDS: hmtx and loca then hold
// only those glyphs), and the content streams draw the new glyph ids (CIDToGIDMap /Identity).
// Documents that ask for the same glyphs of a face share one subset, made and compressed once:
// with the run's repertoire (pdf.h) that is one subset per face for the whole run.
// HarfBuzz's subsetter is used nowhere else (its shaper is in shaping.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace dv::pdf {

struct FontProgram {
    std::string compressed;  // the subset font file, FlateDecode'd: a FontFile2 stream's data
    std::size_t length1 = 0;  // its uncompressed length (/Length1)
    std::string tag;          // the six-letter subset tag ("ABCDEF+Name"), derived from the bytes
    std::vector<std::uint16_t> newGid;  // the font's glyph id → the subset's (0: not in the subset)
};

// The subset of the font file at `path` for the glyph ids a document draws. Thread-safe.
std::shared_ptr<const FontProgram> fontProgram(const std::string& path, const std::set<std::uint16_t>& used);

}  // namespace dv::pdf
