// templates/stil.json → Style, with every problem located by JSON pointer.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostic.h"
#include "model/style.h"

namespace dv::input {

std::optional<Style> loadStyle(const std::string& path, Diagnostics& diags);

}  // namespace dv::input
