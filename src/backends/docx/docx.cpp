#include "backends/docx/docx.h"

#include <sstream>

#include "core/text.h"

namespace dv::docx {
namespace {

using doc::Block;

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kPkgRels = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* kXml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

// numbering.xml: abstract 1 is the bullet list, abstract 2 the decimal list. Bullet lists share
// num 1; every ordered list gets its own num (from 2) restarting at its start value.
struct Numbering {
    std::vector<int> orderedStarts;  // num 2, 3, ...: the start of each ordered list
    int add(bool ordered, int start) {
        if (!ordered) return 1;
        orderedStarts.push_back(start);
        return static_cast<int>(orderedStarts.size()) + 1;
    }
};

struct Writer {
    std::ostringstream body;
    Numbering numbering;
    std::vector<std::string> links;  // hyperlink targets: relationship ids rIdLink1, ...

    std::string linkId(const std::string& uri) {
        for (std::size_t i = 0; i < links.size(); ++i)
            if (links[i] == uri) return "rIdLink" + std::to_string(i + 1);
        links.push_back(uri);
        return "rIdLink" + std::to_string(links.size());
    }

    void runs(const doc::Inlines& in, bool bold = false) {
        std::size_t i = 0;
        while (i < in.size()) {
            if (!in[i].link.empty()) {
                const std::string& uri = in[i].link;
                body << "<w:hyperlink r:id=\"" << linkId(uri) << "\">";
                for (; i < in.size() && in[i].link == uri; ++i) run(in[i], bold, true);
                body << "</w:hyperlink>";
            } else {
                run(in[i++], bold, false);
            }
        }
    }

    void run(const doc::Inline& r, bool bold, bool link) {
        body << "<w:r>";
        if (r.bold || bold || r.italic || r.code || link) {
            body << "<w:rPr>";
            if (link) body << "<w:rStyle w:val=\"Hyperlink\"/>";
            if (r.code) body << "<w:rFonts w:ascii=\"DejaVu Sans Mono\" w:hAnsi=\"DejaVu Sans Mono\"/>";
            if (r.bold || bold) body << "<w:b/>";
            if (r.italic) body << "<w:i/>";
            body << "</w:rPr>";
        }
        if (r.kind == doc::Inline::Kind::LineBreak) body << "<w:br/>";
        else body << "<w:t xml:space=\"preserve\">" << xmlEscape(r.text) << "</w:t>";
        body << "</w:r>";
    }

    // One paragraph; `numId`/`level` > 0 / >= 0 make it a list item's first paragraph.
    void paragraph(const std::string& style, const doc::Inlines& in, int numId = 0, int level = 0, int indentLevel = -1,
                   const std::string& jc = "", bool bold = false) {
        body << "<w:p>";
        if (!style.empty() || numId || indentLevel >= 0 || !jc.empty()) {
            body << "<w:pPr>";
            if (!style.empty()) body << "<w:pStyle w:val=\"" << style << "\"/>";
            if (numId) body << "<w:numPr><w:ilvl w:val=\"" << level << "\"/><w:numId w:val=\"" << numId << "\"/></w:numPr>";
            if (indentLevel >= 0) body << "<w:ind w:left=\"" << 720 * (indentLevel + 1) << "\"/>";
            if (!jc.empty()) body << "<w:jc w:val=\"" << jc << "\"/>";
            body << "</w:pPr>";
        }
        runs(in, bold);
        body << "</w:p>";
    }

    void blocks(const doc::Blocks& bs, int listLevel = -1, const std::string& quote = "") {
        for (const Block& b : bs) block(b, listLevel, quote);
    }

