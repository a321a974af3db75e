// The knowledge base of a run: each målform's edition (PDF, web edition, title) rendered once and
// shared by the kunnskapsgrunnlag target and the hearing packages, which carry the same bytes.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "app/documents.h"
#include "model/model.h"

namespace dv::app {

struct KnowledgeBase {
    std::string base;  // OUT-relative path without .pdf / .html
    std::string pdf, html, title;
};

class KnowledgeBases {
public:
    KnowledgeBases(const Inputs& in, DocumentEngine& engine) : in_(in), engine_(engine) {}
    // The edition in `lang`, rendered on first use (safe from several threads: the other waits).
    // Throws InputError.
    const KnowledgeBase& edition(Language lang);

private:
    KnowledgeBase render(Language lang) const;
    const Inputs& in_;
    DocumentEngine& engine_;
    std::mutex mutex_;
    std::map<Language, std::unique_ptr<std::once_flag>> once_;
    std::map<Language, KnowledgeBase> done_;
};

}  // namespace dv::app
