// The editable case document beside the PDF (issue 12): the same template and view, as .docx and
// .odt for the municipality's case system, and the proposed decision as plain text to paste.
#pragma once

#include <cstddef>
#include <string>

#include "app/documents.h"
#include "app/output.h"
#include "report/municipal_view.h"

namespace dv::app {

// Writes saksframlegg/saksframlegg-NNNN-namn.docx and .odt and forslag-til-vedtak-NNNN-namn.txt
// from template `name` (kinds saksframlegg-docx, saksframlegg-odt, forslag-til-vedtak). Throws
// InputError when the template has no "<!-- forslag til vedtak -->" paragraph, or several.
// The case document's tree `d` (DocumentEngine::document of template `name`) as DOCX and ODT, and
// its proposed decision as text; returns the files written.
std::size_t putEditableCaseDocument(const doc::Document& d, const std::string& name, const MunicipalView& mv,
                                    const Occasion& occasion, const std::string& author, Staging& staging);

// The text of the paragraphs with role "forslag-til-vedtak" (one line each).
std::string proposedDecision(const doc::Document& d);

}  // namespace dv::app
