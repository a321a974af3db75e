#include "app/web.h"

#include "backends/html/html.h"
#include "input/labels.h"

namespace dv::app {
namespace {

html::Words loadWords(const std::string& path) {
    Diagnostics diags;
    auto labels = input::loadLabels(path, diags);
    auto word = [&](const std::string& key) {
        auto it = labels.find(key);
        if (it != labels.end() && !it->second.empty()) return it->second;
        bool unreadable = labels.empty() && !diags.empty();  // said once already
        if (!unreadable) diags.add(path, "/" + key, "missing: the web edition needs this text");
        return std::string();
    };
    html::Words w{word("hopp_til_hovudinnhald"), word("innhald"), word("pdf_utgaave")};
    if (!diags.empty()) throw InputError{diags};
    return w;
}

std::string fileName(const std::string& rel) { return rel.substr(rel.rfind('/') + 1); }

}  // namespace

std::string knowledgeBaseHtml(const DocumentEngine& engine, Language lang, const doc::Document& d, const std::string& relBase) {
    html::Page page{languageDir(lang), loadWords(engine.templatesDir() + "/" + languageDir(lang) + "/html.json"),
                    fileName(relBase) + ".pdf"};
    return html::writeHtml(d, engine.style(), page);
}

}  // namespace dv::app
