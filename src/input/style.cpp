#include "input/style.h"

#include <cmath>
#include <fstream>
#include <sstream>

#include "core/text.h"
#include "input/json_reader.h"

namespace dv::input {
namespace {

constexpr double kPtPerMm = 72.0 / 25.4;

struct Group {
    ObjectReader r;
    const std::string& file;
    Diagnostics& diags;

    double number(const std::string& key, double min, double max, double scale = 1) {
        const Json* v = r.get(key);
        if (!v) {
            r.error(key, "missing number");
            return min;
        }
        if (!v->is_number()) {
            r.error(key, "expected a number, got " + typeName(*v));
            return min;
        }
        double d = v->get<double>();
        if (d < min || d > max) {
            r.error(key, "expected a number from " + std::to_string(min).substr(0, std::to_string(min).find('.') + 2) +
                             " to " + std::to_string(max).substr(0, std::to_string(max).find('.') + 2));
            return min;
        }
        return d * scale;
    }
    std::string path(const std::string& key, const char* ext) {
        auto s = r.string(key);
        if (!s) return {};
        if (s->size() < 4 || s->compare(s->size() - 4, 4, ext) != 0) {
            r.error(key, std::string("expected a path to a ") + ext + " file");
            return *s;
        }
        if (!std::ifstream(*s)) r.error(key, "file \"" + *s + "\" does not exist (is its Debian package installed?)");
        return *s;
    }
    Rgb color(const std::string& key) {
        auto s = r.string(key);
        Rgb c;
        if (!s) return c;
        if (s->size() != 7 || (*s)[0] != '#' || s->find_first_not_of("0123456789abcdefABCDEF", 1) != std::string::npos) {
            r.error(key, "expected a colour as \"#rrggbb\", got \"" + *s + "\"");
            return c;
        }
        c.r = std::stoi(s->substr(1, 2), nullptr, 16);
        c.g = std::stoi(s->substr(3, 2), nullptr, 16);
        c.b = std::stoi(s->substr(5, 2), nullptr, 16);
        return c;
    }
};

// The smallest text area the layout is built for: a measure of a few words, a page of a few
// lines. Margins that leave less (or nothing: wider than the page) are refused here, at the
// second margin of the pair, instead of squeezing every line below zero width.
constexpr double kMinTextWidthMm = 60, kMinTextHeightMm = 80;

std::string mm(double pt) {
    long v = std::lround(pt / kPtPerMm);
    return std::to_string(v) + " mm";
}

void textArea(Group& g, const std::string& key, const char* which, double page, double a, double b, double minMm) {
    double left = page - a - b;
    if (left + 1e-6 >= minMm * kPtPerMm) return;
    g.r.error(key, std::string("the ") + which + " margins (" + mm(a) + " + " + mm(b) + ") leave " +
                       (left > 0 ? mm(left) : std::string("no room")) + " of the page's " + mm(page) +
                       " for text; leave at least " + std::to_string(static_cast<int>(minMm)) + " mm");
}

}  // namespace

std::optional<Style> loadStyle(const std::string& file, Diagnostics& diags) {
    std::ifstream f(file, std::ios::binary);
    if (!f) {
        diags.add(file, "", "cannot read the style file (expected templates/stil.json)");
        return std::nullopt;
    }
    std::ostringstream ss;
    ss << f.rdbuf();
    std::string text = ss.str();
    if (auto bad = firstInvalidUtf8(text)) {
        diags.add(file, lineColumn(text, *bad), "invalid UTF-8; save the file as UTF-8");
        return std::nullopt;
    }
    std::size_t before = diags.size();
    auto j = parseJson(file, text, diags);
    if (!j) return std::nullopt;
    ObjectReader top(file, *j, "", {"$schema", "side", "skrift", "storleik_pt", "avstand_pt", "fargar", "nummerering", "orddeling", "fargeprofil"}, diags);
    if (!top.ok()) return std::nullopt;
    Style st;
    st.file = file;
    auto group = [&](const std::string& key, std::vector<std::string> keys) -> std::optional<Group> {
        const Json* g = top.object(key);
        if (!g) return std::nullopt;
        return Group{ObjectReader(file, *g, top.at(key), std::move(keys), diags), file, diags};
    };
    if (auto g = group("side", {"bredde_mm", "hogd_mm", "marg_topp_mm", "marg_botn_mm", "marg_venstre_mm", "marg_hogre_mm"})) {
        st.pageWidth = g->number("bredde_mm", 100, 1000, kPtPerMm);
        st.pageHeight = g->number("hogd_mm", 100, 1000, kPtPerMm);
        st.marginTop = g->number("marg_topp_mm", 10, 80, kPtPerMm);
        st.marginBottom = g->number("marg_botn_mm", 10, 80, kPtPerMm);
        st.marginLeft = g->number("marg_venstre_mm", 10, 80, kPtPerMm);
        st.marginRight = g->number("marg_hogre_mm", 10, 80, kPtPerMm);
        textArea(*g, "marg_hogre_mm", "side", st.pageWidth, st.marginLeft, st.marginRight, kMinTextWidthMm);
        textArea(*g, "marg_botn_mm", "top and bottom", st.pageHeight, st.marginTop, st.marginBottom, kMinTextHeightMm);
    }
    if (auto g = group("skrift", {"brodtekst", "brodtekst_feit", "brodtekst_kursiv", "brodtekst_feit_kursiv", "overskrift", "overskrift_feit"})) {
        st.fonts[BodyRegular] = g->path("brodtekst", ".ttf");
        st.fonts[BodyBold] = g->path("brodtekst_feit", ".ttf");
        st.fonts[BodyItalic] = g->path("brodtekst_kursiv", ".ttf");
        st.fonts[BodyBoldItalic] = g->path("brodtekst_feit_kursiv", ".ttf");
        st.fonts[HeadRegular] = g->path("overskrift", ".ttf");
        st.fonts[HeadBold] = g->path("overskrift_feit", ".ttf");
    }
    if (auto g = group("storleik_pt", {"brodtekst", "linjeavstand", "h1", "h2", "h3", "h4", "tabell", "topp_botn", "tittel", "undertittel"})) {
        st.bodySize = g->number("brodtekst", 6, 24);
        st.leading = g->number("linjeavstand", 1, 3);
        st.headingSizes = {g->number("h1", 6, 40), g->number("h2", 6, 40), g->number("h3", 6, 40), g->number("h4", 6, 40)};
        st.tableSize = g->number("tabell", 5, 24);
        st.headerFooterSize = g->number("topp_botn", 5, 24);
        st.titleSize = g->number("tittel", 10, 72);
        st.subtitleSize = g->number("undertittel", 8, 48);
    }
    if (auto g = group("avstand_pt", {"etter_avsnitt", "foer_overskrift", "etter_overskrift", "listeinnrykk", "celle"})) {
        st.paragraphSpace = g->number("etter_avsnitt", 0, 40);
        st.headingSpaceBefore = g->number("foer_overskrift", 0, 60);
        st.headingSpaceAfter = g->number("etter_overskrift", 0, 40);
        st.listIndent = g->number("listeinnrykk", 4, 60);
        st.cellPadding = g->number("celle", 0, 20);
    }
    if (auto g = group("fargar", {"tekst", "overskrift", "linje", "tabellhovud", "lenke", "dempa"})) {
        st.text = g->color("tekst");
        st.heading = g->color("overskrift");
        st.rule = g->color("linje");
        st.tableHeaderFill = g->color("tabellhovud");
        st.link = g->color("lenke");
        st.muted = g->color("dempa");
    }
    if (auto g = group("nummerering", {"overskriftsnivaa", "innhaldsnivaa", "kapittel_ny_side"})) {
        st.numberDepth = static_cast<int>(g->number("overskriftsnivaa", 0, 6));
        st.contentsDepth = static_cast<int>(g->number("innhaldsnivaa", 1, 6));
        st.chapterOnNewPage = g->r.boolean("kapittel_ny_side").value_or(false);
    }
    if (auto g = group("orddeling", {"nb", "nn", "min_venstre", "min_hogre"})) {
        st.hyphenationNb = g->path("nb", ".dic");
        st.hyphenationNn = g->path("nn", ".dic");
        st.hyphenMinLeft = static_cast<int>(g->number("min_venstre", 1, 5));
        st.hyphenMinRight = static_cast<int>(g->number("min_hogre", 1, 5));
    }
    if (auto p = top.string("fargeprofil")) {
        st.iccProfile = *p;
        if (!std::ifstream(*p)) top.error("fargeprofil", "file \"" + *p + "\" does not exist (Debian package icc-profiles-free)");
    }
    if (diags.size() != before) return std::nullopt;
    return st;
}

}  // namespace dv::input
