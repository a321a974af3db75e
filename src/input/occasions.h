// input: the parts of samarbeid.json and kommunar.json that say what a document is made for —
// agreements, occasions (hearing, decision round), assumed population figures — and the bodies
// a municipality's documents address. Internal to the input stage.
#pragma once

#include <string>

#include "core/diagnostic.h"
#include "input/json_reader.h"
#include "model/model.h"

namespace dv::input {

Bodies readBodies(const std::string& file, const Json& j, const std::string& ptr, KommuneType type, Diagnostics& diags);
void readAssumedPopulation(const std::string& file, ObjectReader& top, Settings& s, Diagnostics& diags);
void readAgreements(const std::string& file, ObjectReader& top, Settings& s, Diagnostics& diags);
void readOccasions(const std::string& file, ObjectReader& top, Settings& s, Diagnostics& diags);
// References between them: an occasion's agreement, an agreement's funding model, the default occasion.
void crossCheckOccasions(const Inputs& in, Diagnostics& diags);

}  // namespace dv::input
