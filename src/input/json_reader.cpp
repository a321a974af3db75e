#include "input/json_reader.h"

#include <map>
#include <vector>

#include "core/text.h"
#include "core/unicode.h"

#include <cmath>

namespace dv::input {

std::string pointerChild(const std::string& ptr, const std::string& key) {
    std::string escaped;
    for (char c : key) {
        if (c == '~') escaped += "~0";
        else if (c == '/') escaped += "~1";
        else escaped += c;
    }
    return ptr + "/" + escaped;
}

std::string pointerChild(const std::string& ptr, std::size_t index) {
    return ptr + "/" + std::to_string(index);
}

std::string typeName(const Json& j) {
    switch (j.type()) {
        case Json::value_t::null: return "null";
        case Json::value_t::boolean: return "a boolean";
        case Json::value_t::string: return "a string";
        case Json::value_t::array: return "an array";
        case Json::value_t::object: return "an object";
        case Json::value_t::number_float: return "a decimal number";
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned: return "an integer";
        default: return "an unsupported value";
    }
}

namespace {

// nlohmann-json keeps the last of two equal keys without a word ("fast_belop": 75000,
// "fast_belop": 7500 → 7500), which silently changes money. This scan of text that already parsed
// finds every key that repeats in its object, with its line:column and JSON pointer.
void duplicateKeys(const std::string& file, const std::string& text, Diagnostics& diags) {
    struct Level {
        bool object;
        std::string pointer;
        std::map<std::string, std::size_t> keys;  // key → offset of its first use
        std::size_t index = 0;                    // arrays: the next element
        std::string pendingKey;                   // objects: the key whose value comes next
    };
    std::vector<Level> stack;
    auto childPointer = [&]() -> std::string {
        if (stack.empty()) return "";
        Level& l = stack.back();
        return l.object ? pointerChild(l.pointer, l.pendingKey) : pointerChild(l.pointer, l.index);
    };
    bool expectKey = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '"') {
            std::size_t start = i++;
            while (i < text.size() && text[i] != '"') i += text[i] == '\\' ? 2 : 1;
            if (expectKey && !stack.empty() && stack.back().object) {
                std::string key = Json::parse(text.substr(start, i - start + 1)).get<std::string>();
                Level& l = stack.back();
                auto [it, fresh] = l.keys.emplace(key, start);
                if (!fresh)
                    diags.add(file, lineColumn(text, start),
                              "duplicate key \"" + key + "\" in the object at " + (l.pointer.empty() ? "/" : l.pointer) +
                                  " (first at " + lineColumn(text, it->second) + "); JSON keeps only one of them");
                l.pendingKey = key;
                expectKey = false;
            }
        } else if (c == '{' || c == '[') {
            std::string ptr = childPointer();
            stack.push_back(Level{c == '{', ptr, {}, 0, {}});
            expectKey = c == '{';
        } else if (c == '}' || c == ']') {
            if (!stack.empty()) stack.pop_back();
            expectKey = false;
        } else if (c == ',') {
            if (!stack.empty()) {
                if (stack.back().object) expectKey = true;
                else ++stack.back().index;
            }
        }
    }
}

}  // namespace

std::size_t fieldLimit(const std::string& field) {
    // Names and codes are set in table cells, headings, invoice parties and file names; addresses,
    // links and invoice line descriptions on one or two lines; any other text is a paragraph or a
    // workbook cell, which holds at most 32 767 characters.
    static const std::map<std::string, std::size_t> limits = {
        {"namn", 100},          {"registrert_namn", 100}, {"adm_senter", 100}, {"stad", 100},
        {"kontaktperson", 100}, {"rolle", 100},           {"ressurs", 100},    {"utval", 100},
        {"ansvarleg", 100},     {"faggruppe", 100},       {"versjon", 100},    {"id", 100},
        {"kommunenummer", 100}, {"organisasjonsnummer", 100}, {"kontonummer", 100}, {"postnummer", 100},
        {"eigar", 100},         {"deltakarar", 100},      {"kommune", 100},    {"gjeldande_modell", 100},
        {"foreslatt_modell", 100}, {"standardrunde", 100}, {"runde", 100},
        {"epost", 200},         {"nettstad", 200},        {"adresse", 200},    {"postadresse", 200},
        {"skildring", 500},     {"reskontro", 4096},      {"$schema", 4096},
    };
    auto it = limits.find(field);
    return it == limits.end() ? 32'767 : it->second;
}