    void block(const Block& b, int listLevel, const std::string& quote) {
        switch (b.kind) {
        case Block::Kind::Heading: {
            doc::Inlines in = b.inlines;
            if (!b.number.empty()) {
                doc::Inline number;
                number.text = b.number + " ";
                in.insert(in.begin(), number);
            }
            paragraph("Heading" + std::to_string(b.level), in);
            break;
        }
        case Block::Kind::Paragraph:
            if (b.role == "forslag-til-vedtak") paragraph("ForslagTilVedtak", b.inlines);
            else paragraph(!quote.empty() ? quote : listLevel >= 0 ? "ListParagraph" : "", b.inlines, 0, 0, listLevel);
            break;
        case Block::Kind::List: {
            int numId = numbering.add(b.ordered, b.start);
            int level = listLevel + 1;
            for (const doc::Blocks& item : b.items) {
                bool first = true;
                for (const Block& ib : item) {
                    if (first && ib.kind == Block::Kind::Paragraph) {
                        paragraph("ListParagraph", ib.inlines, numId, level);
                    } else {
                        block(ib, level, quote);
                    }
                    first = false;
                }
                if (item.empty()) paragraph("ListParagraph", {}, numId, level);
            }
            break;
        }
        case Block::Kind::Quote:
            blocks(b.children, listLevel, "Quote");
            break;
        case Block::Kind::Table:
            table(b);
            break;
        case Block::Kind::Rule:
            body << "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"auto\"/></w:pBdr></w:pPr></w:p>";
            break;
        case Block::Kind::PageBreak:
            body << "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>";
            break;
        case Block::Kind::Contents:
            break;  // the PDF's contents page: a word processor makes its own
        case Block::Kind::Figure:
        case Block::Kind::FigureList:
            break;  // no case document has figures yet (the knowledge base is PDF only)
        }
    }

