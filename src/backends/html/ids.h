// Fragment identifiers for the headings, so the contents list can link to them: made from the
// heading's number and text ("2.1 Vedtak i KS-landstinget" → "2-1-vedtak-i-ks-landstinget"),
// ASCII only (æ → ae, ø → o, å → a), so the same document gives the same ids in every run and a
// link to a section keeps working from one edition to the next while its title stays.
#pragma once

#include <set>
#include <string>

namespace dv::html {

// Lowercase ASCII letters and digits joined by single hyphens; "" when none are left.
std::string slug(const std::string& utf8);

// Hands out ids unique within one page: a second "kjelder" becomes "kjelder-2".
class Ids {
public:
    // Marks ids the page uses itself (the skip link's target) as taken.
    void reserve(const std::string& id) { used_.insert(id); }
    // A unique id from `text`; `fallback` when its slug is empty ("h" → "h", "h-2", ...).
    std::string make(const std::string& text, const std::string& fallback = "h");

private:
    std::set<std::string> used_;
};

}  // namespace dv::html
