// The web edition of the knowledge base (issue 11): the document tree the PDF is laid out from,
// through the HTML backend, beside the PDF with the same name and .html (kind
// kunnskapsgrunnlag-html), its own words from templates/<nn|nb>/html.json.
#pragma once

#include <string>

#include "app/documents.h"
#include "app/output.h"
#include "report/view_value.h"

namespace dv::app {

// The web edition of the knowledge base's tree `d` (DocumentEngine::document), to be written at
// `relBase` + ".html" (relBase e.g. "kunnskapsgrunnlag/kunnskapsgrunnlag-2021-nn") and linking to
// relBase + ".pdf" beside it. Throws InputError for a wording file that is missing or lacks a word.
std::string knowledgeBaseHtml(const DocumentEngine& engine, Language lang, const doc::Document& d, const std::string& relBase);

}  // namespace dv::app
