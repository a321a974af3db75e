#include "backends/html/html.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "backends/html/css.h"
#include "backends/html/escape.h"
#include "backends/html/outline.h"
#include "backends/svg/svg.h"

namespace dv::html {
namespace {

using doc::Block;
using doc::Inline;
using K = doc::Block::Kind;

constexpr const char* kMainId = "main";

std::string fileBytes(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::ostringstream ss;
    ss << f.rdbuf();
    return f ? ss.str() : std::string();
}

std::string meta(const doc::Document& d, const std::string& key) {
    auto it = d.meta.find(key);
    return it == d.meta.end() ? std::string() : it->second;
}

// A run of inlines [from, to) that share what `same` compares; returns the end of the run.
template <class Same>
std::size_t runEnd(const doc::Inlines& in, std::size_t from, Same same) {
    std::size_t to = from + 1;
    while (to < in.size() && same(in[from], in[to])) ++to;
    return to;
}

void styled(const Inline& i, std::string& out) {
    if (i.kind == Inline::Kind::LineBreak) {
        out += "<br>";
        return;
    }
    if (i.text.empty()) return;
    if (i.bold) out += "<strong>";
    if (i.italic) out += "<em>";
    if (i.code) out += "<code>";
    out += escapeText(i.text);
    if (i.code) out += "</code>";
    if (i.italic) out += "</em>";
    if (i.bold) out += "</strong>";
}

// Runs of one link, then of one language within it, then each run's emphasis: adjacent runs of
// one link are one <a>, as cmark splits a link's text at every change of emphasis.
void languageRuns(const doc::Inlines& in, std::size_t from, std::size_t to, std::string& out) {
    while (from < to) {
        std::size_t end = std::min(to, runEnd(in, from, [](const Inline& a, const Inline& b) { return a.lang == b.lang; }));
        if (!in[from].lang.empty()) out += "<span lang=\"" + escapeAttribute(in[from].lang) + "\">";
        for (std::size_t i = from; i < end; ++i) styled(in[i], out);
        if (!in[from].lang.empty()) out += "</span>";
        from = end;
    }
}

std::string inlines(const doc::Inlines& in) {
    std::string out;
    for (std::size_t from = 0; from < in.size();) {
        std::size_t end = runEnd(in, from, [](const Inline& a, const Inline& b) { return a.link == b.link; });
        if (!in[from].link.empty()) out += "<a href=\"" + escapeAttribute(in[from].link) + "\">";
        languageRuns(in, from, end, out);
        if (!in[from].link.empty()) out += "</a>";
        from = end;
    }
    return out;
}

std::string alignClass(doc::Align a) {
    if (a == doc::Align::Right) return " class=\"right\"";
    if (a == doc::Align::Center) return " class=\"center\"";
    return "";
}

class Writer {
public:
    Writer(const doc::Document& d, const Style& st, const Page& p)
        : d_(d), st_(st), p_(p), title_(meta(d, "tittel")),
          outline_(outline(d, !title_.empty(), st.contentsDepth, kMainId)) {}