    void table(const Block& b) {
        std::size_t cols = b.align.size();
        if (cols == 0 || b.rows.empty()) return;
        bool emptyHeader = true;
        for (const auto& cell : b.rows[0]) emptyHeader = emptyHeader && doc::plainText(cell).empty();
        body << "<w:tbl><w:tblPr><w:tblStyle w:val=\"Tabell\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
                "<w:tblLook w:val=\"04A0\" w:firstRow=\"" << (emptyHeader ? 0 : 1) << "\" w:lastRow=\"0\" w:firstColumn=\"0\" "
                "w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>";
        for (std::size_t c = 0; c < cols; ++c) body << "<w:gridCol w:w=\"" << 9000 / cols << "\"/>";
        body << "</w:tblGrid>";
        // A header row with no text (a two-column fact table) carries nothing: it is left out.
        for (std::size_t r = emptyHeader ? 1 : 0; r < b.rows.size(); ++r) {
            bool header = r == 0;
            body << "<w:tr>";
            if (header) body << "<w:trPr><w:tblHeader/></w:trPr>";
            for (std::size_t c = 0; c < cols; ++c) {
                body << "<w:tc><w:tcPr><w:tcW w:w=\"" << 9000 / cols << "\" w:type=\"dxa\"/></w:tcPr>";
                std::string jc = b.align[c] == doc::Align::Right ? "right" : b.align[c] == doc::Align::Center ? "center" : "";
                paragraph(header ? "Tabelloverskrift" : "Tabelltekst", b.rows[r][c], 0, 0, -1, jc);
                body << "</w:tc>";
            }
            body << "</w:tr>";
        }
        body << "</w:tbl>";
        body << "<w:p/>";  // Word needs a paragraph between two tables and after the last one
    }
};

std::string documentXml(const std::string& body) {
    std::ostringstream x;
    x << kXml << "<w:document xmlns:w=\"" << kW << "\" xmlns:r=\"" << kR << "\"><w:body>" << body
      << "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
         "<w:pgMar w:top=\"1417\" w:right=\"1417\" w:bottom=\"1417\" w:left=\"1417\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/>"
         "</w:sectPr></w:body></w:document>";
    return x.str();
}

std::string paragraphStyle(const std::string& id, const std::string& name, const std::string& pPr, const std::string& rPr,
                           const std::string& basedOn = "Normal") {
    std::ostringstream x;
    x << "<w:style w:type=\"paragraph\" w:styleId=\"" << id << "\"><w:name w:val=\"" << name << "\"/>";
    if (!basedOn.empty()) x << "<w:basedOn w:val=\"" << basedOn << "\"/><w:next w:val=\"Normal\"/>";
    x << "<w:qFormat/><w:pPr>" << pPr << "</w:pPr><w:rPr>" << rPr << "</w:rPr></w:style>";
    return x.str();
}

std::string stylesXml(const std::string& lang) {
    std::ostringstream x;
    x << kXml << "<w:styles xmlns:w=\"" << kW << "\">"
      << "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:cs=\"Calibri\" w:eastAsia=\"Calibri\"/>"
         "<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"" << lang << "\" w:eastAsia=\"" << lang << "\" w:bidi=\"" << lang << "\"/>"
         "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr>"
         "</w:pPrDefault></w:docDefaults>"
      << "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>";
    static const int sizes[] = {32, 28, 24, 22, 22, 22};
    for (int level = 1; level <= 6; ++level) {
        x << paragraphStyle("Heading" + std::to_string(level), "heading " + std::to_string(level),
                            "<w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"80\"/><w:outlineLvl w:val=\"" +
                                std::to_string(level - 1) + "\"/>",
                            "<w:b/><w:sz w:val=\"" + std::to_string(sizes[level - 1]) + "\"/>");
    }
    x << paragraphStyle("ForslagTilVedtak", kDecisionStyleName,
                        "<w:pBdr><w:left w:val=\"single\" w:sz=\"18\" w:space=\"8\" w:color=\"1F4E79\"/></w:pBdr>"
                        "<w:spacing w:before=\"120\" w:after=\"240\"/><w:ind w:left=\"284\"/>",
                        "")
      << paragraphStyle("ListParagraph", "List Paragraph", "<w:ind w:left=\"720\"/><w:contextualSpacing/>", "")
      << paragraphStyle("Quote", "Quote", "<w:ind w:left=\"567\" w:right=\"567\"/>", "<w:i/>")
      << paragraphStyle("Tabelltekst", "Tabelltekst", "<w:spacing w:before=\"40\" w:after=\"40\"/>", "")
      << paragraphStyle("Tabelloverskrift", "Tabelloverskrift", "<w:keepNext/><w:spacing w:before=\"40\" w:after=\"40\"/>", "<w:b/>",
                        "Tabelltekst")
      << "<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/>"
         "<w:rPr><w:color w:val=\"0563C1\"/><w:u w:val=\"single\"/></w:rPr></w:style>"
      << "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
         "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
         "<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
         "</w:tblCellMar></w:tblPr></w:style>"
      << "<w:style w:type=\"table\" w:styleId=\"Tabell\"><w:name w:val=\"Tabell\"/><w:basedOn w:val=\"TableNormal\"/>"
         "<w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>"
         "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>"
         "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"BFBFBF\"/></w:tblBorders></w:tblPr></w:style>"
      << "</w:styles>";
    return x.str();
}

std::string numberingXml(const Numbering& n) {
    std::ostringstream x;
    x << kXml << "<w:numbering xmlns:w=\"" << kW << "\">";
    static const char* bullets[] = {"\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x97\xA6"};  // • – ◦
    x << "<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"hybridMultilevel\"/>";
    for (int l = 0; l < 9; ++l)
        x << "<w:lvl w:ilvl=\"" << l << "\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"" << bullets[l % 3]
          << "\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"" << 720 * (l + 1) << "\" w:hanging=\"360\"/></w:pPr></w:lvl>";
    x << "</w:abstractNum><w:abstractNum w:abstractNumId=\"2\"><w:multiLevelType w:val=\"hybridMultilevel\"/>";
    for (int l = 0; l < 9; ++l)
        x << "<w:lvl w:ilvl=\"" << l << "\"><w:start w:val=\"1\"/><w:numFmt w:val=\"" << (l % 2 ? "lowerLetter" : "decimal")
          << "\"/><w:lvlText w:val=\"%" << l + 1 << ".\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"" << 720 * (l + 1)
          << "\" w:hanging=\"360\"/></w:pPr></w:lvl>";
    x << "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num>";
    for (std::size_t i = 0; i < n.orderedStarts.size(); ++i)
        x << "<w:num w:numId=\"" << i + 2 << "\"><w:abstractNumId w:val=\"2\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\""
          << n.orderedStarts[i] << "\"/></w:lvlOverride></w:num>";
    x << "</w:numbering>";
    return x.str();
}

std::string settingsXml(const std::string& lang) {
    std::ostringstream x;
    x << kXml << "<w:settings xmlns:w=\"" << kW << "\"><w:defaultTabStop w:val=\"708\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>"
      << "<w:themeFontLang w:val=\"" << lang << "\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" "
         "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>";
    return x.str();
}

std::string documentRels(const std::vector<std::string>& links) {
    std::ostringstream x;
    x << kXml << "<Relationships xmlns=\"" << kPkgRels << "\">"
      << "<Relationship Id=\"rId1\" Type=\"" << kR << "/styles\" Target=\"styles.xml\"/>"
      << "<Relationship Id=\"rId2\" Type=\"" << kR << "/numbering\" Target=\"numbering.xml\"/>"
      << "<Relationship Id=\"rId3\" Type=\"" << kR << "/settings\" Target=\"settings.xml\"/>";
    for (std::size_t i = 0; i < links.size(); ++i)
        x << "<Relationship Id=\"rIdLink" << i + 1 << "\" Type=\"" << kR << "/hyperlink\" Target=\"" << xmlEscape(links[i])
          << "\" TargetMode=\"External\"/>";
    x << "</Relationships>";
    return x.str();
}

std::string coreXml(const Info& info) {
    std::string when = info.date.iso() + "T12:00:00Z";
    std::ostringstream x;
    x << kXml << "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
      << "<dc:title>" << xmlEscape(info.title) << "</dc:title><dc:subject>" << xmlEscape(info.subject) << "</dc:subject>"
      << "<dc:creator>" << xmlEscape(info.author) << "</dc:creator><cp:keywords>" << xmlEscape(info.keywords) << "</cp:keywords>"
      << "<dc:language>" << info.lang << "</dc:language>"
      << "<dcterms:created xsi:type=\"dcterms:W3CDTF\">" << when << "</dcterms:created>"
      << "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">" << when << "</dcterms:modified></cp:coreProperties>";
    return x.str();
}

}  // namespace

std::vector<zip::Entry> parts(const doc::Document& d, const Info& info) {
    Writer w;
    w.blocks(d.blocks);
    std::vector<zip::Entry> out;
    out.push_back({"[Content_Types].xml",
                   std::string(kXml) +
                       "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                       "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                       "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                       "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                       "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
                       "<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>"
                       "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
                       "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
                       "</Types>"});
    out.push_back({"_rels/.rels", std::string(kXml) + "<Relationships xmlns=\"" + kPkgRels + "\">"
                                      "<Relationship Id=\"rId1\" Type=\"" + kR + "/officeDocument\" Target=\"word/document.xml\"/>"
                                      "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" "
                                      "Target=\"docProps/core.xml\"/></Relationships>"});
    out.push_back({"docProps/core.xml", coreXml(info)});
    out.push_back({"word/document.xml", documentXml(w.body.str())});
    out.push_back({"word/styles.xml", stylesXml(info.lang)});
    out.push_back({"word/numbering.xml", numberingXml(w.numbering)});
    out.push_back({"word/settings.xml", settingsXml(info.lang)});
    out.push_back({"word/_rels/document.xml.rels", documentRels(w.links)});
    return out;
}

void write(const std::string& path, const doc::Document& d, const Info& info) { zip::write(path, parts(d, info), info.date); }

}  // namespace dv::docx
