// The PDF backend: laid-out pages written as PDF/A-2a with a PDF/UA-1 claim through PoDoFo 0.9.8
// (see shared/PODOFO-0.9.8.md for the traps worked around here). PoDoFo, FreeType and HarfBuzz's
// subsetter are used only in this module.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/date.h"
#include "layout/layout.h"
#include "model/style.h"

namespace dv::pdf {

// Font metrics for the layout stage, read with FreeType from the style's .ttf files (the same
// numbers PoDoFo writes into /W). Loaded once per path per process.
std::unique_ptr<layout::Metrics> loadMetrics(const Style& style, std::string& error);

struct DocumentInfo {
    std::string title;     // Info /Title, dc:title, shown as the window title
    std::string author;    // Info /Author, dc:creator
    std::string subject;   // Info /Subject, dc:description (make it unique per document: /ID)
    std::string keywords;  // Info /Keywords, pdf:Keywords
    std::string lang;      // "nb-NO" / "nn-NO"
    Date date;             // creation and modification date (fixed: output is reproducible)
};

// The code points a whole run may draw (its inputs, its templates and the few characters the code
// sets itself), sorted and unique. Given to writePdf, each face embeds one subset holding all of
// them: made and compressed once per run, the same bytes in every PDF of the run. A document that
// draws a code point outside it gets a subset of its own glyphs instead, so nothing is ever lost.
struct Repertoire {
    std::vector<char32_t> codePoints;
    bool has(char32_t cp) const;
};

// The finished file's bytes. Throws std::runtime_error when PoDoFo fails.
std::string writePdf(const layout::Laid& laid, const Style& style, const DocumentInfo& info,
                     const Repertoire* repertoire = nullptr);

}  // namespace dv::pdf
