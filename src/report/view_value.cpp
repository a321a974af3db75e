#include "report/view_value.h"

namespace dv::view {

const Value* Value::find(const std::string& key) const {
    if (!isMap()) return nullptr;
    auto it = map().find(key);
    return it == map().end() ? nullptr : &it->second;
}

}  // namespace dv::view
