#include "app/dispatch.h"

#include "core/sha256.h"
#include "dispatch/envelope.h"
#include "input/labels.h"
#include "report/knowledge_view.h"
#include "templates/template.h"

namespace dv::app {
namespace {

// What the dispatched PDFs are (the PDF backend writes PDF/A-2a): dokumentobjekt format.
const char* const kPdfFormat = "PDF/A-2a";

std::string kindSuffix(const Occasion& o) { return o.kind == Occasion::Kind::Hearing ? "hoyring" : "vedtak"; }

const Kommune* hostOf(const Inputs& in) {
    for (const Kommune& k : in.kommunar)
        if (k.host) return &k;
    return nullptr;
}

}  // namespace

Dispatches::Dispatches(const Inputs& in, const Occasion& occasion, DocumentEngine& engine)
    : in_(in), occasion_(occasion), engine_(engine) {}

const std::map<std::string, std::string>& Dispatches::labels(Language lang) {
    auto it = labels_.find(lang);
    if (it != labels_.end()) return it->second;
    Diagnostics diags;
    std::string file = engine_.templatesDir() + "/" + languageDir(lang) + "/forsending.json";
    auto labels = input::loadLabels(file, diags);
    if (!diags.empty()) throw InputError{diags};
    return labels_[lang] = std::move(labels);
}

// A wording from templates/<nn|nb>/forsending.json, its Mustache tags filled from `view`.
std::string Dispatches::label(Language lang, const std::string& key, const view::Value& view) {
    Diagnostics diags;
    std::string file = engine_.templatesDir() + "/" + languageDir(lang) + "/forsending.json";
    const auto& all = labels(lang);
    auto it = all.find(key);
    if (it == all.end()) {
        diags.add(file, "/" + key, "missing wording \"" + key + "\"");
        throw InputError{diags};
    }
    auto text = tmpl::renderMustache(file + " /" + key, it->second, view.resolved(lang), diags, tmpl::Escape::None);
    if (!text) throw InputError{diags};
    return *text;
}

std::size_t Dispatches::add(const MunicipalView& mv, const std::vector<DispatchDocument>& docs, Staging& staging) {
    const Kommune& k = *mv.kommune;
    const Settings& s = in_.settings;
    const std::string folder = "forsendingar/" + mv.slug + "/";
    if (k.host) host_ = &mv;

    dispatch::Letter letter{k.kommunenummer, label(mv.language, "journalpost." + kindSuffix(occasion_), mv.value),
                            mv.value.find("kommune")->find("fullt_namn")->str(), k.orgnr, occasion_.documentDate, {}};
    std::vector<ManifestEntry> inner;
    std::size_t files = 0;
    for (std::size_t i = 0; i < docs.size(); ++i) {
        const DispatchDocument& d = docs[i];
        std::string name = std::to_string(i + 1) + "-" + d.stem + "-" + mv.slug + ".pdf";
        const std::string title = d.title.empty() ? d.stem : d.title;
        const std::string hash = staging.put(folder + name, *d.bytes, "forsending-dokument", k.kommunenummer);
        letter.files.push_back({name, title, label(mv.language, "dokumenttype." + d.stem, mv.value), "application/pdf", kPdfFormat,
                                hash, d.bytes->size()});
        inner.push_back({name, d.stem, k.kommunenummer, d.bytes->size(), hash});
        ++files;
    }
    dispatch::Case c{s.name, occasion_.id + "\n" + k.kommunenummer, label(mv.language, "saksmappe." + kindSuffix(occasion_), mv.value),
                     label(mv.language, "eining", mv.value), s.host.contact, occasion_.documentDate, {letter}};
    const Kommune* host = hostOf(in_);
    dispatch::Parties parties{host ? host->orgnr : s.host.orgnr, k.orgnr};
    auto put = [&](const std::string& name, const std::string& bytes, const std::string& kind) {
        const std::string hash = staging.put(folder + name, bytes, kind, k.kommunenummer);
        inner.push_back({name, kind, k.kommunenummer, bytes.size(), hash});
        ++files;
    };
    put("arkivmelding.xml", dispatch::arkivmeldingXml(c), "arkivmelding");
    put("sbd.json", dispatch::sbdJson(c, parties), "sbd");
    put("forsendelse.json", dispatch::svarUtJson(c, letter, parties), "svarut-forsendelse");
    staging.put(folder + "manifest.json", manifestJson(inner), "forsending-manifest", k.kommunenummer);
    ++files;

    // Bergen's journal: the same letter, files referred to from forsendingar/, in the host's målform.
    JournalEntry entry{letter, &mv, {}};
    for (dispatch::File& f : entry.letter.files) f.name = mv.slug + "/" + f.name;
    for (const DispatchDocument& d : docs) entry.stems.push_back(d.stem);
    journal_.push_back(std::move(entry));
    return files;
}

std::size_t Dispatches::finish(Staging& staging) {
    if (journal_.empty() || !host_) return 0;
    const Settings& s = in_.settings;
    const Language lang = host_->language;
    dispatch::Case c{s.name, occasion_.id + "\njournal", label(lang, "saksmappe." + kindSuffix(occasion_), host_->value),
                     label(lang, "eining", host_->value), s.host.contact, occasion_.documentDate, {}};
    for (const JournalEntry& e : journal_) {
        dispatch::Letter l = e.letter;
        l.title = label(lang, "journalpost." + kindSuffix(occasion_), e.mv->value);  // in the host's målform
        for (std::size_t i = 0; i < l.files.size(); ++i)
            l.files[i].documentType = label(lang, "dokumenttype." + e.stems[i], e.mv->value);
        c.letters.push_back(std::move(l));
    }
    staging.put("forsendingar/journal-arkivmelding.xml", dispatch::arkivmeldingXml(c), "journal-arkivmelding");
    return 1;
}

}  // namespace dv::app
