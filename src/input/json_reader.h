// Reading JSON into typed values while collecting every problem with its JSON pointer.
// The only user of nlohmann-json besides input/*.cpp.
#pragma once

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/diagnostic.h"
#include "core/money.h"
#include "model/local_text.h"

namespace dv::input {

using Json = nlohmann::json;

// The bounds of what the inputs may say (README, "Inputs"), chosen so that no computation the run
// makes with accepted inputs leaves 64 bits: an amount at most a billion kroner, a rate at most
// 10 000 kr per inhabitant, a population at most ten million (Norway has 5.6 million).
inline constexpr long long kMaxAmountKroner = 1'000'000'000;
inline constexpr long long kMaxRateKroner = 10'000;
inline constexpr long long kMaxPopulation = 10'000'000;

std::string pointerChild(const std::string& ptr, const std::string& key);
std::string pointerChild(const std::string& ptr, std::size_t index);
std::string typeName(const Json& j);

// Parses `text` (already checked for UTF-8) or records a syntax error at line:column.
std::optional<Json> parseJson(const std::string& file, const std::string& text, Diagnostics& diags);

// Every string value of `root`, checked where it enters, before any reader sees it: a value in
// decomposed form (NFD, "bokma\u030al") is normalised to NFC in place, with a note at its pointer;
// a control or other non-printable character, or a value longer than its field may be (fieldLimit),
// is an error at its pointer. `seen` gets each string (as normalised) with its pointer.
void checkStrings(const std::string& file, Json& root, Diagnostics& diags, Diagnostics& notes,
                  const std::function<void(const std::string& pointer, const std::string& value)>& seen);

// The most characters (UTF-16 units, as the workbook counts) a value of `field` may have: a name
// fits on a line of a table and an invoice; any text fits in a workbook cell (32 767).
std::size_t fieldLimit(const std::string& field);

// A text that can reach a document, at `pointer`: {"nn": "...", "nb": "..."}, both forms
// non-empty; with `properName` also one string, the same in both forms. A missing or empty form is
// a diagnostic at the text's pointer. When not `required`, "" (or both forms "") is an empty text.
std::optional<LocalText> readText(const std::string& file, const Json& j, const std::string& pointer,
                                  Diagnostics& diags, bool required = true, bool properName = false);

// The checks shared by every object: it is an object, it has no unknown keys (with a
// "did you mean" hint), and each typed getter reports a missing or ill-typed member once.
class ObjectReader {
public:
    ObjectReader(const std::string& file, const Json& j, std::string pointer,
                 std::vector<std::string> keys, Diagnostics& diags);

    bool ok() const { return isObject_; }
    const std::string& pointer() const { return pointer_; }
    std::string at(const std::string& key) const { return pointerChild(pointer_, key); }
    bool has(const std::string& key) const;
    const Json* get(const std::string& key) const;

    std::optional<std::string> string(const std::string& key, bool required = true);
    std::optional<std::string> nullableString(const std::string& key);  // absent/null → nullopt, no error
    // A text in both målformer (readText); an optional text that is absent is an empty text.
    std::optional<LocalText> text(const std::string& key, bool required = true, bool properName = false);
    std::optional<long> integer(const std::string& key, bool required = true, long min = 0,
                                long max = 2'000'000'000);
    std::optional<bool> boolean(const std::string& key, bool required = true);
    std::optional<Date> date(const std::string& key, bool required = true);
    // Kroner with at most two decimals, from 0 to kMaxAmountKroner.
    std::optional<Money> money(const std::string& key, bool required = true);
    // Kroner per unit with at most six decimals, from 0 to kMaxRateKroner.
    std::optional<Rate> rate(const std::string& key, bool required = true);
    // A percentage with at most two decimals, as basis points.
    std::optional<int> percent(const std::string& key, bool required = true);
    // One of `allowed`.
    std::optional<std::string> oneOf(const std::string& key, std::initializer_list<const char*> allowed,
                                     bool required = true);
    const Json* array(const std::string& key, bool required = true);
    const Json* object(const std::string& key, bool required = true);

    void error(const std::string& key, const std::string& message, const std::string& hint = {});

private:
    const Json* need(const std::string& key, bool required, const char* what);
    std::string file_;
    const Json& j_;
    std::string pointer_;
    Diagnostics& diags_;
    bool isObject_ = false;
};

}  // namespace dv::input
