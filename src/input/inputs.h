// input: the three JSON files → the model. Every problem in a file is collected with its JSON
// pointer (or line:column for syntax errors); loadInputs throws InputError carrying all of them.
#pragma once

#include <string>

#include "core/diagnostic.h"
#include "model/model.h"

namespace dv::input {

inline constexpr const char* kKommunarFile = "kommunar.json";
inline constexpr const char* kPortfolioFile = "portefolje.json";
inline constexpr const char* kSettingsFile = "samarbeid.json";

// Reads DIR/kommunar.json, DIR/portefolje.json, DIR/samarbeid.json.
Inputs loadInputs(const std::string& dir);

// The pieces, for tests: each reads text already in memory.
void readKommunar(const std::string& file, const std::string& text, Inputs& out, Diagnostics& diags);
void readPortfolio(const std::string& file, const std::string& text, Inputs& out, Diagnostics& diags);
void readSettings(const std::string& file, const std::string& text, Inputs& out, Diagnostics& diags);
// Checks across files (portfolio → municipalities, settings → models).
void crossCheck(Inputs& in, Diagnostics& diags);

}  // namespace dv::input
