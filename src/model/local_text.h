// A text that reaches documents, in both written forms (målformer): nynorsk and bokmål. The input
// stage reads it from {"nn": "...", "nb": "..."}, or from one string where the field is a proper
// name, which is the same in both; a document takes the form of its own language.
#pragma once

#include <string>

namespace dv {

enum class Language;  // model/model.h: Nynorsk, Bokmal

struct LocalText {
    std::string nn;
    std::string nb;

    // The text in `lang`.
    const std::string& in(Language lang) const;
    bool empty() const { return nn.empty() && nb.empty(); }
    // A proper name (or an empty text): the same in both forms.
    static LocalText same(std::string s) { return LocalText{s, s}; }

    friend bool operator==(const LocalText&, const LocalText&) = default;
};

}  // namespace dv
