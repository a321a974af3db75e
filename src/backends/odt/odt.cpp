#include "backends/odt/odt.h"

#include <sstream>

#include "core/text.h"

namespace dv::odt {
namespace {

using doc::Block;

constexpr const char* kXml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
constexpr const char* kNs =
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
    "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" "
    "xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
    "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" "
    "xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" "
    "office:version=\"1.3\"";

// Text content. ODF collapses white space in a paragraph as HTML does (across spans, and at its
// start): a space that follows a space or starts the paragraph is written as text:s, tabs as
// text:tab. `afterSpace` carries the state from run to run within one paragraph.
std::string text(const std::string& s, bool& afterSpace) {
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        if (s[i] == ' ') {
            out += afterSpace ? "<text:s/>" : " ";
            afterSpace = true;
            ++i;
        } else if (s[i] == '\t') {
            out += "<text:tab/>";
            afterSpace = false;
            ++i;
        } else {
            std::size_t j = s.find_first_of(" \t", i);
            if (j == std::string::npos) j = s.size();
            out += xmlEscape(s.substr(i, j - i));
            afterSpace = false;
            i = j;
        }
    }
    return out;
}

struct Writer {
    std::ostringstream body;

    void runs(const doc::Inlines& in) {
        bool afterSpace = true;  // at the start of the paragraph
        for (const doc::Inline& r : in) {
            if (!r.link.empty()) body << "<text:a xlink:type=\"simple\" xlink:href=\"" << xmlEscape(r.link) << "\">";
            std::string span = r.code ? "T_kode" : r.bold && r.italic ? "T_halvfeit_kursiv" : r.bold ? "T_halvfeit" : r.italic ? "T_kursiv" : "";
            if (!span.empty()) body << "<text:span text:style-name=\"" << span << "\">";
            if (r.kind == doc::Inline::Kind::LineBreak) {
                body << "<text:line-break/>";
                afterSpace = true;
            } else {
                body << text(r.text, afterSpace);
            }
            if (!span.empty()) body << "</text:span>";
            if (!r.link.empty()) body << "</text:a>";
        }
    }

    void paragraph(const std::string& style, const doc::Inlines& in) {
        body << "<text:p text:style-name=\"" << style << "\">";
        runs(in);
        body << "</text:p>";
    }

    void blocks(const doc::Blocks& bs, const std::string& paraStyle) {
        for (const Block& b : bs) block(b, paraStyle);
    }

    void block(const Block& b, const std::string& paraStyle) {
        switch (b.kind) {
        case Block::Kind::Heading: {
            body << "<text:h text:style-name=\"Heading_20_" << b.level << "\" text:outline-level=\"" << b.level << "\">";
            doc::Inlines in = b.inlines;
            if (!b.number.empty()) {
                doc::Inline number;
                number.text = b.number + " ";
                in.insert(in.begin(), number);
            }
            runs(in);
            body << "</text:h>";
            break;
        }
        case Block::Kind::Paragraph:
            paragraph(b.role == "forslag-til-vedtak" ? "Forslag_20_til_20_vedtak" : paraStyle, b.inlines);
            break;
        case Block::Kind::List: {
            body << "<text:list text:style-name=\"" << (b.ordered ? "L_nummer" : "L_punkt") << "\">";
            for (std::size_t i = 0; i < b.items.size(); ++i) {
                body << "<text:list-item";
                if (b.ordered && i == 0 && b.start != 1) body << " text:start-value=\"" << b.start << "\"";
                body << ">";
                blocks(b.items[i], "List_20_Contents");
                if (b.items[i].empty()) body << "<text:p text:style-name=\"List_20_Contents\"/>";
                body << "</text:list-item>";
            }
            body << "</text:list>";
            break;
        }
        case Block::Kind::Quote:
            blocks(b.children, "Quotations");
            break;
        case Block::Kind::Table:
            table(b);
            break;
        case Block::Kind::Rule:
            body << "<text:p text:style-name=\"Horizontal_20_Line\"/>";
            break;
        case Block::Kind::PageBreak:
            body << "<text:p text:style-name=\"P_sideskift\"/>";
            break;
        case Block::Kind::Contents:
            break;  // the PDF's contents page: a word processor makes its own
        case Block::Kind::Figure:
        case Block::Kind::FigureList:
            break;  // no case document has figures yet (the knowledge base is PDF only)
        }
    }

