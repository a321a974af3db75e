#include "report/view_value.h"

namespace dv::view {

const Value* Value::find(const std::string& key) const {
    if (!isMap()) return nullptr;
    auto it = map().find(key);
    return it == map().end() ? nullptr : &it->second;
}

Value Value::resolved(Language lang) const {
    if (const auto* t = std::get_if<LocalText>(&v)) return Value(t->in(lang));
    if (isList()) {
        List out;
        out.reserve(list().size());
        for (const Value& e : list()) out.push_back(e.resolved(lang));
        return out;
    }
    if (isMap()) {
        Map out;
        for (const auto& [k, e] : map()) out.emplace_hint(out.end(), k, e.resolved(lang));
        return out;
    }
    return *this;
}

}  // namespace dv::view
