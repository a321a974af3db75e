#include "app/documents.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string_view>

#include "app/figures.h"
#include "core/text.h"
#include "core/unicode.h"
#include "input/style.h"
#include "templates/template.h"

namespace dv::app {

std::string languageDir(Language l) { return l == Language::Bokmal ? "nb" : "nn"; }
std::string languageTag(Language l) { return l == Language::Bokmal ? "nb-NO" : "nn-NO"; }

namespace {

// Characters the code sets itself, whatever the templates say: digits and the punctuation of
// numbers, dates and page numbers, the no-break space of number groups, the soft hyphen, the en
// dash of ranges, the minus of negative amounts, list bullets.
constexpr char32_t kSetByCode[] = {0x00A0, 0x00AD, 0x2013, 0x2014, 0x2022, 0x2026, 0x2212, 0x25E6};
constexpr std::string_view kAsciiSetByCode = "0123456789 .,-:;/()%+";

// The text of a template file without its Mustache tags ({{…}} is never printed as it stands).
std::string withoutTags(const std::string& text) {
    std::string out;
    std::size_t at = 0;
    for (std::size_t open; (open = text.find("{{", at)) != std::string::npos;) {
        std::size_t close = text.find("}}", open + 2);
        if (close == std::string::npos) break;
        out.append(text, at, open - at);
        at = close + 2;
    }
    out.append(text, at, std::string::npos);
    return out;
}

// Every code point of the files under `dir` (templates, wording, figure descriptions), without
// their Mustache tags, and those the code sets itself.
std::set<char32_t> templateCodePoints(const std::string& dir) {
    std::set<char32_t> cps(std::begin(kSetByCode), std::end(kSetByCode));
    for (char c : kAsciiSetByCode) cps.insert(static_cast<char32_t>(c));
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir, ec))
        if (e.is_regular_file()) files.push_back(e.path());
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        const std::string text = ss.str();
        if (firstInvalidUtf8(text)) continue;  // not text
        for (char32_t cp : codePoints(withoutTags(text)))
            if (cp >= 0x20) cps.insert(cp);
    }
    return cps;
}

void setRepertoire(pdf::Repertoire& r, const std::set<char32_t>& cps) { r.codePoints.assign(cps.begin(), cps.end()); }

}  // namespace

DocumentEngine::DocumentEngine(std::string templatesDir) : dir_(std::move(templatesDir)) {
    Diagnostics diags;
    std::string path = dir_ + "/stil.json";
    auto st = input::loadStyle(path, diags);
    if (!st) throw InputError{diags};
    style_ = *st;
    std::string err;
    metrics_ = pdf::loadMetrics(style_, err);
    if (!metrics_) {
        diags.add(path, "/skrift", err);
        throw InputError{diags};
    }
    nb_ = std::make_unique<layout::Hyphenator>(style_.hyphenationNb, style_.hyphenMinLeft, style_.hyphenMinRight);
    nn_ = std::make_unique<layout::Hyphenator>(style_.hyphenationNn, style_.hyphenMinLeft, style_.hyphenMinRight);
    if (!nb_->loaded()) diags.add(path, "/orddeling/nb", "cannot load hyphenation patterns " + style_.hyphenationNb);
    if (!nn_->loaded()) diags.add(path, "/orddeling/nn", "cannot load hyphenation patterns " + style_.hyphenationNn);
    if (!diags.empty()) throw InputError{diags};
    setRepertoire(repertoire_, templateCodePoints(dir_));
}

void DocumentEngine::addToRepertoire(const std::vector<input::InputText>& texts) {
    std::set<char32_t> cps(repertoire_.codePoints.begin(), repertoire_.codePoints.end());
    for (const auto& t : texts)
        for (char32_t cp : codePoints(t.value))
            if (cp >= 0x20) cps.insert(cp);
    setRepertoire(repertoire_, cps);
}

std::string DocumentEngine::missingIn(char32_t cp) const {
    for (int f = 0; f < FaceCount; ++f)
        if (!metrics_->covers(static_cast<Face>(f), cp)) return metrics_->name(static_cast<Face>(f));
    return "";
}

Diagnostics checkFontCoverage(const std::vector<input::InputText>& texts, const DocumentEngine& engine) {
    Diagnostics diags;
    std::map<char32_t, std::string> missing;  // each character asked once: code point → font lacking it
    for (const auto& t : texts) {
        for (char32_t cp : codePoints(t.value)) {
            auto it = missing.find(cp);
            if (it == missing.end()) it = missing.emplace(cp, engine.missingIn(cp)).first;
            if (it->second.empty()) continue;
            diags.add(t.file, t.pointer,
                      "character " + codePointName(cp) + " \"" + toUtf8(cp) + "\" is not in the font " + it->second +
                          ", so no document can print it: write it with another character, or choose a font "
                          "that has it (templates/stil.json)");
            break;
        }
    }
    return diags;
}

doc::Document DocumentEngine::document(Language lang, const std::string& name, const view::Value& view) {
    Diagnostics diags;
    std::string path = dir_ + "/" + languageDir(lang) + "/" + name + ".md";
    const view::Value resolved = view.resolved(lang);  // input texts in the document's målform
    auto d = tmpl::renderDocument(path, resolved, diags);
    if (!d) throw InputError{diags};
    resolveFigures(*d, resolved, dir_ + "/" + languageDir(lang) + "/figurar",
                   style_.pageWidth - style_.marginLeft - style_.marginRight,
                   [this](const std::string& text, double size) { return layout::textWidth(*metrics_, HeadRegular, size, text); },
                   diags);
    if (!diags.empty()) throw InputError{diags};
    // "nummerering: nei" in the front matter: letters and case documents have plain headings
    if (!d->meta.count("nummerering") || d->meta.at("nummerering") != "nei") doc::numberHeadings(*d, style_.numberDepth);
    return std::move(*d);
}

layout::Laid DocumentEngine::layout(Language lang, const std::string& name, const view::Value& view) {
    return layoutTree(lang, document(lang, name, view));
}

layout::Laid DocumentEngine::layoutTree(Language lang, const doc::Document& d) {
    Diagnostics diags;
    layout::Laid laid = layout::layoutDocument(d, style_, *metrics_, lang == Language::Bokmal ? *nb_ : *nn_, diags);
    if (!diags.empty()) throw InputError{diags};
    return laid;
}

std::string DocumentEngine::render(Language lang, const doc::Document& d, pdf::DocumentInfo info) {
    return writeLaid(lang, layoutTree(lang, d), std::move(info));
}

std::string DocumentEngine::writeLaid(Language lang, const layout::Laid& laid, pdf::DocumentInfo info) {
    if (info.title.empty() && laid.meta.count("tittel")) info.title = laid.meta.at("tittel");
    info.lang = languageTag(lang);
    // "skriftsett: dokument" in the front matter: the document embeds a subset of only the glyphs it
    // draws (a long document that travels alone, where size counts), not the run's shared one
    const auto own = laid.meta.find("skriftsett");
    const bool ownSubset = own != laid.meta.end() && own->second == "dokument";
    return pdf::writePdf(laid, style_, info, ownSubset ? nullptr : &repertoire_);
}

std::string DocumentEngine::render(Language lang, const std::string& name, const view::Value& view,
                                   pdf::DocumentInfo info, std::string* title) {
    layout::Laid laid = layout(lang, name, view);
    if (title) *title = laid.meta.count("tittel") ? laid.meta.at("tittel") : "";
    return writeLaid(lang, laid, std::move(info));
}

}  // namespace dv::app
