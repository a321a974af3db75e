// Zip archives through libzip (only here). Reproducible: entries in the given order, every
// entry dated with the document date as DOS date/time (no time zone, no clock), deflated at
// level 1 unless stored (level 9 took 0.4 s more for 43 packages and gained nothing; the hearing
// packages store their PDFs, whose streams are compressed already).
#pragma once

#include <string>
#include <vector>

#include "core/date.h"

namespace dv::zip {

struct Entry {
    std::string name;   // path inside the archive, UTF-8
    std::string bytes;
    bool stored = false;  // not compressed (ODF requires it of its first entry, "mimetype")
};

// Writes the archive to `path`; throws std::runtime_error naming the path on failure.
void write(const std::string& path, const std::vector<Entry>& entries, const Date& date);

// The entries of an archive (for tests and checks); throws std::runtime_error.
std::vector<Entry> read(const std::string& path);

}  // namespace dv::zip
