// Where each heading of a page goes: its HTML level, its id, whether the contents list shows it.
// The template's shallowest level becomes h2 under the title (h1 when there is no title), the
// others follow it, and no heading is more than one level deeper than the heading before, so
// the page has no gap in its heading levels.
#pragma once

#include <cstddef>
#include <map>
#include <string>

#include "templates/document.h"

namespace dv::html {

struct HeadingPlace {
    int level = 2;       // 1..6
    std::string id;
    bool listed = false;  // in the contents list (after the Contents block, within its depth)
    int depth = 0;        // listed: 0 for the shallowest listed level, 1 below it, ...
};

struct Outline {
    std::map<std::size_t, HeadingPlace> headings;  // by index of the top-level block
    std::size_t contents = std::string::npos;      // index of the Contents block
    std::size_t contentsHeading = std::string::npos;  // the heading just before it, if any
};

// `hasTitle`: the page's h1 is the front matter's title. `reserved`: ids the page uses itself.
Outline outline(const doc::Document& d, bool hasTitle, int contentsDepth, const std::string& reserved);

// The text a heading shows: its number, if any, and its words ("2.1 Vedtak i KS-landstinget").
std::string headingLabel(const doc::Block& b);

}  // namespace dv::html