namespace {

struct StringCheck {
    const std::string& file;
    Diagnostics& diags;
    Diagnostics& notes;
    const std::function<void(const std::string&, const std::string&)>& seen;

    void value(Json& v, const std::string& pointer, const std::string& field) {
        if (v.is_object()) {
            for (auto it = v.begin(); it != v.end(); ++it) {
                const std::string& k = it.key();
                value(it.value(), pointerChild(pointer, k), k == "nn" || k == "nb" ? field : k);
            }
        } else if (v.is_array()) {
            for (std::size_t i = 0; i < v.size(); ++i) value(v[i], pointerChild(pointer, i), field);
        } else if (v.is_string()) {
            text(v.get_ref<std::string&>(), pointer.empty() ? "/" : pointer, field);
        }
    }

    void text(std::string& s, const std::string& at, const std::string& field) {
        if (auto bad = firstNonPrintable(s, false)) {
            std::size_t chars = utf16Length(std::string_view(s).substr(0, bad->offset)) + 1;
            diags.add(file, at,
                      bad->cp == '\n' || bad->cp == '\r'
                          ? "a line break (" + codePointName(bad->cp) + ") at character " + std::to_string(chars) +
                                ": no field takes line breaks; a value is set within one line of a document, "
                                "an invoice or a CSV row"
                          : "a non-printable character " + codePointName(bad->cp) + " at character " +
                                std::to_string(chars) + "; only printable text is accepted");
            return;
        }
        std::string nfc = toNfc(s);
        if (nfc != s) {
            notes.add(file, at, "note: the text was in decomposed form (NFD); read as the same text in NFC, \"" + nfc +
                                    "\"");
            s = std::move(nfc);
        }
        std::size_t length = utf16Length(s), limit = fieldLimit(field);
        if (length > limit) {
            diags.add(file, at, "a text of " + std::to_string(length) + " characters; \"" + field + "\" holds at most " +
                                    std::to_string(limit));
            return;
        }
        seen(at, s);
    }
};

}  // namespace

void checkStrings(const std::string& file, Json& root, Diagnostics& diags, Diagnostics& notes,
                  const std::function<void(const std::string&, const std::string&)>& seen) {
    StringCheck{file, diags, notes, seen}.value(root, "", "");
}

std::optional<Json> parseJson(const std::string& file, const std::string& text, Diagnostics& diags) {
    try {
        Json j = Json::parse(text);
        std::size_t before = diags.size();
        duplicateKeys(file, text, diags);
        if (diags.size() != before) return std::nullopt;
        return j;
    } catch (const Json::out_of_range& e) {
        // e.g. "number overflow parsing '1e400'": placed at the number in the text.
        std::string what = e.what();
        std::string place = "";
        auto q1 = what.find('\''), q2 = what.rfind('\'');
        if (q1 != std::string::npos && q2 > q1) {
            auto at = text.find(what.substr(q1 + 1, q2 - q1 - 1));
            if (at != std::string::npos) place = lineColumn(text, at);
        }
        auto pos = what.find("] ");
        diags.add(file, place, "invalid JSON: " + (pos == std::string::npos ? what : what.substr(pos + 2)));
        return std::nullopt;
    } catch (const Json::parse_error& e) {
        // e.byte is 1-based: the position of the character that failed.
        std::string place = lineColumn(text, e.byte > 0 ? e.byte - 1 : 0);
        std::string what = e.what();
        auto pos = what.find(": ", what.find("column"));
        if (pos == std::string::npos) pos = what.find("] ");
        std::string detail = pos == std::string::npos ? what : what.substr(pos + 2);
        diags.add(file, place, "invalid JSON: " + detail);
        return std::nullopt;
    }
}

