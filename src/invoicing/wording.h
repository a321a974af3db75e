// The invoice's wording, per målform: templates/<nn|nb>/faktura.json, each value a Mustache
// template filled from a small view. Loaded once per run; a missing key is a located diagnostic.
#pragma once

#include <map>
#include <string>

#include "core/diagnostic.h"
#include "model/model.h"
#include "report/view_value.h"

namespace dv::invoicing {

const char* languageDir(Language l);  // "nn" / "nb"

class Wording {
public:
    // Reads both målformer's faktura.json under `templatesDir`; problems go to `diags`.
    Wording(const std::string& templatesDir, Diagnostics& diags);

    bool has(Language l, const std::string& key) const;
    // The text for `key` filled from `v`; a missing key or a template error goes to `diags`.
    std::string say(Language l, const std::string& key, const view::Value& v, Diagnostics& diags) const;
    // The same when the key may be absent: `fallback` then.
    std::string sayOr(Language l, const std::string& key, const view::Value& v, const std::string& fallback) const;
    std::string file(Language l) const;

private:
    std::string dir_;
    std::map<Language, std::map<std::string, std::string>> labels_;
};

}  // namespace dv::invoicing