    int tables = 0;
    void table(const Block& b) {
        std::size_t cols = b.align.size();
        if (cols == 0 || b.rows.empty()) return;
        bool emptyHeader = true;
        for (const auto& cell : b.rows[0]) emptyHeader = emptyHeader && doc::plainText(cell).empty();
        body << "<table:table table:name=\"Tabell" << ++tables << "\" table:style-name=\"Tabell\">"
             << "<table:table-column table:number-columns-repeated=\"" << cols << "\"/>";
        auto row = [&](const std::vector<doc::Inlines>& cells, bool header) {
            body << "<table:table-row>";
            for (std::size_t c = 0; c < cols; ++c) {
                body << "<table:table-cell table:style-name=\"Celle\" office:value-type=\"string\">";
                std::string style = header ? "Table_20_Heading" : "Table_20_Contents";
                if (!header && b.align[c] == doc::Align::Right) style = "P_hogre";
                paragraph(style, cells[c]);
                body << "</table:table-cell>";
            }
            body << "</table:table-row>";
        };
        // A header row with no text (a two-column fact table) carries nothing: it is left out.
        if (!emptyHeader) {
            body << "<table:table-header-rows>";
            row(b.rows[0], true);
            body << "</table:table-header-rows>";
        }
        for (std::size_t r = 1; r < b.rows.size(); ++r) row(b.rows[r], false);
        body << "</table:table>";
    }
};

std::string langAttrs(const std::string& lang) {
    std::string language = lang.substr(0, lang.find('-'));
    std::string country = lang.find('-') == std::string::npos ? "" : lang.substr(lang.find('-') + 1);
    return "fo:language=\"" + language + "\" fo:country=\"" + country + "\"";
}

std::string contentXml(const std::string& body) {
    std::ostringstream x;
    x << kXml << "<office:document-content " << kNs << "><office:automatic-styles>"
      << "<style:style style:name=\"T_halvfeit\" style:family=\"text\"><style:text-properties fo:font-weight=\"bold\"/></style:style>"
      << "<style:style style:name=\"T_kursiv\" style:family=\"text\"><style:text-properties fo:font-style=\"italic\"/></style:style>"
      << "<style:style style:name=\"T_halvfeit_kursiv\" style:family=\"text\"><style:text-properties fo:font-weight=\"bold\" "
         "fo:font-style=\"italic\"/></style:style>"
      << "<style:style style:name=\"T_kode\" style:family=\"text\"><style:text-properties fo:font-family=\"DejaVu Sans Mono\"/></style:style>"
      << "<style:style style:name=\"P_hogre\" style:family=\"paragraph\" style:parent-style-name=\"Table_20_Contents\">"
         "<style:paragraph-properties fo:text-align=\"end\"/></style:style>"
      << "<style:style style:name=\"P_sideskift\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
         "<style:paragraph-properties fo:break-before=\"page\"/></style:style>"
      << "<style:style style:name=\"Tabell\" style:family=\"table\"><style:table-properties style:width=\"16cm\" "
         "table:align=\"margins\"/></style:style>"
      << "<style:style style:name=\"Celle\" style:family=\"table-cell\"><style:table-cell-properties fo:padding=\"0.1cm\" "
         "fo:border-bottom=\"0.5pt solid #bfbfbf\"/></style:style>"
      << "</office:automatic-styles><office:body><office:text>" << body << "</office:text></office:body></office:document-content>";
    return x.str();
}

std::string paragraphStyle(const std::string& name, const std::string& display, const std::string& parent,
                           const std::string& extra, const std::string& pProps, const std::string& tProps) {
    std::ostringstream x;
    x << "<style:style style:name=\"" << name << "\" style:display-name=\"" << display << "\" style:family=\"paragraph\"";
    if (!parent.empty()) x << " style:parent-style-name=\"" << parent << "\"";
    x << extra << ">";
    if (!pProps.empty()) x << "<style:paragraph-properties " << pProps << "/>";
    if (!tProps.empty()) x << "<style:text-properties " << tProps << "/>";
    x << "</style:style>";
    return x.str();
}

std::string listStyle(const std::string& name, bool ordered) {
    std::ostringstream x;
    x << "<text:list-style style:name=\"" << name << "\">";
    static const char* bullets[] = {"\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x97\xA6"};
    for (int l = 1; l <= 10; ++l) {
        std::string props = "<style:list-level-properties text:list-level-position-and-space-mode=\"label-alignment\">"
                            "<style:list-level-label-alignment text:label-followed-by=\"listtab\" fo:text-indent=\"-0.635cm\" "
                            "fo:margin-left=\"" + std::to_string(l * 127 / 100) + "." + std::to_string(l * 127 % 100 / 10) +
                            "cm\"/></style:list-level-properties>";
        if (ordered)
            x << "<text:list-level-style-number text:level=\"" << l << "\" style:num-suffix=\".\" style:num-format=\""
              << (l % 2 ? "1" : "a") << "\">" << props << "</text:list-level-style-number>";
        else
            x << "<text:list-level-style-bullet text:level=\"" << l << "\" text:bullet-char=\"" << bullets[(l - 1) % 3] << "\">" << props
              << "</text:list-level-style-bullet>";
    }
    x << "</text:list-style>";
    return x.str();
}

std::string stylesXml(const std::string& lang) {
    std::ostringstream x;
    x << kXml << "<office:document-styles " << kNs << "><office:styles>"
      << "<style:default-style style:family=\"paragraph\"><style:paragraph-properties fo:margin-bottom=\"0.21cm\"/>"
         "<style:text-properties fo:font-family=\"Liberation Serif\" fo:font-size=\"11pt\" " << langAttrs(lang) << "/></style:default-style>"
      << paragraphStyle("Standard", "Standard", "", " style:class=\"text\"", "", "")
      << paragraphStyle("Heading", "Heading", "Standard", " style:next-style-name=\"Standard\" style:class=\"text\"",
                        "fo:margin-top=\"0.42cm\" fo:margin-bottom=\"0.21cm\" fo:keep-with-next=\"always\"", "fo:font-weight=\"bold\"");
    static const char* sizes[] = {"16pt", "14pt", "12pt", "11pt", "11pt", "11pt"};
    for (int l = 1; l <= 6; ++l)
        x << paragraphStyle("Heading_20_" + std::to_string(l), "Heading " + std::to_string(l), "Heading",
                            " style:next-style-name=\"Standard\" style:default-outline-level=\"" + std::to_string(l) +
                                "\" style:class=\"text\"",
                            "", std::string("fo:font-size=\"") + sizes[l - 1] + "\" fo:font-weight=\"bold\"");
    x << paragraphStyle("Forslag_20_til_20_vedtak", "Forslag til vedtak", "Standard", " style:class=\"text\"",
                        "fo:margin-left=\"0.5cm\" fo:margin-top=\"0.21cm\" fo:margin-bottom=\"0.42cm\" fo:padding-left=\"0.25cm\" "
                        "fo:border-left=\"1.5pt solid #1f4e79\"",
                        "")
      << paragraphStyle("List_20_Contents", "List Contents", "Standard", " style:class=\"list\"", "", "")
      << paragraphStyle("Quotations", "Quotations", "Standard", " style:class=\"html\"",
                        "fo:margin-left=\"1cm\" fo:margin-right=\"1cm\"", "fo:font-style=\"italic\"")
      << paragraphStyle("Table_20_Contents", "Table Contents", "Standard", " style:class=\"extra\"", "fo:margin-bottom=\"0cm\"", "")
      << paragraphStyle("Table_20_Heading", "Table Heading", "Table_20_Contents", " style:class=\"extra\"", "", "fo:font-weight=\"bold\"")
      << paragraphStyle("Horizontal_20_Line", "Horizontal Line", "Standard", " style:class=\"html\"",
                        "fo:border-bottom=\"0.5pt solid #808080\" fo:padding=\"0cm\"", "")
      << listStyle("L_punkt", false) << listStyle("L_nummer", true)
      << "</office:styles><office:automatic-styles><style:page-layout style:name=\"A4\"><style:page-layout-properties "
         "fo:page-width=\"21cm\" fo:page-height=\"29.7cm\" fo:margin-top=\"2.5cm\" fo:margin-bottom=\"2.5cm\" "
         "fo:margin-left=\"2.5cm\" fo:margin-right=\"2.5cm\"/></style:page-layout></office:automatic-styles>"
         "<office:master-styles><style:master-page style:name=\"Standard\" style:page-layout-name=\"A4\"/></office:master-styles>"
         "</office:document-styles>";
    return x.str();
}

std::string metaXml(const Info& info) {
    std::string when = info.date.iso() + "T12:00:00";
    std::ostringstream x;
    x << kXml << "<office:document-meta " << kNs << "><office:meta>"
      << "<meta:generator>DigiVestland</meta:generator>"
      << "<dc:title>" << xmlEscape(info.title) << "</dc:title><dc:subject>" << xmlEscape(info.subject) << "</dc:subject>"
      << "<meta:initial-creator>" << xmlEscape(info.author) << "</meta:initial-creator><dc:creator>" << xmlEscape(info.author)
      << "</dc:creator><meta:keyword>" << xmlEscape(info.keywords) << "</meta:keyword><dc:language>" << info.lang
      << "</dc:language><meta:creation-date>" << when << "</meta:creation-date><dc:date>" << when
      << "</dc:date></office:meta></office:document-meta>";
    return x.str();
}

}  // namespace

std::vector<zip::Entry> parts(const doc::Document& d, const Info& info) {
    Writer w;
    w.blocks(d.blocks, "Standard");
    std::vector<zip::Entry> out;
    zip::Entry mime{"mimetype", "application/vnd.oasis.opendocument.text"};
    mime.stored = true;
    out.push_back(mime);
    out.push_back({"content.xml", contentXml(w.body.str())});
    out.push_back({"styles.xml", stylesXml(info.lang)});
    out.push_back({"meta.xml", metaXml(info)});
    out.push_back({"META-INF/manifest.xml",
                   std::string(kXml) +
                       "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">"
                       "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\" "
                       "manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                       "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                       "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>"
                       "<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>"
                       "</manifest:manifest>"});
    return out;
}

void write(const std::string& path, const doc::Document& d, const Info& info) { zip::write(path, parts(d, info), info.date); }

}  // namespace dv::odt
