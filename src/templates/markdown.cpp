// CommonMark + GFM tables through libcmark-gfm, turned into our document tree.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstring>
#include <mutex>
#include <regex>

#include "templates/template.h"

namespace dv::tmpl {
namespace {

using doc::Block;
using doc::Inline;

struct Walker {
    const std::string& file;
    Diagnostics& diags;
    int lineOffset;  // lines taken by the front matter
    bool ok = true;

    int lineOf(cmark_node* n) const { return cmark_node_get_start_line(n) + lineOffset; }
    void error(cmark_node* n, const std::string& msg) {
        diags.add(file, std::to_string(lineOf(n)), msg);
        ok = false;
    }

    // <span lang="xx"> opens a language run among the inlines of one parent, </span> closes it.
    // Anything else in inline HTML is an error: the templates write Markdown.
    bool languageSpan(cmark_node* n, const Inline& outer, Inline& style, bool& open) {
        static const std::regex opening(R"re(<span lang="([A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*)">)re");
        const std::string html = cmark_node_get_literal(n);
        std::smatch m;
        if (std::regex_match(html, m, opening) && !open) {
            style.lang = m[1].str();
            open = true;
            return true;
        }
        if (html == "</span>" && open) {
            style.lang = outer.lang;
            open = false;
            return true;
        }
        return false;
    }

    void inlines(cmark_node* parent, Inline outer, doc::Inlines& out) {
        Inline style = outer;
        bool spanOpen = false;
        for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
            switch (cmark_node_get_type(n)) {
            case CMARK_NODE_TEXT: {
                Inline i = style;
                i.text = cmark_node_get_literal(n);
                out.push_back(std::move(i));
                break;
            }
            case CMARK_NODE_SOFTBREAK: {
                Inline i = style;
                i.text = " ";
                out.push_back(std::move(i));
                break;
            }
            case CMARK_NODE_LINEBREAK: {
                Inline i = style;
                i.kind = Inline::Kind::LineBreak;
                out.push_back(std::move(i));
                break;
            }
            case CMARK_NODE_CODE: {
                Inline i = style;
                i.code = true;
                i.text = cmark_node_get_literal(n);
                out.push_back(std::move(i));
                break;
            }
            case CMARK_NODE_EMPH: {
                Inline s = style;
                s.italic = true;
                inlines(n, s, out);
                break;
            }
            case CMARK_NODE_STRONG: {
                Inline s = style;
                s.bold = true;
                inlines(n, s, out);
                break;
            }
            case CMARK_NODE_LINK: {
                Inline s = style;
                s.link = cmark_node_get_url(n);
                inlines(n, s, out);
                break;
            }
            case CMARK_NODE_HTML_INLINE:
                if (!languageSpan(n, outer, style, spanOpen))
                    error(n, std::string("inline HTML is not supported (only <span lang=\"nb\">…</span> around "
                                         "words in the other målform, opened and closed in one paragraph, "
                                         "heading, cell or emphasis): ") + cmark_node_get_literal(n));
                break;
            case CMARK_NODE_IMAGE:
                error(n, "an image must stand alone in its paragraph: ![what it shows](file.png \"caption\")");
                break;
            default:
                error(n, std::string("unsupported inline element \"") + cmark_node_get_type_string(n) + "\"");
            }
        }
        if (spanOpen) error(parent, "<span lang=\"" + style.lang + "\"> is not closed with </span> in the same paragraph, heading, cell or emphasis");
    }

