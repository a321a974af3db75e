// Target forsendingar (issue 12): per municipality a folder OUT/forsendingar/NNNN-namn/ with the
// occasion's documents as separate PDF/A files (the cover letter first: the main document),
// arkivmelding.xml, sbd.json (eFormidling), forsendelse.json (KS SvarUt) and manifest.json (size
// and SHA-256 of each file); and Bergen's own journal of the outgoing letters,
// OUT/forsendingar/journal-arkivmelding.xml (one saksmappe, one journalpost per municipality).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/documents.h"
#include "app/output.h"
#include "dispatch/arkivmelding.h"
#include "report/municipal_view.h"

namespace dv::app {

struct DispatchDocument {
    std::string stem;          // "folgjebrev", "avtale", ...: file name and kind of document
    const std::string* bytes;  // the PDF
    std::string title;         // its title (front matter "tittel"); the stem when it has none
};

class Dispatches {
public:
    Dispatches(const Inputs& in, const Occasion& occasion, DocumentEngine& engine);
    // Writes the municipality's folder; documents in sending order. Returns the files written.
    std::size_t add(const MunicipalView& mv, const std::vector<DispatchDocument>& docs, Staging& staging);
    // Writes Bergen's journal of every letter added. Returns the files written.
    std::size_t finish(Staging& staging);

private:
    std::string label(Language lang, const std::string& key, const view::Value& view);
    const std::map<std::string, std::string>& labels(Language lang);  // forsending.json, read once
    const Inputs& in_;
    const Occasion& occasion_;
    DocumentEngine& engine_;
    struct JournalEntry {
        dispatch::Letter letter;  // file names relative to forsendingar/
        const MunicipalView* mv;
        std::vector<std::string> stems;
    };
    std::vector<JournalEntry> journal_;
    const MunicipalView* host_ = nullptr;
    std::map<Language, std::map<std::string, std::string>> labels_;
};

}  // namespace dv::app