ObjectReader::ObjectReader(const std::string& file, const Json& j, std::string pointer,
                           std::vector<std::string> keys, Diagnostics& diags)
    : file_(file), j_(j), pointer_(std::move(pointer)), diags_(diags) {
    if (!j.is_object()) {
        diags_.add(file_, pointer_.empty() ? "/" : pointer_, "expected an object, got " + typeName(j));
        return;
    }
    isObject_ = true;
    keys.push_back("$schema");
    for (const auto& [k, v] : j.items()) {
        bool known = false;
        for (const auto& allowed : keys) known = known || allowed == k;
        if (!known) {
            std::string guess = closestMatch(k, keys);
            diags_.add(file_, pointerChild(pointer_, k), "unknown key \"" + k + "\"",
                       guess.empty() ? "" : "did you mean \"" + guess + "\"?");
        }
    }
}

bool ObjectReader::has(const std::string& key) const { return isObject_ && j_.contains(key); }

const Json* ObjectReader::get(const std::string& key) const {
    if (!isObject_) return nullptr;
    auto it = j_.find(key);
    return it == j_.end() ? nullptr : &*it;
}

void ObjectReader::error(const std::string& key, const std::string& message, const std::string& hint) {
    diags_.add(file_, key.empty() ? pointer_ : at(key), message, hint);
}

const Json* ObjectReader::need(const std::string& key, bool required, const char* what) {
    if (!isObject_) return nullptr;
    const Json* v = get(key);
    if (!v) {
        if (required)
            diags_.add(file_, pointer_.empty() ? "/" : pointer_,
                       "missing required key \"" + key + "\" (" + what + ")");
        return nullptr;
    }
    return v;
}

std::optional<std::string> ObjectReader::string(const std::string& key, bool required) {
    const Json* v = need(key, required, "a string");
    if (!v) return std::nullopt;
    if (!v->is_string()) {
        error(key, "expected a string, got " + typeName(*v));
        return std::nullopt;
    }
    auto s = v->get<std::string>();
    for (unsigned char c : s) {
        if (c < 0x20 && c != '\n' && c != '\t') {
            error(key, "control character in text");
            return std::nullopt;
        }
    }
    if (required && s.empty()) {
        error(key, "expected a non-empty string");
        return std::nullopt;
    }
    return s;
}

std::optional<LocalText> readText(const std::string& file, const Json& j, const std::string& pointer,
                                  Diagnostics& diags, bool required, bool properName) {
    const std::string at = pointer.empty() ? "/" : pointer;
    if (j.is_string() && j.get<std::string>().empty()) {
        if (!required) return LocalText{};
        diags.add(file, at, "expected a non-empty text");
        return std::nullopt;
    }
    if (j.is_string() && !properName) {
        diags.add(file, at, "a text in one målform only: a text that can reach a document needs both, "
                            "{\"nn\": \"…\", \"nb\": \"…\"} (one string is for proper names)");
        return std::nullopt;
    }
    if (!j.is_string() && !j.is_object()) {
        diags.add(file, at, std::string("expected a text {\"nn\": \"…\", \"nb\": \"…\"}") +
                                (properName ? " or a name as one string" : "") + ", got " + typeName(j));
        return std::nullopt;
    }
    auto clean = [&](const std::string& s, const std::string& where) {
        for (unsigned char c : s)
            if (c < 0x20 && c != '\n' && c != '\t') {
                diags.add(file, where, "control character in text");
                return false;
            }
        return true;
    };
    if (j.is_string()) {
        std::string s = j.get<std::string>();
        if (!clean(s, at)) return std::nullopt;
        return LocalText::same(s);
    }
    const std::size_t before = diags.size();
    ObjectReader r(file, j, pointer, {"nn", "nb"}, diags);  // reports other keys
    const Json* nn = r.get("nn");
    const Json* nb = r.get("nb");
    auto isEmpty = [](const Json* v) { return !v || (v->is_string() && v->get<std::string>().empty()); };
    if (!required && isEmpty(nn) && isEmpty(nb)) return LocalText{};
    LocalText t;
    bool ok = true;
    struct Form { const char* key; const char* name; const Json* value; std::string* out; };
    for (const Form& f : {Form{"nn", "nynorsk", nn, &t.nn}, Form{"nb", "bokmål", nb, &t.nb}}) {
        if (isEmpty(f.value)) {
            diags.add(file, f.value ? pointerChild(pointer, f.key) : at,
                      std::string("no ") + f.name + " text (\"" + f.key + "\"): a document in " + f.name +
                          " uses it, and every text that can reach a document needs both målformer");
            ok = false;
            continue;
        }
        if (!f.value->is_string()) {
            diags.add(file, pointerChild(pointer, f.key), "expected a string, got " + typeName(*f.value));
            ok = false;
            continue;
        }
        *f.out = f.value->get<std::string>();
        ok = clean(*f.out, pointerChild(pointer, f.key)) && ok;
    }
    if (!ok || diags.size() != before) return std::nullopt;
    return t;
}

