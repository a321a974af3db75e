// The web edition of the knowledge base (issue 11): the document tree the PDF is laid out from,
// through the HTML backend, beside the PDF with the same name and .html (kind
// kunnskapsgrunnlag-html), its own words from templates/<nn|nb>/html.json.
#pragma once

#include <string>

#include "app/documents.h"
#include "app/output.h"
#include "report/view_value.h"

namespace dv::app {

// Writes `relBase` + ".html" (relBase e.g. "kunnskapsgrunnlag/kunnskapsgrunnlag-2021-nn"), linking
// to relBase + ".pdf" beside it; returns its size. Throws InputError for a template or wording
// file that is missing or lacks a word.
std::size_t putKnowledgeBaseHtml(DocumentEngine& engine, Language lang, const view::Value& view,
                                 const std::string& relBase, Staging& staging);

}  // namespace dv::app
