#include "invoicing/wording.h"

#include "input/labels.h"
#include "templates/template.h"

namespace dv::invoicing {

const char* languageDir(Language l) { return l == Language::Bokmal ? "nb" : "nn"; }

Wording::Wording(const std::string& templatesDir, Diagnostics& diags) : dir_(templatesDir) {
    for (Language l : {Language::Nynorsk, Language::Bokmal}) labels_[l] = input::loadLabels(file(l), diags);
}

std::string Wording::file(Language l) const { return dir_ + "/" + languageDir(l) + "/faktura.json"; }

bool Wording::has(Language l, const std::string& key) const {
    auto it = labels_.find(l);
    return it != labels_.end() && it->second.count(key);
}

std::string Wording::say(Language l, const std::string& key, const view::Value& v, Diagnostics& diags) const {
    if (!has(l, key)) {
        diags.add(file(l), "/" + key, "missing text for \"" + key + "\"");
        return {};
    }
    return tmpl::renderMustache(file(l) + " /" + key, labels_.at(l).at(key), v, diags, tmpl::Escape::None).value_or("");
}

std::string Wording::sayOr(Language l, const std::string& key, const view::Value& v, const std::string& fallback) const {
    if (!has(l, key)) return fallback;
    Diagnostics ignored;
    return tmpl::renderMustache(file(l) + " /" + key, labels_.at(l).at(key), v, ignored, tmpl::Escape::None).value_or(fallback);
}

}  // namespace dv::invoicing