    // "<!-- figur: ID\nkey: value\n…-->": the keys tekst and alt are required, serie and rader
    // optional ('|' between items). Values were filled by Mustache with Markdown escapes, which
    // mean nothing inside a comment: they are undone here.
    static std::string unescape(const std::string& v) {
        std::string out;
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (v[i] == '\\' && i + 1 < v.size() && std::strchr("\\`*_[]<>#|~", v[i + 1])) ++i;
            out += v[i];
        }
        return out;
    }
    static std::string trim(std::string v) {
        v.erase(0, v.find_first_not_of(' '));
        while (!v.empty() && v.back() == ' ') v.pop_back();
        return v;
    }
    static std::vector<std::string> items(const std::string& v) {
        std::vector<std::string> out;
        std::size_t p = 0;
        while (true) {
            std::size_t bar = v.find(" | ", p);
            out.push_back(unescape(trim(v.substr(p, bar == std::string::npos ? std::string::npos : bar - p))));
            if (bar == std::string::npos) break;
            p = bar + 3;
        }
        return out;
    }
    bool figure(cmark_node* n, const std::string& lit, Block& b) {
        b.kind = Block::Kind::Figure;
        std::string body = lit.substr(std::strlen("<!-- figur:"));
        if (body.size() >= 3 && body.compare(body.size() - 3, 3, "-->") == 0) body.erase(body.size() - 3);
        std::size_t nl = body.find('\n');
        b.figureId = trim(body.substr(0, nl));
        bool good = true;
        if (b.figureId.empty() || b.figureId.find(' ') != std::string::npos) {
            error(n, "a figure starts \"<!-- figur: ID\" with one name, got \"" + b.figureId + "\"");
            good = false;
        }
        int line = lineOf(n);
        while (nl != std::string::npos) {
            std::size_t next = body.find('\n', nl + 1);
            std::string l = trim(body.substr(nl + 1, next == std::string::npos ? std::string::npos : next - nl - 1));
            nl = next;
            ++line;
            if (l.empty()) continue;
            std::size_t colon = l.find(':');
            std::string key = colon == std::string::npos ? l : l.substr(0, colon);
            std::string value = colon == std::string::npos ? "" : trim(l.substr(colon + 1));
            if (key == "tekst") b.caption = unescape(value);
            else if (key == "alt") b.alt = unescape(value);
            else if (key == "serie") b.series = items(value);
            else if (key == "rader") b.rowNames = items(value);
            else {
                diags.add(file, std::to_string(line), "a figure takes the lines tekst:, alt:, serie: and rader:, not \"" + key + "\"");
                ok = good = false;
            }
        }
        if (b.caption.empty()) { error(n, "the figure \"" + b.figureId + "\" has no caption (a line \"tekst: …\")"); good = false; }
        if (b.alt.empty())
            { error(n, "the figure \"" + b.figureId + "\" has no alternative text (a line \"alt: …\" saying what it shows, for readers who cannot see it)"); good = false; }
        return good;
    }

    // "![alternative text](file.png "caption")": a figure showing a raster image. The
    // alternative text is required; the caption (the title) is optional (a logo has none).
    bool image(cmark_node* n, Block& b) {
        b.kind = Block::Kind::Figure;
        b.imagePath = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
        b.figureId = b.imagePath;
        b.caption = cmark_node_get_title(n) ? cmark_node_get_title(n) : "";
        doc::Inlines alt;
        inlines(n, Inline{}, alt);
        b.alt = trim(doc::plainText(alt));
        if (b.alt.empty()) {
            error(n, "the image \"" + b.imagePath + "\" has no alternative text: write what it shows between the brackets, ![…](" + b.imagePath + ")");
            return false;
        }
        return true;
    }

