// Internal to the layout stage: the lines of each paragraph broken once per document. The passes
// that settle the contents page's numbers lay out the same text at the same widths again; line
// breaking depends on nothing but the fragments, the width, the alignment and the hyphenator.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "layout/layout.h"

namespace dv::layout::detail {

class LineCache {
public:
    LineCache(const Metrics& m, const Hyphenator& hyph) : m_(m), hyph_(hyph) {}
    // breakLines(frags, width, align, m, hyphenate ? &hyph : nullptr), computed on first use.
    const std::vector<SetLine>& lines(const std::vector<Fragment>& frags, double width, Alignment align, bool hyphenate);

private:
    const Metrics& m_;
    const Hyphenator& hyph_;
    std::unordered_map<std::string, std::vector<SetLine>> done_;
};

}  // namespace dv::layout::detail
