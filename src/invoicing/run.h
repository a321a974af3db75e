// The invoicing stage as one call: plan → reconcile with the ledger → render every document of
// the year from the ledger → record. The caller owns the ledger transaction (begins it before,
// commits it after every target of the run succeeded, rolls it back otherwise) and writes the
// returned files; the stage writes nothing itself.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "invoicing/render.h"
#include "ledger/ledger.h"
#include "model/model.h"

namespace dv::invoicing {

struct Options {
    std::string templatesDir;
    bool correct = false;        // --korriger
    std::optional<Date> today;   // --dato
    std::string ledgerName;      // the ledger's path, for diagnostics
};

struct OutputFile {
    std::string path;  // relative to OUT
    std::string bytes;
    std::string kind;
    std::optional<std::string> kommunenummer;
};

struct Result {
    std::size_t issued = 0, reused = 0, credited = 0;
    bool test = false;                     // a test run: every invoice marked and in the test series
    std::vector<std::string> unconfirmed;  // why (empty for a real run)
    std::vector<std::string> notBilled;    // members left out of a real run: membership not confirmed
    std::vector<std::string> notes;        // for stderr: documents that render differently, unknown references
    std::vector<OutputFile> files;
};

// Runs body(0..n-1), possibly in parallel (the app passes its thread pool).
using ForEach = std::function<void(std::size_t n, const std::function<void(std::size_t)>& body)>;

// Throws InputError with every refusal (the caller rolls back); std::runtime_error from the ledger.
Result runInvoicing(const Inputs& in, int year, ledger::Ledger& book, const Options& o, const RenderPdf& renderPdf,
                    const ForEach& forEach);

}  // namespace dv::invoicing
