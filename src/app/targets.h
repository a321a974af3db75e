// Which target a file of OUT belongs to: a run replaces the files of the targets it makes and
// carries over the others (app/output.h).
#pragma once

#include <string>

namespace dv::app {

// The scope a target replaces: per year for the year's targets ("fakturaer 2026", "arbeidsbok
// 2026"), else the target itself ("avtalar").
std::string targetScope(const std::string& target, int year);

// The target of a file in OUT that no manifest attributes (made by a version before manifests
// named targets, or put there by hand), from where it lies; "" for a file no target makes.
std::string targetOfPath(const std::string& relPath);

}  // namespace dv::app
