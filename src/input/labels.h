// Wording files: flat JSON objects of key → text under templates/<nn|nb>/.
#pragma once

#include <map>
#include <string>

#include "core/diagnostic.h"

namespace dv::input {

// Reads `path`; problems (syntax, non-string values) go to `diags`.
std::map<std::string, std::string> loadLabels(const std::string& path, Diagnostics& diags);

}  // namespace dv::input
