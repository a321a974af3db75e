#include "app/municipal.h"
#include "core/text.h"
#include "app/parallel.h"
#include "app/dispatch.h"
#include "app/editable.h"

#include <algorithm>
#include <cstring>
#include <atomic>
#include <exception>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <memory>
#include <thread>
#include <sstream>

#include "backends/zip/zip.h"
#include "core/sha256.h"
#include "report/knowledge_view.h"
#include "report/municipal_view.h"
#include "report/norsk.h"

namespace dv::app {
namespace {

std::string readBytes(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}


}  // namespace

std::size_t makeMunicipalDocuments(const Inputs& in, const Occasion& occasion, DocumentEngine& engine,
                                   KnowledgeBases& knowledge, const MunicipalTargets& t, Staging& staging) {
    Diagnostics diags;
    auto views = buildMunicipalViews(in, occasion, diags);
    if (!views) throw InputError{diags};
    const Settings& s = in.settings;
    std::size_t files = 0;

    struct Document {
        std::string bytes, title;
    };
    // The knowledge base goes into every package, in the municipality's målform: the run's edition.
    auto knowledgeFor = [&](Language lang) -> const KnowledgeBase& { return knowledge.edition(lang); };

    std::ostringstream list;
    list << "\xEF\xBB\xBF"  // BOM: Excel then reads the file as UTF-8
         << "kommunenummer;kommune;organisasjonsnummer;malform;pakke;bytes;sha256\r\n";

    // Render the municipalities' PDFs in parallel (one worker per core) and write each
    // municipality's files in input order as soon as its documents are ready, so the outputs do
    // not depend on the scheduling and memory holds a window of municipalities, not all of them.
    struct Rendered {
        Document agreement, caseDoc, letter, appendix;
        std::optional<doc::Document> caseTree;  // the case document's tree, for its editable formats
    };
    std::vector<Rendered> rendered(views->size());
    const bool hearing = occasion.kind == Occasion::Kind::Hearing;
    const std::string kind = hearing ? "-hoyring" : "-vedtak";
    const bool sets = t.packages || t.dispatches;  // the whole set of the occasion's documents
    std::unique_ptr<Dispatches> dispatches;
    if (t.dispatches) dispatches = std::make_unique<Dispatches>(in, occasion, engine);
    if (sets && hearing) {
        for (const MunicipalView& mv : *views) knowledgeFor(mv.language);  // before the workers start
    }
    auto renderOne = [&](std::size_t i) {
        const MunicipalView& mv = (*views)[i];
        const Kommune& k = *mv.kommune;
        auto infoFor = [&](const std::string& what) {
            pdf::DocumentInfo info;
            info.author = s.name;
            info.subject = s.name + ": " + what + " (" + occasion.id + "), " + k.name + " (" + k.kommunenummer + ")";
            info.keywords = s.name + "; " + what + "; " + occasion.id + "; " + k.kommunenummer + "; " + k.name;
            info.date = occasion.documentDate;
            return info;
        };
        auto render = [&](const std::string& name, const std::string& what) {
            Document d;
            d.bytes = engine.render(mv.language, name, mv.value, infoFor(what), &d.title);
            return d;
        };
        Rendered& r = rendered[i];
        if (t.agreements || sets) r.agreement = render("avtale", "avtale");
        if (t.caseDocuments) {  // the tree once: PDF, DOCX and ODT
            r.caseTree = engine.document(mv.language, "saksframlegg" + kind, mv.value);
            r.caseDoc.bytes = engine.render(mv.language, *r.caseTree, infoFor("saksframlegg"));
            r.caseDoc.title = r.caseTree->meta.count("tittel") ? r.caseTree->meta.at("tittel") : "";
        } else if (sets) {
            r.caseDoc = render("saksframlegg" + kind, "saksframlegg");
        }
        if (sets) {
            r.letter = render("folgjebrev" + kind, "følgjebrev");
            r.appendix = render("finansieringsvedlegg", "finansieringsvedlegg");
        }
    };

    auto writeOne = [&](std::size_t i) {
        const MunicipalView& mv = (*views)[i];
        const Kommune& k = *mv.kommune;
        Rendered& r = rendered[i];
        if (t.agreements) {
            std::string rel = "avtalar/avtale-" + mv.slug + ".pdf";
            staging.put(rel, r.agreement.bytes, "avtale", k.kommunenummer);
            ++files;
        }
        if (t.caseDocuments) {
            std::string rel = "saksframlegg/saksframlegg-" + mv.slug + ".pdf";
            staging.put(rel, r.caseDoc.bytes, "saksframlegg", k.kommunenummer);
            ++files;
            files += putEditableCaseDocument(*r.caseTree, "saksframlegg" + kind, mv, occasion, s.name, staging);
        }
        if (dispatches) {
            std::vector<DispatchDocument> docs = {{"folgjebrev", &r.letter.bytes, r.letter.title},
                                                  {"avtale", &r.agreement.bytes, r.agreement.title},
                                                  {"saksframlegg", &r.caseDoc.bytes, r.caseDoc.title}};
            if (hearing) {
                const KnowledgeBase& kb = knowledgeFor(mv.language);
                docs.push_back({"kunnskapsgrunnlag", &kb.pdf, kb.title});
            }
            docs.push_back({"finansieringsvedlegg", &r.appendix.bytes, r.appendix.title});
            files += dispatches->add(mv, docs, staging);
        }
        if (!t.packages) return;
        std::string letterRel = "folgjebrev/folgjebrev-" + mv.slug + ".pdf";
        staging.put(letterRel, r.letter.bytes, "folgjebrev", k.kommunenummer);
        ++files;

        std::vector<std::pair<zip::Entry, std::string>> parts;
        parts.push_back({{"1-folgjebrev-" + mv.slug + ".pdf", std::move(r.letter.bytes)}, "folgjebrev"});
        parts.push_back({{"2-avtale-" + mv.slug + ".pdf", std::move(r.agreement.bytes)}, "avtale"});
        parts.push_back({{"3-saksframlegg-" + mv.slug + ".pdf", std::move(r.caseDoc.bytes)}, "saksframlegg"});
        if (hearing)
            parts.push_back({{"4-kunnskapsgrunnlag-" + std::to_string(s.knowledgeBaseYear) + ".pdf", knowledgeFor(mv.language).pdf},
                             "kunnskapsgrunnlag"});
        parts.push_back({{std::string(hearing ? "5" : "4") + "-finansieringsvedlegg-" + mv.slug + ".pdf", std::move(r.appendix.bytes)},
                         "finansieringsvedlegg"});
        std::vector<zip::Entry> entries;
        std::vector<ManifestEntry> inner;
        for (auto& [entry, what] : parts) {
            inner.push_back({entry.name, what, k.kommunenummer, entry.bytes.size(), sha256Hex(entry.bytes)});
            entry.stored = true;  // a PDF's streams are deflated already: zip gains 6 % at the cost of a deflate pass
            entries.push_back(std::move(entry));
        }
        entries.push_back({"manifest.json", manifestJson(inner)});
        std::string rel = "hoyringspakkar/hoyringspakke-" + mv.slug + ".zip";
        zip::write(staging.pathFor(rel), entries, occasion.documentDate);
        staging.add(rel, "hoyringspakke", k.kommunenummer);
        ++files;
        std::string zipBytes = readBytes(staging.pathFor(rel));
        list << k.kommunenummer << ';' << csvText(k.name) << ';' << k.orgnr << ';'
             << (mv.language == Language::Bokmal ? "bokmål" : "nynorsk") << ';' << csvText(rel.substr(rel.find('/') + 1)) << ';'
             << zipBytes.size() << ';' << sha256Hex(zipBytes) << "\r\n";
    };
    constexpr std::size_t kWindow = 16;
    orderedPipeline(views->size(), kWindow, renderOne, [&](std::size_t i) {
        writeOne(i);
        rendered[i] = Rendered{};
    });
    if (dispatches) files += dispatches->finish(staging);
    if (t.packages) {
        std::string rel = "hoyringspakkar/utsendingsliste.csv";
        staging.put(rel, list.str(), "utsendingsliste");
        ++files;
    }
    return files;
}

}  // namespace dv::app
