// Test helper: run the program in-process as the CLI would, with what it writes to stderr.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "app/app.h"

namespace dvtest {

inline int runApp(const std::vector<std::string>& args, std::string& err) {
    std::ostringstream ss;
    int code = dv::app::run(args, ss);
    err = ss.str();
    return code;
}

}  // namespace dvtest
