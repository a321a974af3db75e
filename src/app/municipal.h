// The per-municipality targets: agreement drafts, case documents, hearing packages (cover
// letter, knowledge base, agreement, case document, financing appendix, manifest) and the
// dispatch list.
#pragma once

#include <iosfwd>
#include <set>
#include <string>

#include "app/documents.h"
#include "app/knowledge.h"
#include "app/output.h"
#include "model/model.h"

namespace dv::app {

struct MunicipalTargets {
    bool agreements = false;  // avtalar
    bool caseDocuments = false;  // saksframlegg
    bool packages = false;  // hoyringspakkar (+ folgjebrev, utsendingsliste)
    bool dispatches = false;  // forsendingar (app/dispatch.h)
};

// Renders what `t` asks for, for `occasion`, into `staging`; throws InputError on bad input or
// templates. The cover letter and the case document have a template per kind of occasion
// (folgjebrev-hoyring.md, saksframlegg-vedtak.md, …); a hearing package also holds the knowledge
// base. Returns the number of files written.
std::size_t makeMunicipalDocuments(const Inputs& in, const Occasion& occasion, DocumentEngine& engine,
                                   KnowledgeBases& knowledge, const MunicipalTargets& t, Staging& staging);

}  // namespace dv::app
