// Mustache through kainjow::mustache, after our own check of every tag against the view: kainjow
// renders an unknown name as "", which in a printed document is a silent hole.
#include <kainjow/mustache.hpp>

#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "core/text.h"
#include "templates/template.h"

namespace dv::tmpl {
namespace {

namespace km = kainjow::mustache;
using view::Value;

// Every component of every tag name in `src` ("a.b" gives "a" and "b"): a map key that is none
// of them can never be looked up, so toData leaves it out (a case document's view is large; a
// wording of one line names two or three of its values).
using Names = std::set<std::string, std::less<>>;

Names tagNames(const std::string& src) {
    Names names;
    std::size_t pos = 0;
    while ((pos = src.find("{{", pos)) != std::string::npos) {
        std::size_t end = src.find("}}", pos + 2);
        if (end == std::string::npos) break;
        std::size_t at = pos + 2;
        pos = end + 2;
        while (at < end && std::strchr("{#^/&! \t", src[at]) != nullptr) ++at;
        std::size_t stop = end;
        while (stop > at && std::strchr("} \t", src[stop - 1]) != nullptr) --stop;
        for (std::size_t part = at; part < stop;) {
            std::size_t dot = src.find('.', part);
            if (dot == std::string::npos || dot > stop) dot = stop;
            names.emplace(src, part, dot - part);
            part = dot + 1;
        }
    }
    return names;
}

km::data toData(const Value& v, const Names& names) {
    // An empty text is false in a section, as the Mustache spec has it (kainjow would take any
    // string as true), so {{^x}}…{{/x}} is how a template says what stands when x is unknown.
    if (v.isString()) return v.str().empty() ? km::data(km::data::type::bool_false) : km::data(v.str());
    if (v.isLocal()) return km::data(std::string());  // refused by check() before rendering
    if (v.isChart()) return km::data(km::data::type::bool_true);  // a figure's data, not text
    if (v.isBool()) return km::data(v.flag() ? km::data::type::bool_true : km::data::type::bool_false);
    if (v.isList()) {
        km::data list(km::data::type::list);
        for (const Value& e : v.list()) list.push_back(toData(e, names));
        return list;
    }
    km::data obj(km::data::type::object);
    for (const auto& [k, e] : v.map())
        if (names.count(k) != 0) obj.set(k, toData(e, names));
    return obj;
}

// Markdown-significant characters in a value are escaped so a name like "A*B" prints as written.
std::string escapeMarkdown(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (std::strchr("\\`*_[]<>#|~", c) != nullptr) out += '\\';
        out += c;
    }
    return out;
}

// The check: a context is the set of values a name may be looked up in (a list section makes
// every element a candidate; a name must exist in all of them).
using Context = std::vector<const Value*>;

const Value* lookupIn(const Value* v, const std::string& dotted) {
    if (dotted == ".") return v;
    const Value* cur = v;
    std::size_t pos = 0;
    while (cur != nullptr && pos <= dotted.size()) {
        std::size_t dot = dotted.find('.', pos);
        std::string part = dotted.substr(pos, dot == std::string::npos ? std::string::npos : dot - pos);
        cur = cur->find(part);
        if (dot == std::string::npos) break;
        pos = dot + 1;
    }
    return cur;
}

// Resolves `name` against the stack, innermost first. Returns the values found (one per
// candidate of the first context level that has it), or an empty vector.
std::vector<const Value*> resolve(const std::vector<Context>& stack, const std::string& name) {
    for (auto level = stack.rbegin(); level != stack.rend(); ++level) {
        if (level->empty()) continue;
        std::vector<const Value*> found;
        for (const Value* cand : *level)
            if (const Value* f = lookupIn(cand, name)) found.push_back(f);
        if (found.size() == level->size()) return found;
    }
    return {};
}

std::vector<std::string> namesInScope(const std::vector<Context>& stack) {
    std::vector<std::string> names;
    for (const Context& c : stack)
        for (const Value* v : c)
            if (v->isMap())
                for (const auto& [k, _] : v->map()) names.push_back(k);
    return names;
}

struct Open { std::string name; std::size_t at; bool skipping; bool inactive = false; };

// An empty value may render inside a section that tests it: {{#x}}…{{x}}…{{/x}} or, for a value
// with a companion flag, {{#har_x}}…{{x}}…{{/har_x}} (also "a.har_x" for "a.x").
bool guarded(const std::vector<Open>& open, const std::string& name) {
    std::size_t dot = name.rfind('.');
    std::string flag = dot == std::string::npos ? "har_" + name : name.substr(0, dot + 1) + "har_" + name.substr(dot + 1);
    for (const Open& o : open)
        if (o.inactive || o.name == name || o.name == flag) return true;  // inactive: will not render
    return false;
}

bool check(const std::string& file, const std::string& src, const Value& root, Diagnostics& diags) {
    std::vector<Context> stack{{&root}};
    std::vector<Open> open;
    int skipDepth = 0;  // inside a section over an empty list nothing can be checked
    bool ok = true;
    auto where = [&](std::size_t at) {
        return lineColumn(src, at);
    };
    std::size_t pos = 0;
    while ((pos = src.find("{{", pos)) != std::string::npos) {
        bool triple = src.compare(pos, 3, "{{{") == 0;
        std::size_t end = src.find(triple ? "}}}" : "}}", pos + (triple ? 3 : 2));
        if (end == std::string::npos) {
            diags.add(file, where(pos), "tag opened with \"{{\" is never closed with \"}}\"");
            return false;
        }
        std::string tag = src.substr(pos + (triple ? 3 : 2), end - pos - (triple ? 3 : 2));
        std::size_t at = pos;
        pos = end + (triple ? 3 : 2);
        auto trim = [](std::string s) {
            s.erase(0, s.find_first_not_of(" \t"));
            s.erase(s.find_last_not_of(" \t") + 1);
            return s;
        };
        tag = trim(tag);
        char kind = tag.empty() ? ' ' : tag[0];
        std::string name = tag;
        if (std::strchr("#^/&!>=", kind) != nullptr) name = trim(tag.substr(1));
        if (kind == '!') continue;
        if (kind == '=' || kind == '>') {
            diags.add(file, where(at), std::string("\"{{") + kind + "\" tags (delimiters, partials) are not used in these templates");
            ok = false;
            continue;
        }
        if (name.empty()) {
            diags.add(file, where(at), "empty tag \"{{}}\"");
            ok = false;
            continue;
        }
        if (kind == '/') {
            if (open.empty() || open.back().name != name) {
                diags.add(file, where(at), "\"{{/" + name + "}}\" closes " +
                          (open.empty() ? std::string("no open section") : "section \"" + open.back().name + "\" opened at " + where(open.back().at)));
                return false;
            }
            if (open.back().skipping) --skipDepth;
            open.pop_back();
            stack.pop_back();
            continue;
        }
        std::vector<const Value*> found;
        if (skipDepth == 0) {
            found = resolve(stack, name);
            if (found.empty()) {
                std::string close = closestMatch(name, namesInScope(stack));
                diags.add(file, where(at), "unknown tag \"{{" + tag + "}}\": the view has no value \"" + name + "\" here",
                          close.empty() ? std::string() : "did you mean \"" + close + "\"?");
                ok = false;
            } else if (kind != '#' && kind != '^') {
                for (const Value* f : found) {
                    if (!f->isString()) {
                        diags.add(file, where(at), "tag \"{{" + tag + "}}\" names a " +
                                  std::string(f->isBool() ? "flag" : f->isList() ? "list" : f->isLocal() ? "text in both målformer" : f->isChart() ? "chart (place it with <!-- figur: ID -->)" : "group") +
                                  (f->isLocal() ? " the view was not resolved to one language (Value::resolved)"
                                                : ", not a text: use it as a section {{#" + name + "}}...{{/" + name + "}}"));
                        ok = false;
                        break;
                    }
                    // A value the inputs do not give for this document never renders as nothing.
                    if (f->str().empty() && !guarded(open, name)) {
                        diags.add(file, where(at), "no value for \"{{" + tag + "}}\" in this document: the inputs do not give \"" + name + "\" here",
                                  "add it to the inputs, or let the template handle its absence with {{#" + name + "}}…{{/" + name + "}}");
                        ok = false;
                        break;
                    }
                }
            }
        }
        if (kind == '#' || kind == '^') {
            Context inner;
            bool skipping = false;
            if (skipDepth > 0 || found.empty()) {
                skipping = true;
            } else if (kind == '^') {
                inner = {};  // inverted: the outer context only
            } else {
                for (const Value* f : found) {
                    if (f->isList()) for (const Value& e : f->list()) inner.push_back(&e);
                    else if (f->isMap()) inner.push_back(f);
                }
                bool anyList = false;
                for (const Value* f : found) anyList = anyList || (f->isList() && !f->list().empty());
                bool allEmpty = true;
                for (const Value* f : found) allEmpty = allEmpty && f->isList() && f->list().empty();
                if (allEmpty) skipping = true;
                (void)anyList;
            }
            if (skipping) ++skipDepth;
            // Whether the section renders for this view; inside one that does not, an empty value
            // cannot show (names are still checked).
            bool truthy = false;
            for (const Value* f : found)
                truthy = truthy || (f->isBool() ? f->flag() : f->isString() ? !f->str().empty()
                                                 : f->isList() ? !f->list().empty() : true);
            bool inactive = !found.empty() && (kind == '#' ? !truthy : truthy);
            if (found.size() > 1) inactive = false;  // list elements differ: no single answer
            open.push_back({name, at, skipping, inactive});
            stack.push_back(inner);
        }
    }
    if (!open.empty()) {
        diags.add(file, where(open.back().at), "section \"{{#" + open.back().name + "}}\" is never closed with \"{{/" + open.back().name + "}}\"");
        return false;
    }
    return ok;
}

// Mustache removes a line that holds only a section tag ("standalone"); kainjow keeps its newline
// when the section is empty, which ends a Markdown table or list early. So such lines are joined
// to the end of the previous one here: "| a |\n{{#x}}\n| b |\n{{/x}}\n| c |" → "| a |{{#x}}\n| b |{{/x}}\n| c |",
// which keeps rows, list items and blank lines between paragraphs exactly as written.
std::string joinStandaloneTags(const std::string& src) {
    std::string out;
    out.reserve(src.size());
    std::size_t pos = 0;
    while (pos < src.size()) {
        std::size_t nl = src.find('\n', pos);
        std::size_t end = nl == std::string::npos ? src.size() : nl;
        std::string line = src.substr(pos, end - pos);
        std::size_t a = line.find_first_not_of(" \t");
        std::size_t b = line.find_last_not_of(" \t\r");
        bool standalone = false;
        if (a != std::string::npos && line.compare(a, 2, "{{") == 0 && b >= a + 4 && line.compare(b - 1, 2, "}}") == 0 &&
            std::strchr("#^/!", line[a + 2]) != nullptr) {
            std::string inner = line.substr(a, b - a + 1);
            standalone = inner.find("{{", 2) == std::string::npos;  // exactly one tag on the line
        }
        // After a blank line there is nothing to join to: the tag stays on its own line, which
        // Mustache removes, and the blank line (a paragraph break) survives.
        bool afterBlank = out.size() >= 2 && out[out.size() - 2] == '\n';
        if (standalone && !out.empty() && out.back() == '\n' && !afterBlank) {
            out.pop_back();  // the tag moves to the end of the previous line
            out += line.substr(a, b - a + 1);
            if (nl != std::string::npos) out += '\n';
        } else {
            out += line;
            if (nl != std::string::npos) out += '\n';
        }
        pos = end + 1;
    }
    return out;
}

// A template parsed once per thread (kainjow's render is not documented as safe to share), with
// the names its tags use: a run renders the same few templates for every municipality.
struct Parsed {
    km::mustache tmpl;
    Names names;
    Parsed(const std::string& source, Escape escape) : tmpl(joinStandaloneTags(source)), names(tagNames(source)) {
        if (escape == Escape::Markdown) tmpl.set_custom_escape(escapeMarkdown);
        else tmpl.set_custom_escape([](const std::string& v) { return v; });
    }
};

Parsed& parsedTemplate(const std::string& source, Escape escape) {
    thread_local std::map<std::pair<std::string, Escape>, std::unique_ptr<Parsed>> cache;
    auto& slot = cache[{source, escape}];
    if (!slot) slot = std::make_unique<Parsed>(source, escape);
    return *slot;
}

}  // namespace

std::optional<std::string> renderMustache(const std::string& file, const std::string& source,
                                          const view::Value& view, Diagnostics& diags, Escape escape) {
    if (!check(file, source, view, diags)) return std::nullopt;
    Parsed& parsed = parsedTemplate(source, escape);
    if (!parsed.tmpl.is_valid()) {
        diags.add(file, "", "Mustache: " + parsed.tmpl.error_message());
        return std::nullopt;
    }
    return parsed.tmpl.render(toData(view, parsed.names));
}

std::optional<doc::Document> renderDocument(const std::string& path, const view::Value& view,
                                            Diagnostics& diags) {
    std::ifstream f(path, std::ios::binary);
    if (!f) {
        diags.add(path, "", "cannot read the template (expected a Markdown file)");
        return std::nullopt;
    }
    std::stringstream ss;
    ss << f.rdbuf();
    std::string src = ss.str();
    if (auto bad = firstInvalidUtf8(src)) {
        diags.add(path, lineColumn(src, *bad), "invalid UTF-8 (templates must be UTF-8)");
        return std::nullopt;
    }
    auto md = renderMustache(path, src, view, diags);
    if (!md) return std::nullopt;
    return parseMarkdown(path, *md, diags);
}

}  // namespace dv::tmpl
