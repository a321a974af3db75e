#include "app/editable.h"

#include "backends/docx/docx.h"
#include "backends/odt/odt.h"

namespace dv::app {
namespace {

void collect(const doc::Blocks& bs, std::string& out, int& count) {
    for (const doc::Block& b : bs) {
        if (b.kind == doc::Block::Kind::Paragraph && b.role == "forslag-til-vedtak") {
            out += doc::plainText(b.inlines) + "\n";
            ++count;
        }
        collect(b.children, out, count);
        for (const doc::Blocks& item : b.items) collect(item, out, count);
    }
}

}  // namespace

std::string proposedDecision(const doc::Document& d) {
    std::string out;
    int count = 0;
    collect(d.blocks, out, count);
    return out;
}

std::size_t putEditableCaseDocument(const doc::Document& d, const std::string& name, const MunicipalView& mv,
                                    const Occasion& occasion, const std::string& author, Staging& staging) {
    std::string decision;
    int count = 0;
    collect(d.blocks, decision, count);
    if (count != 1) {
        Diagnostics diags;
        diags.add(d.file, "", "a case document needs exactly one paragraph after \"<!-- forslag til vedtak -->\", found " +
                                  std::to_string(count));
        throw InputError{diags};
    }
    const Kommune& k = *mv.kommune;
    std::string title = d.meta.count("tittel") ? d.meta.at("tittel") : name;
    std::string subject = author + ": saksframlegg (" + occasion.id + "), " + k.name + " (" + k.kommunenummer + ")";
    std::string keywords = author + "; saksframlegg; " + occasion.id + "; " + k.kommunenummer + "; " + k.name;
    std::string lang = languageTag(mv.language);

    std::string docxRel = "saksframlegg/saksframlegg-" + mv.slug + ".docx";
    docx::write(staging.pathFor(docxRel), d, {title, subject, author, keywords, lang, occasion.documentDate});
    staging.add(docxRel, "saksframlegg-docx", k.kommunenummer);

    std::string odtRel = "saksframlegg/saksframlegg-" + mv.slug + ".odt";
    odt::write(staging.pathFor(odtRel), d, {title, subject, author, keywords, lang, occasion.documentDate});
    staging.add(odtRel, "saksframlegg-odt", k.kommunenummer);

    staging.put("saksframlegg/forslag-til-vedtak-" + mv.slug + ".txt", decision, "forslag-til-vedtak", k.kommunenummer);
    return 3;
}

}  // namespace dv::app
