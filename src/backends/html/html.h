// The web edition of a document (issue 11): the same document tree the PDF is laid out from,
// written as one self-contained HTML page — inline CSS from the style, no scripts, no files
// beside it. The front matter's title is the page's only h1 (in the header, with the subtitle,
// publisher, date and version); the template's headings follow one level down, never skipping a
// level. Landmarks: header (with the skip link), main, the contents list as a nav inside main
// where the template has "<!-- innhald -->", footer. Tables have column header cells, lists are
// lists, links are links, a run in the other målform has its lang. The page's own words (skip
// link, contents label, the link to the PDF) come from templates/<nn|nb>/html.json through
// Words: there is no visible text in this backend. Same tree, same bytes.
#pragma once

#include <string>

#include "model/style.h"
#include "templates/document.h"

namespace dv::html {

struct Words {
    std::string skipLink;     // the skip link to the main content
    std::string contents;     // the contents list's label when no heading stands before it
    std::string otherEdition; // the footer's link to the PDF edition
};

struct Page {
    std::string lang;              // BCP 47 of the document: "nn", "nb"
    Words words;
    std::string otherEditionHref;  // relative URL of the PDF edition; "" for no link
};

std::string writeHtml(const doc::Document& d, const Style& st, const Page& page);

}  // namespace dv::html
