// The value tree a document template is filled from: the report view stage builds it from the
// model and the finance results, already formatted the Norwegian way; the template stage renders
// it with Mustache. Strings, flags, lists and maps only, so templates see no C++ types; an input
// text in both målformer (LocalText) stays both until the document's language picks one
// (resolved(), which the document engine applies before a template sees the tree).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "drawing/chart.h"
#include "model/local_text.h"

namespace dv::view {

struct Value;
using List = std::vector<Value>;
using Map = std::map<std::string, Value>;

struct Value {
    // A chart (under the view's "figurar") is data for a figure, not text: the document engine
    // draws it where the template places "<!-- figur: ID -->".
    using Chart = std::shared_ptr<const draw::Chart>;
    std::variant<std::string, bool, List, Map, LocalText, Chart> v;

    Value() : v(Map{}) {}
    Value(std::string s) : v(std::move(s)) {}
    Value(const char* s) : v(std::string(s)) {}
    Value(bool b) : v(b) {}
    Value(List l) : v(std::move(l)) {}
    Value(Map m) : v(std::move(m)) {}
    Value(LocalText t) : v(std::move(t)) {}
    Value(Chart c) : v(std::move(c)) {}

    bool isString() const { return std::holds_alternative<std::string>(v); }
    bool isBool() const { return std::holds_alternative<bool>(v); }
    bool isList() const { return std::holds_alternative<List>(v); }
    bool isMap() const { return std::holds_alternative<Map>(v); }
    bool isLocal() const { return std::holds_alternative<LocalText>(v); }
    bool isChart() const { return std::holds_alternative<Chart>(v); }
    const draw::Chart* chart() const { return isChart() ? std::get<Chart>(v).get() : nullptr; }
    const std::string& str() const { return std::get<std::string>(v); }
    bool flag() const { return std::get<bool>(v); }
    const List& list() const { return std::get<List>(v); }
    List& list() { return std::get<List>(v); }
    const Map& map() const { return std::get<Map>(v); }
    Map& map() { return std::get<Map>(v); }

    // Map access that creates the entry (building views reads like assignments).
    Value& operator[](const std::string& key) { return std::get<Map>(v)[key]; }
    // Looks up a key of a map value; nullptr when absent or not a map.
    const Value* find(const std::string& key) const;
    // The tree with every text in both målformer replaced by its form in `lang`.
    Value resolved(Language lang) const;
};

}  // namespace dv::view
