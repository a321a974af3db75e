// The page's style sheet, from the same templates/stil.json as the PDF: its colours, the sizes
// of the headings relative to the body text, line height and spacing. The web edition leaves the
// typefaces to the reader's browser (serif text, sans-serif headings, as the PDF's faces are):
// the PDF embeds its fonts, a page that embedded them would weigh megabytes.
#pragma once

#include <string>

#include "model/style.h"

namespace dv::html {

std::string css(const Style& st);

}  // namespace dv::html