std::optional<LocalText> ObjectReader::text(const std::string& key, bool required, bool properName) {
    if (!isObject_) return std::nullopt;
    const Json* v = get(key);
    if (!v) {
        if (!required) return LocalText{};
        need(key, required, "a text {\"nn\": \"…\", \"nb\": \"…\"}");
        return std::nullopt;
    }
    return readText(file_, *v, at(key), diags_, required, properName);
}

std::optional<std::string> ObjectReader::nullableString(const std::string& key) {
    const Json* v = get(key);
    if (!v || v->is_null()) return std::nullopt;
    return string(key, false);
}

std::optional<long> ObjectReader::integer(const std::string& key, bool required, long min, long max) {
    const Json* v = need(key, required, "an integer");
    if (!v) return std::nullopt;
    if (!v->is_number_integer()) {
        error(key, "expected an integer, got " + typeName(*v));
        return std::nullopt;
    }
    bool huge = v->is_number_unsigned() && v->get<unsigned long long>() > static_cast<unsigned long long>(max);
    long long n = huge ? max : v->get<long long>();
    if (huge || n < min || n > max) {
        error(key, "expected an integer from " + std::to_string(min) + " to " + std::to_string(max) +
                       ", got " + v->dump());
        return std::nullopt;
    }
    return static_cast<long>(n);
}

std::optional<bool> ObjectReader::boolean(const std::string& key, bool required) {
    const Json* v = need(key, required, "true or false");
    if (!v) return std::nullopt;
    if (!v->is_boolean()) {
        error(key, "expected true or false, got " + typeName(*v));
        return std::nullopt;
    }
    return v->get<bool>();
}

std::optional<Date> ObjectReader::date(const std::string& key, bool required) {
    const Json* v = need(key, required, "a date \"YYYY-MM-DD\"");
    if (!v) return std::nullopt;
    if (!v->is_string()) {
        error(key, "expected a date \"YYYY-MM-DD\", got " + typeName(*v));
        return std::nullopt;
    }
    auto d = Date::parseIso(v->get<std::string>());
    if (!d) error(key, "expected a valid date \"YYYY-MM-DD\", got \"" + v->get<std::string>() + "\"");
    return d;
}

// A JSON number as an integer count of 10^-decimals units, or nullopt when it has more decimals.
// `maxWhole` bounds the magnitude first, so nothing below can overflow.
enum class Scaled { Ok, TooManyDecimals, OutOfRange };
static Scaled scaledNumber(const Json& v, int decimals, long long maxWhole, long long& out) {
    long long scale = 1;
    for (int i = 0; i < decimals; ++i) scale *= 10;
    if (v.is_number_unsigned() && v.get<unsigned long long>() > static_cast<unsigned long long>(maxWhole))
        return Scaled::OutOfRange;
    if (v.is_number_integer()) {
        long long n = v.get<long long>();
        if (n > maxWhole || n < -maxWhole) return Scaled::OutOfRange;
        out = n * scale;
        return Scaled::Ok;
    }
    double whole = v.get<double>();
    if (!(std::fabs(whole) <= static_cast<double>(maxWhole))) return Scaled::OutOfRange;
    double d = whole * static_cast<double>(scale);
    double r = std::nearbyint(d);
    if (std::fabs(d - r) > 1e-3) return Scaled::TooManyDecimals;
    out = static_cast<long long>(r);
    return Scaled::Ok;
}

