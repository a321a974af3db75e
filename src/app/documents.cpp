#include "app/documents.h"

#include "input/style.h"
#include "templates/template.h"

namespace dv::app {

std::string languageDir(Language l) { return l == Language::Bokmal ? "nb" : "nn"; }
std::string languageTag(Language l) { return l == Language::Bokmal ? "nb-NO" : "nn-NO"; }

DocumentEngine::DocumentEngine(std::string templatesDir) : dir_(std::move(templatesDir)) {
    Diagnostics diags;
    std::string path = dir_ + "/stil.json";
    auto st = input::loadStyle(path, diags);
    if (!st) throw InputError{diags};
    style_ = *st;
    std::string err;
    metrics_ = pdf::loadMetrics(style_, err);
    if (!metrics_) {
        diags.add(path, "/skrift", err);
        throw InputError{diags};
    }
    nb_ = std::make_unique<layout::Hyphenator>(style_.hyphenationNb, style_.hyphenMinLeft, style_.hyphenMinRight);
    nn_ = std::make_unique<layout::Hyphenator>(style_.hyphenationNn, style_.hyphenMinLeft, style_.hyphenMinRight);
    if (!nb_->loaded()) diags.add(path, "/orddeling/nb", "cannot load hyphenation patterns " + style_.hyphenationNb);
    if (!nn_->loaded()) diags.add(path, "/orddeling/nn", "cannot load hyphenation patterns " + style_.hyphenationNn);
    if (!diags.empty()) throw InputError{diags};
}

doc::Document DocumentEngine::document(Language lang, const std::string& name, const view::Value& view) {
    Diagnostics diags;
    std::string path = dir_ + "/" + languageDir(lang) + "/" + name + ".md";
    auto d = tmpl::renderDocument(path, view.resolved(lang), diags);  // input texts in the document's målform
    if (!d) throw InputError{diags};
    // "nummerering: nei" in the front matter: letters and case documents have plain headings
    if (!d->meta.count("nummerering") || d->meta.at("nummerering") != "nei") doc::numberHeadings(*d, style_.numberDepth);
    return std::move(*d);
}

layout::Laid DocumentEngine::layout(Language lang, const std::string& name, const view::Value& view) {
    Diagnostics diags;
    doc::Document d = document(lang, name, view);
    layout::Laid laid = layout::layoutDocument(d, style_, *metrics_, lang == Language::Bokmal ? *nb_ : *nn_, diags);
    if (!diags.empty()) throw InputError{diags};
    return laid;
}

std::string DocumentEngine::render(Language lang, const std::string& name, const view::Value& view,
                                   pdf::DocumentInfo info) {
    layout::Laid laid = layout(lang, name, view);
    if (info.title.empty() && laid.meta.count("tittel")) info.title = laid.meta.at("tittel");
    info.lang = languageTag(lang);
    return pdf::writePdf(laid, style_, info);
}

}  // namespace dv::app