    doc::Blocks blocks(cmark_node* parent) {
        doc::Blocks out;
        std::string role;  // from a "<!-- forslag til vedtak -->" marker, for the next paragraph
        for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
            Block b;
            b.line = lineOf(n);
            std::string type = cmark_node_get_type_string(n);
            switch (cmark_node_get_type(n)) {
            case CMARK_NODE_HEADING: {
                b.kind = Block::Kind::Heading;
                b.level = cmark_node_get_heading_level(n);
                inlines(n, Inline{}, b.inlines);
                // "# Title {-}": an unnumbered heading (pandoc's spelling).
                if (!b.inlines.empty()) {
                    std::string& last = b.inlines.back().text;
                    if (last.size() >= 3 && last.compare(last.size() - 3, 3, "{-}") == 0) {
                        b.numbered = false;
                        last.erase(last.size() - 3);
                        while (!last.empty() && last.back() == ' ') last.pop_back();
                    }
                }
                break;
            }
            case CMARK_NODE_PARAGRAPH:
                if (cmark_node* only = cmark_node_first_child(n);
                    only && !cmark_node_next(only) && cmark_node_get_type(only) == CMARK_NODE_IMAGE) {
                    if (!image(only, b)) continue;
                    break;
                }
                b.kind = Block::Kind::Paragraph;
                inlines(n, Inline{}, b.inlines);
                break;
            case CMARK_NODE_LIST:
                b.kind = Block::Kind::List;
                b.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
                b.start = cmark_node_get_list_start(n);
                for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item))
                    b.items.push_back(blocks(item));
                break;
            case CMARK_NODE_BLOCK_QUOTE:
                b.kind = Block::Kind::Quote;
                b.children = blocks(n);
                break;
            case CMARK_NODE_THEMATIC_BREAK:
                b.kind = Block::Kind::Rule;
                break;
            case CMARK_NODE_HTML_BLOCK: {
                std::string lit = cmark_node_get_literal(n);
                while (!lit.empty() && (lit.back() == '\n' || lit.back() == ' ')) lit.pop_back();
                if (lit == "<!-- innhald -->" || lit == "<!-- innhold -->") b.kind = Block::Kind::Contents;
                else if (lit == "<!-- sideskift -->") b.kind = Block::Kind::PageBreak;
                else if (lit == "<!-- figurliste -->") b.kind = Block::Kind::FigureList;
                else if (lit.rfind("<!-- figur:", 0) == 0) {
                    if (!figure(n, lit, b)) continue;
                }
                else if (lit == "<!-- forslag til vedtak -->") {
                    role = "forslag-til-vedtak";
                    continue;
                }
                else if (lit.rfind("<!--", 0) == 0) continue;  // a comment for the editors
                else { error(n, "raw HTML is not supported: " + lit.substr(0, 40)); continue; }
                break;
            }
            case CMARK_NODE_CODE_BLOCK:
                error(n, "code blocks are not supported in these templates (indented text by 4 spaces is one)");
                continue;
            default:
                if (type == "table") {
                    b.kind = Block::Kind::Table;
                    uint16_t cols = cmark_gfm_extensions_get_table_columns(n);
                    uint8_t* al = cmark_gfm_extensions_get_table_alignments(n);
                    for (uint16_t c = 0; c < cols; ++c) {
                        uint8_t a = al ? al[c] : 0;
                        b.align.push_back(a == 'l' ? doc::Align::Left : a == 'r' ? doc::Align::Right
                                          : a == 'c' ? doc::Align::Center : doc::Align::Auto);
                    }
                    for (cmark_node* row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
                        std::vector<doc::Inlines> cells;
                        for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
                            doc::Inlines in;
                            inlines(cell, Inline{}, in);
                            cells.push_back(std::move(in));
                        }
                        cells.resize(cols);
                        b.rows.push_back(std::move(cells));
                    }
                    break;
                }
                error(n, "unsupported block \"" + type + "\"");
                continue;
            }
            if (!role.empty()) {
                if (b.kind != Block::Kind::Paragraph) error(n, "\"<!-- forslag til vedtak -->\" must stand before a paragraph");
                b.role = std::move(role);
                role.clear();
            }
            out.push_back(std::move(b));
        }
        return out;
    }
};

}  // namespace

std::optional<doc::Document> parseMarkdown(const std::string& file, const std::string& markdown,
                                           Diagnostics& diags) {
    static std::once_flag registered;
    std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });

    doc::Document d;
    d.file = file;
    std::string body = markdown;
    int offset = 0;
    if (body.rfind("---\n", 0) == 0) {
        std::size_t end = body.find("\n---\n", 3);
        if (end == std::string::npos) {
            diags.add(file, "1", "front matter opened with \"---\" is never closed with a \"---\" line");
            return std::nullopt;
        }
        std::string fm = body.substr(4, end - 3);
        int line = 2;
        std::size_t p = 0;
        bool ok = true;
        while (p < fm.size()) {
            std::size_t nl = fm.find('\n', p);
            std::string l = fm.substr(p, nl - p);
            p = nl == std::string::npos ? fm.size() : nl + 1;
            if (!l.empty() && l.find_first_not_of(' ') != std::string::npos) {
                std::size_t colon = l.find(':');
                if (colon == std::string::npos) {
                    diags.add(file, std::to_string(line), "front matter line must be \"key: value\", got \"" + l + "\"");
                    ok = false;
                } else {
                    std::string v = l.substr(colon + 1);
                    v.erase(0, v.find_first_not_of(' '));
                    d.meta[l.substr(0, colon)] = v;
                }
            }
            ++line;
        }
        if (!ok) return std::nullopt;
        for (std::size_t i = 0; i < end + 5; ++i) offset += body[i] == '\n';
        body = body.substr(end + 5);
    }

    cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
    for (const char* ext : {"table"})
        if (cmark_syntax_extension* e = cmark_find_syntax_extension(ext))
            cmark_parser_attach_syntax_extension(parser, e);
    cmark_parser_feed(parser, body.data(), body.size());
    cmark_node* root = cmark_parser_finish(parser);
    Walker w{file, diags, offset};
    d.blocks = w.blocks(root);
    cmark_node_free(root);
    cmark_parser_free(parser);
    if (!w.ok) return std::nullopt;
    return d;
}

}  // namespace dv::tmpl
