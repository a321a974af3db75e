#include "app/knowledge.h"

#include "app/web.h"
#include "report/knowledge_view.h"

namespace dv::app {

const KnowledgeBase& KnowledgeBases::edition(Language lang) {
    std::once_flag* once;
    {
        std::lock_guard lock(mutex_);
        auto& slot = once_[lang];
        if (!slot) slot = std::make_unique<std::once_flag>();
        once = slot.get();
    }
    std::call_once(*once, [&] {
        KnowledgeBase kb = render(lang);
        std::lock_guard lock(mutex_);
        done_[lang] = std::move(kb);
    });
    std::lock_guard lock(mutex_);
    return done_.at(lang);
}

KnowledgeBase KnowledgeBases::render(Language lang) const {
    const Settings& s = in_.settings;
    Diagnostics diags;
    // the knowledge base is the hearing's document: its figures are for its own year
    auto view = buildKnowledgeView(in_, s.knowledgeBaseYear, diags);
    if (!view) throw InputError{diags};
    pdf::DocumentInfo info;
    info.author = s.name;
    info.subject = s.name + ": kunnskapsgrunnlag " + std::to_string(s.knowledgeBaseYear) + " (" + languageTag(lang) + ")";
    info.keywords = s.name + "; kunnskapsgrunnlag; " + std::to_string(s.knowledgeBaseYear);
    info.date = s.documentDate;
    KnowledgeBase kb;
    kb.base = "kunnskapsgrunnlag/kunnskapsgrunnlag-" + std::to_string(s.knowledgeBaseYear) +
              (lang == s.sharedLanguage ? "" : "-" + languageDir(lang));
    const doc::Document d = engine_.document(lang, "kunnskapsgrunnlag", *view);
    kb.pdf = engine_.render(lang, d, info);
    kb.html = knowledgeBaseHtml(engine_, lang, d, kb.base);
    auto title = d.meta.find("tittel");
    kb.title = title == d.meta.end() ? "" : title->second;
    return kb;
}

}  // namespace dv::app
