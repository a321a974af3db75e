// The document engine as the app uses it: style, fonts and hyphenation loaded once, then
// template (Mustache + Markdown) → layout → PDF for each document.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "backends/pdf/pdf.h"
#include "core/diagnostic.h"
#include "input/inputs.h"
#include "layout/layout.h"
#include "model/model.h"
#include "model/style.h"
#include "report/view_value.h"

namespace dv::app {

class DocumentEngine {
public:
    // Loads templates/stil.json, the fonts it names and the hyphenation patterns; throws
    // InputError with located diagnostics when any of them is unusable.
    explicit DocumentEngine(std::string templatesDir);

    // Renders templates/<nb|nn>/<name>.md with `view` into PDF bytes; throws InputError.
    // `title`, when given, receives the document's title (front matter "tittel").
    std::string render(Language lang, const std::string& name, const view::Value& view,
                       pdf::DocumentInfo info, std::string* title = nullptr);
    // The same from a document tree made by document() (rendered once, printed twice: PDF and HTML).
    std::string render(Language lang, const doc::Document& d, pdf::DocumentInfo info);
    // The document tree of the same, headings numbered as in the PDF (the editable formats
    // are written from it); throws InputError.
    doc::Document document(Language lang, const std::string& name, const view::Value& view);
    // The laid-out pages of the same (tests read page text from them).
    layout::Laid layout(Language lang, const std::string& name, const view::Value& view);

    // Adds the code points of the inputs to the run's repertoire (the templates' are in it from
    // the start): PDFs that draw only these share one font subset per face (pdf::Repertoire).
    void addToRepertoire(const std::vector<input::InputText>& texts);
    const pdf::Repertoire& repertoire() const { return repertoire_; }

    const Style& style() const { return style_; }
    // The font name of the first face of the style that lacks `cp`, or "" when every face has it
    // (an input value may be set in any of them: body, bold, italic, headings).
    std::string missingIn(char32_t cp) const;
    const std::string& templatesDir() const { return dir_; }

private:
    layout::Laid layoutTree(Language lang, const doc::Document& d);
    std::string writeLaid(Language lang, const layout::Laid& laid, pdf::DocumentInfo info);
    std::string dir_;
    Style style_;
    std::unique_ptr<layout::Metrics> metrics_;
    std::unique_ptr<layout::Hyphenator> nb_, nn_;
    pdf::Repertoire repertoire_;
};

// Every input string checked against the fonts before anything is rendered, so a character no
// font has is reported at the input that holds it (kommunar.json: /kommunar/16/namn), not at the
// template line that prints it.
Diagnostics checkFontCoverage(const std::vector<input::InputText>& texts, const DocumentEngine& engine);

std::string languageDir(Language l);
std::string languageTag(Language l);  // nb-NO / nn-NO

}  // namespace dv::app
