// Located diagnostics: every input, template or data problem becomes one of these, collected,
// then reported together as one line each ("file: place: message (hint)").
#pragma once

#include <string>
#include <vector>

namespace dv {

struct Diagnostic {
    std::string file;     // path as the user gave it, e.g. "inputs/kommunar.json"
    std::string place;    // JSON pointer ("/kommunar/3/orgnr") or "line:column"
    std::string message;  // what is wrong and what was expected
    std::string hint;     // optional: "did you mean ...?"

    std::string format() const;
};

class Diagnostics {
public:
    void add(Diagnostic d) { items_.push_back(std::move(d)); }
    void add(std::string file, std::string place, std::string message, std::string hint = {}) {
        items_.push_back({std::move(file), std::move(place), std::move(message), std::move(hint)});
    }
    void append(const Diagnostics& other) {
        items_.insert(items_.end(), other.items_.begin(), other.items_.end());
    }
    bool empty() const { return items_.empty(); }
    std::size_t size() const { return items_.size(); }
    const std::vector<Diagnostic>& items() const { return items_; }
    std::string format() const;  // one line per diagnostic, '\n'-terminated

private:
    std::vector<Diagnostic> items_;
};

// Thrown at a stage boundary when diagnostics were collected; the app maps it to exit code 2.
struct InputError {
    Diagnostics diagnostics;
};

// Levenshtein distance, for "did you mean" hints.
std::size_t editDistance(const std::string& a, const std::string& b);
// The closest candidate within a small distance, or "" if none is close.
std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace dv
