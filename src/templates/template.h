// The template stage: a Markdown file with Mustache tags, filled from a view value, parsed into a
// document tree. Mustache (kainjow) lives in mustache.cpp, CommonMark (cmark-gfm) in markdown.cpp;
// nothing else sees either library.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostic.h"
#include "report/view_value.h"
#include "templates/document.h"

namespace dv::tmpl {

// Fills the Mustache tags of `source`. Every tag must name a value the view has (in the context
// the sections give), and sections must be closed: otherwise a diagnostic "file:line:col: ..."
// and no result. Values are escaped for Markdown ({{x}}); {{{x}}} inserts Markdown as is.
enum class Escape { Markdown, None };
std::optional<std::string> renderMustache(const std::string& file, const std::string& source,
                                          const view::Value& view, Diagnostics& diags,
                                          Escape escape = Escape::Markdown);

// Parses Markdown (CommonMark + GFM tables) into the document tree. A front matter block of
// "key: value" lines between two "---" lines at the top becomes Document::meta. Special blocks:
// "<!-- innhald -->" (table of contents), "<!-- sideskift -->" (page break) and "<!-- forslag til
// vedtak -->" (the next paragraph is the proposed decision: Block::role). Constructs the
// layout cannot render (images, raw HTML, code blocks) are diagnostics "file:line: ...".
std::optional<doc::Document> parseMarkdown(const std::string& file, const std::string& markdown,
                                           Diagnostics& diags);

// Reads `path`, renders it with `view`, parses the result. Reports a missing file too.
std::optional<doc::Document> renderDocument(const std::string& path, const view::Value& view,
                                            Diagnostics& diags);

}  // namespace dv::tmpl
