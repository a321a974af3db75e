// input: the three JSON files → the model. Every problem in a file is collected with its JSON
// pointer (or line:column for syntax errors); loadInputs throws InputError carrying all of them.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "model/model.h"

namespace dv::input {

inline constexpr const char* kKommunarFile = "kommunar.json";
inline constexpr const char* kPortfolioFile = "portefolje.json";
inline constexpr const char* kSettingsFile = "samarbeid.json";

// Every string value of the inputs with its place, as read (NFC), for checks that need a later
// stage (whether the fonts have every character) but must still point at the input.
struct InputText {
    std::string file;
    std::string pointer;
    std::string value;
};
// What loading saw besides the model: the strings, and notes about what it changed (a value in
// decomposed form read as NFC), each at its file and pointer.
struct InputReport {
    std::vector<InputText> texts;
    Diagnostics notes;
};

// Reads DIR/kommunar.json, DIR/portefolje.json, DIR/samarbeid.json.
Inputs loadInputs(const std::string& dir);
Inputs loadInputs(const std::string& dir, InputReport& report);

// The pieces, for tests: each reads text already in memory.
void readKommunar(const std::string& file, const std::string& text, Inputs& out, Diagnostics& diags,
                  InputReport* report = nullptr);
void readPortfolio(const std::string& file, const std::string& text, Inputs& out, Diagnostics& diags,
                   InputReport* report = nullptr);
void readSettings(const std::string& file, const std::string& text, Inputs& out, Diagnostics& diags,
                  InputReport* report = nullptr);
// Checks across files (portfolio → municipalities, settings → models).
void crossCheck(Inputs& in, Diagnostics& diags);

}  // namespace dv::input