// "1 000 000 000" for messages about bounds.
static std::string grouped(long long n) {
    std::string s = std::to_string(n);
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), " ");
    return s;
}

std::optional<Money> ObjectReader::money(const std::string& key, bool required) {
    const Json* v = need(key, required, "an amount in kroner");
    if (!v) return std::nullopt;
    if (!v->is_number()) {
        error(key, "expected an amount in kroner (a number), got " + typeName(*v));
        return std::nullopt;
    }
    long long n = 0;
    switch (scaledNumber(*v, 2, kMaxAmountKroner, n)) {
        case Scaled::TooManyDecimals: error(key, "expected an amount in kroner with at most two decimals (øre)"); return std::nullopt;
        case Scaled::OutOfRange:
            error(key, "expected an amount from 0 to " + grouped(kMaxAmountKroner) + " kr, got " + v->dump());
            return std::nullopt;
        case Scaled::Ok: break;
    }
    if (n < 0) {
        error(key, "expected an amount of zero or more, got a negative amount");
        return std::nullopt;
    }
    return Money::ore(n);
}

std::optional<Rate> ObjectReader::rate(const std::string& key, bool required) {
    const Json* v = need(key, required, "kroner per inhabitant");
    if (!v) return std::nullopt;
    if (!v->is_number()) {
        error(key, "expected kroner per inhabitant (a number), got " + typeName(*v));
        return std::nullopt;
    }
    long long n = 0;
    Scaled r = scaledNumber(*v, 6, kMaxRateKroner, n);
    if (r == Scaled::OutOfRange) {
        error(key, "expected kroner per inhabitant from 0 to " + grouped(kMaxRateKroner) + ", got " + v->dump());
        return std::nullopt;
    }
    if (r != Scaled::Ok || n < 0) {
        error(key, "expected kroner per inhabitant, zero or more, with at most six decimals");
        return std::nullopt;
    }
    return Rate::micro(n);
}

std::optional<int> ObjectReader::percent(const std::string& key, bool required) {
    const Json* v = need(key, required, "a percentage");
    if (!v) return std::nullopt;
    if (!v->is_number()) {
        error(key, "expected a percentage (a number such as 4.3), got " + typeName(*v));
        return std::nullopt;
    }
    long long n = 0;
    if (scaledNumber(*v, 2, 50, n) != Scaled::Ok) {
        error(key, "expected a percentage from -50 to 50 with at most two decimals");
        return std::nullopt;
    }
    return static_cast<int>(n);
}

std::optional<std::string> ObjectReader::oneOf(const std::string& key,
                                               std::initializer_list<const char*> allowed, bool required) {
    auto s = string(key, required);
    if (!s) return std::nullopt;
    std::vector<std::string> options(allowed.begin(), allowed.end());
    for (const auto& o : options)
        if (o == *s) return s;
    std::string list;
    for (const auto& o : options) list += (list.empty() ? "\"" : ", \"") + o + "\"";
    std::string guess = closestMatch(*s, options);
    error(key, "expected one of " + list + ", got \"" + *s + "\"",
          guess.empty() ? "" : "did you mean \"" + guess + "\"?");
    return std::nullopt;
}

const Json* ObjectReader::array(const std::string& key, bool required) {
    const Json* v = need(key, required, "an array");
    if (!v) return nullptr;
    if (!v->is_array()) {
        error(key, "expected an array, got " + typeName(*v));
        return nullptr;
    }
    return v;
}

const Json* ObjectReader::object(const std::string& key, bool required) {
    const Json* v = need(key, required, "an object");
    if (!v) return nullptr;
    if (!v->is_object()) {
        error(key, "expected an object, got " + typeName(*v));
        return nullptr;
    }
    return v;
}

}  // namespace dv::input
