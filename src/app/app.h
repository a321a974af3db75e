// app: parses the command line, runs the requested targets, maps failures to exit codes.
//   0 success · 1 internal error · 2 bad input or usage
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace dv::app {

enum ExitCode { kOk = 0, kInternal = 1, kBadInput = 2 };

struct Options {
    std::string inputs = "inputs";
    std::string templates = "templates";
    std::string out = "outputs";
    std::optional<int> year;
    std::string occasion;       // --runde: the hearing or decision round for the municipal documents
    std::optional<Date> today;  // --dato: the day corrections and credit notes are dated
    std::string ledger;    // --reskontro
    bool correct = false;  // --korriger
    bool newLedger = false;  // --ny-reskontro: a --reskontro file that does not exist may be created
    int waitSeconds = 10;    // --vent: how long to wait for another run holding OUT or the ledger
    std::vector<std::string> paymentFiles;  // --innbetalingar FILE (repeatable)
    std::vector<std::string> targets;
    bool help = false;
    bool quiet = false;
};

// The targets the program knows, in the order `all` runs them.
const std::vector<std::string>& knownTargets();

int run(const std::vector<std::string>& args, std::ostream& err);
std::string usage();

}  // namespace dv::app
