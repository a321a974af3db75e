// The dispatch list (with target forsendingar) and target oppfolging (issue 12): the register of
// what came back (inputs/oppfolging.json) as XLSX, a PDF status report (who is done, who is late,
// counted) and a reminder letter for each municipality past the deadline, dated --dato.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "app/documents.h"
#include "app/output.h"
#include "model/model.h"

namespace dv::app {

// OUT/forsendingar/utsendingsliste.csv (UTF-8 BOM, ';', CRLF) and .xlsx: full name, organisation
// number, målform, council, formal e-mail and contact (unknown unless oppfolging.json gives them),
// deadline and status (the folder is forsendingar/NNNN-namn/). Reads inputsDir/oppfolging.json when it exists.
std::size_t makeDispatchList(const Inputs& in, const Occasion& occasion, const std::string& inputsDir,
                             const std::string& templatesDir, const std::optional<Date>& today, Staging& staging);

// OUT/oppfolging/: oppfolging-<runde>.xlsx, oppfolging-<runde>.pdf, purrebrev-NNNN-namn.pdf.
// Needs --dato (`today`) and inputsDir/oppfolging.json; throws InputError.
std::size_t makeFollowUp(const Inputs& in, const Occasion& occasion, const std::string& inputsDir, DocumentEngine& engine,
                         const std::optional<Date>& today, Staging& staging);

}  // namespace dv::app
