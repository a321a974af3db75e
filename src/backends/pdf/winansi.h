// WinAnsiEncoding (ISO 32000-1 Annex D, Table D.2) for simple TrueType fonts: a face whose drawn
// characters all have a code there is embedded with one byte per character, so that word spacing
// can be the Tw operator (it applies to the single-byte code 32 only) and the content stream is
// half the size. Internal to the PDF backend; no PoDoFo, no FreeType.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace dv::pdf::detail {

// The WinAnsiEncoding code of a character, or none.
std::optional<std::uint8_t> winAnsiCode(char32_t cp);

// The character whose glyph a viewer draws for `code` of a non-symbolic TrueType font: the
// Unicode value of the code's glyph name in the Adobe Glyph List, looked up in the font's (3,1)
// cmap (ISO 32000-1 9.6.6.4). That is the character itself except for the two duplicate names:
// 0xA0 is "space" (U+0020) and 0xAD is "hyphen" (U+002D).
char32_t winAnsiGlyphCharacter(std::uint8_t code);

// The character a code stands for in the text (Windows-1252; 0xA0 no-break space, 0xAD soft
// hyphen), or 0 for the five codes WinAnsiEncoding leaves unused above 0x7E and those below 0x20.
char32_t winAnsiCharacter(std::uint8_t code);

// The ToUnicode CMap (Adobe technical note 5411) of every code WinAnsiEncoding defines: the same
// for every simple font the backend writes.
std::string winAnsiUnicodeCMap();

}  // namespace dv::pdf::detail