    std::string page() {
        out_ += "<!DOCTYPE html>\n<html lang=\"" + escapeAttribute(p_.lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
        out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
        out_ += "<title>" + escapeText(title_.empty() ? d_.file : title_) + "</title>\n";
        putMeta("author", meta(d_, "utgivar"));
        out_ += "<style>\n" + css(st_) + "</style>\n</head>\n<body>\n";
        header();
        out_ += "<main id=\"" + std::string(kMainId) + "\">\n";
        for (std::size_t i = 0; i < d_.blocks.size(); ++i) topLevel(i);
        out_ += "</main>\n";
        footer();
        out_ += "</body>\n</html>\n";
        return std::move(out_);
    }

private:
    void putMeta(const std::string& name, const std::string& content) {
        if (!content.empty())
            out_ += "<meta name=\"" + name + "\" content=\"" + escapeAttribute(content) + "\">\n";
    }

    void paragraphOf(const std::string& key, const std::string& cls) {
        std::string v = meta(d_, key);
        if (!v.empty()) out_ += "<p class=\"" + cls + "\">" + escapeText(v) + "</p>\n";
    }

    void header() {
        out_ += "<header>\n<a class=\"skip\" href=\"#" + std::string(kMainId) + "\">" + escapeText(p_.words.skipLink) + "</a>\n";
        if (!title_.empty()) out_ += "<h1>" + escapeText(title_) + "</h1>\n";
        paragraphOf("undertittel", "subtitle");
        paragraphOf("utgivar", "publisher");
        paragraphOf("dato", "publisher");
        paragraphOf("versjon", "publisher");
        out_ += "</header>\n";
    }

    void footer() {
        std::string text = meta(d_, "sidefot");
        if (text.empty() && p_.otherEditionHref.empty()) return;
        out_ += "<footer>\n";
        if (!text.empty()) out_ += "<p>" + escapeText(text) + "</p>\n";
        if (!p_.otherEditionHref.empty())
            out_ += "<p><a href=\"" + escapeAttribute(p_.otherEditionHref) + "\">" + escapeText(p_.words.otherEdition) + "</a></p>\n";
        out_ += "</footer>\n";
    }

    void heading(std::size_t i) {
        const Block& b = d_.blocks[i];
        const HeadingPlace& h = outline_.headings.at(i);
        std::string n = std::to_string(h.level);
        section_ = h.level;
        out_ += "<h" + n + " id=\"" + escapeAttribute(h.id) + "\">";
        if (!b.number.empty()) out_ += escapeText(b.number) + " ";
        out_ += inlines(b.inlines) + "</h" + n + ">\n";
    }

    void topLevel(std::size_t i) {
        const Block& b = d_.blocks[i];
        if (i == outline_.contentsHeading) return;  // written inside the nav
        if (b.kind == K::Heading) heading(i);
        else if (b.kind == K::Contents) contents();
        else block(b);
    }

    // The contents list: a nav labelled by the heading before it (or Words::contents), one
    // nested list of links to the listed headings.
    void contents() {
        if (outline_.contentsHeading != std::string::npos) {
            out_ += "<nav aria-labelledby=\"" + escapeAttribute(outline_.headings.at(outline_.contentsHeading).id) + "\">\n";
            heading(outline_.contentsHeading);
        } else {
            out_ += "<nav aria-label=\"" + escapeAttribute(p_.words.contents) + "\">\n";
        }
        int open = -1;  // depth of the innermost open list
        for (const auto& [i, h] : outline_.headings) {
            if (!h.listed) continue;
            int depth = std::min(h.depth, open + 1);
            if (depth > open) out_ += "\n<ol>\n";
            for (; open > depth; --open) out_ += "</li>\n</ol>\n";
            if (depth == open) out_ += "</li>\n";
            open = depth;
            out_ += "<li><a href=\"#" + escapeAttribute(h.id) + "\">" + escapeText(headingLabel(d_.blocks[i])) + "</a>";
        }
        for (; open >= 0; --open) out_ += "</li>\n</ol>\n";
        out_ += "</nav>\n";
    }

    void blocks(const doc::Blocks& bs) {
        for (const Block& b : bs) block(b);
    }

    void block(const Block& b) {
        switch (b.kind) {
        case K::Heading: {  // a heading inside a quote or list item: one below its section's
            std::string n = std::to_string(std::min(6, section_ + 1));
            out_ += "<h" + n + ">" + inlines(b.inlines) + "</h" + n + ">\n";
            break;
        }
        case K::Paragraph: out_ += "<p>" + inlines(b.inlines) + "</p>\n"; break;
        case K::List: list(b); break;
        case K::Quote:
            out_ += "<blockquote>\n";
            blocks(b.children);
            out_ += "</blockquote>\n";
            break;
        case K::Table: table(b); break;
        case K::Rule: out_ += "<hr>\n"; break;
        case K::PageBreak: break;  // print only
        case K::Contents: break;   // only the first, at the top level, is the contents list
        case K::Figure: figure(b); break;
        case K::FigureList: figureList(); break;
        }
    }

    // A figure: its drawing as inline SVG (title = label and caption, desc = the alternative
    // text) in a <figure> with its <figcaption>; the numbers of a chart are in the table the
    // template puts after it, as in the PDF.
    void figure(const Block& b) {
        const std::string id = "figur-" + std::to_string(++figures_);
        const std::string title = b.caption.empty() ? b.alt : b.label + " " + b.caption;
        out_ += "<figure id=\"" + id + "\">\n" + svg::svg(b.drawing, {id, title, b.alt}, fileBytes) + "\n";
        if (!b.caption.empty())
            out_ += "<figcaption><strong>" + escapeText(b.label) + "</strong> " + escapeText(b.caption) + "</figcaption>\n";
        out_ += "</figure>\n";
    }

    // The list of figures: each captioned figure's label and caption, linked to the figure.
    void figureList() {
        std::string items;
        std::size_t n = 0;
        for (const Block* b : doc::figures(d_)) {
            ++n;
            if (b->caption.empty()) continue;
            items += "<li><a href=\"#figur-" + std::to_string(n) + "\">" + escapeText(b->label + " " + b->caption) + "</a></li>\n";
        }
        if (!items.empty()) out_ += "<ul class=\"figurliste\">\n" + items + "</ul>\n";
    }

    void list(const Block& b) {
        if (b.ordered) out_ += b.start == 1 ? "<ol>\n" : "<ol start=\"" + std::to_string(b.start) + "\">\n";
        else out_ += "<ul>\n";
        for (const doc::Blocks& item : b.items) {
            out_ += "<li>";
            if (item.size() == 1 && item[0].kind == K::Paragraph) out_ += inlines(item[0].inlines);
            else {
                out_ += "\n";
                blocks(item);
            }
            out_ += "</li>\n";
        }
        out_ += b.ordered ? "</ol>\n" : "</ul>\n";
    }

    void table(const Block& b) {
        out_ += "<table>\n";
        const std::vector<doc::Align> align = doc::columnAlignments(b);
        for (std::size_t r = 0; r < b.rows.size(); ++r) {
            if (r == 0) out_ += "<thead>\n";
            if (r == 1) out_ += "<tbody>\n";
            out_ += "<tr>";
            for (std::size_t c = 0; c < b.rows[r].size(); ++c) {
                std::string cls = c < align.size() ? alignClass(align[c]) : "";
                if (r == 0) out_ += "<th scope=\"col\"" + cls + ">" + inlines(b.rows[r][c]) + "</th>";
                else out_ += "<td" + cls + ">" + inlines(b.rows[r][c]) + "</td>";
            }
            out_ += "</tr>\n";
            if (r == 0) out_ += "</thead>\n";
        }
        if (b.rows.size() > 1) out_ += "</tbody>\n";
        out_ += "</table>\n";
    }

    const doc::Document& d_;
    const Style& st_;
    const Page& p_;
    std::string title_;
    Outline outline_;
    int section_ = 1;  // level of the last top-level heading written
    int figures_ = 0;  // figures written so far: the next one's id
    std::string out_;
};

}  // namespace

std::string writeHtml(const doc::Document& d, const Style& st, const Page& page) { return Writer(d, st, page).page(); }

}  // namespace dv::html
