// inputs/oppfolging.json (schemas/oppfolging.schema.json): the follow-up register's input.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostic.h"
#include "model/followup.h"
#include "model/model.h"

namespace dv::input {

inline constexpr const char* kFollowUpFile = "oppfolging.json";

// Reads `path` for `occasion`: every entry names a municipality of `in` once, its status is one
// eFormidling knows, and no date is before the dispatch (the occasion's document date) nor after
// `today`. A file for another occasion is an error when `strict`, else read as nothing recorded.
// Problems go to `diags` with their pointers.
std::optional<FollowUp> loadFollowUp(const std::string& path, const Inputs& in, const Occasion& occasion,
                                     const std::optional<Date>& today, bool strict, Diagnostics& diags);

}  // namespace dv::input
