// libFuzzer harness for the template engine: any bytes as a template (front matter, Mustache,
// Markdown), filled from a small fixed view and parsed into the document tree. It must report
// diagnostics or give a document, never crash, hang or hit undefined behaviour.
#include <cstddef>
#include <cstdint>
#include <string>

#include "model/model.h"
#include "report/view_value.h"
#include "templates/document.h"
#include "templates/template.h"

namespace {

dv::view::Value fixedView() {
    using dv::view::List;
    using dv::view::Value;
    Value v;
    v["namn"] = std::string("Masfjorden *kommune* | <b>");
    v["ja"] = true;
    v["nei"] = false;
    v["tom"] = std::string();
    v["tekst"] = dv::LocalText{"nynorsk tekst", "bokmål tekst"};
    List rows;
    for (int i = 0; i < 3; ++i) {
        Value r;
        r["nr"] = std::to_string(i);
        r["belop"] = std::string("133 820,00");
        r["siste"] = i == 2;
        rows.push_back(r);
    }
    v["rader"] = rows;
    Value inner;
    inner["dato"] = std::string("30. juni 2024");
    v["runde"] = inner;
    return v;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const dv::view::Value view = fixedView().resolved(dv::Language::Nynorsk);
    const std::string source(reinterpret_cast<const char*>(data), size);
    dv::Diagnostics diags;
    auto md = dv::tmpl::renderMustache("fuzz.md", source, view, diags);
    if (md) {
        auto doc = dv::tmpl::parseMarkdown("fuzz.md", *md, diags);
        if (doc) dv::doc::numberHeadings(*doc, 3);
    }
    (void)diags.format();
    return 0;
}
