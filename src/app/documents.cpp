#include "app/documents.h"

#include <map>

#include "app/figures.h"
#include "core/unicode.h"
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

std::string DocumentEngine::missingIn(char32_t cp) const {
    for (int f = 0; f < FaceCount; ++f)
        if (!metrics_->covers(static_cast<Face>(f), cp)) return metrics_->name(static_cast<Face>(f));
    return "";
}

Diagnostics checkFontCoverage(const std::vector<input::InputText>& texts, const DocumentEngine& engine) {
    Diagnostics diags;
    std::map<char32_t, std::string> missing;  // each character asked once: code point → font lacking it
    for (const auto& t : texts) {
        for (char32_t cp : codePoints(t.value)) {
            auto it = missing.find(cp);
            if (it == missing.end()) it = missing.emplace(cp, engine.missingIn(cp)).first;
            if (it->second.empty()) continue;
            diags.add(t.file, t.pointer,
                      "character " + codePointName(cp) + " \"" + toUtf8(cp) + "\" is not in the font " + it->second +
                          ", so no document can print it: write it with another character, or choose a font "
                          "that has it (templates/stil.json)");
            break;
        }
    }
    return diags;
}

doc::Document DocumentEngine::document(Language lang, const std::string& name, const view::Value& view) {
    Diagnostics diags;
    std::string path = dir_ + "/" + languageDir(lang) + "/" + name + ".md";
    const view::Value resolved = view.resolved(lang);  // input texts in the document's målform
    auto d = tmpl::renderDocument(path, resolved, diags);
    if (!d) throw InputError{diags};
    resolveFigures(*d, resolved, dir_ + "/" + languageDir(lang) + "/figurar",
                   style_.pageWidth - style_.marginLeft - style_.marginRight,
                   [this](const std::string& text, double size) { return layout::textWidth(*metrics_, HeadRegular, size, text); },
                   diags);
    if (!diags.empty()) throw InputError{diags};
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
