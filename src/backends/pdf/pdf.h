// The PDF backend: laid-out pages written as PDF/A-2a with a PDF/UA-1 claim through PoDoFo 0.9.8
// (see shared/PODOFO-0.9.8.md for the traps worked around here). PoDoFo, FreeType and HarfBuzz's
// subsetter are used only in this module.
#pragma once

#include <memory>
#include <string>

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

// The finished file's bytes. Throws std::runtime_error when PoDoFo fails.
std::string writePdf(const layout::Laid& laid, const Style& style, const DocumentInfo& info);

}  // namespace dv::pdf
