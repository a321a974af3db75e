// The document tree the template stage hands to layout: what the Markdown says, no positions.
// Blocks and inline runs, with the template line each block came from for error messages.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "drawing/drawing.h"

namespace dv::doc {

struct Inline {
    enum class Kind { Text, LineBreak };
    Kind kind = Kind::Text;
    std::string text;  // UTF-8
    bool bold = false;
    bool italic = false;
    bool code = false;
    std::string link;  // URI, or "" when not a link
    // BCP 47 language of a run in another language than the document's ("nb" for a bokmål
    // source title in a nynorsk text), from <span lang="nb">…</span> in the template; "" when
    // the run is in the document's language. HTML writes it as lang, the PDF as a Span with /Lang.
    std::string lang;
};
using Inlines = std::vector<Inline>;

enum class Align { Auto, Left, Center, Right };

struct Block;
using Blocks = std::vector<Block>;

struct Block {
    enum class Kind { Heading, Paragraph, List, Quote, Table, Rule, PageBreak, Contents, Figure, FigureList };
    Kind kind = Kind::Paragraph;
    int line = 0;  // line in the rendered template (1-based)

    Inlines inlines;  // Heading, Paragraph

    int level = 0;          // Heading: 1..6
    bool numbered = true;   // Heading: false when written "# Title {-}"
    std::string number;     // Heading: "2.1", filled by numberHeadings()

    bool ordered = false;  // List
    int start = 1;         // List
    std::vector<Blocks> items;  // List: the blocks of each item

    Blocks children;  // Quote

    std::vector<std::vector<Inlines>> rows;  // Table: rows of cells, the first is the header
    std::vector<Align> align;                // Table: per column, from the delimiter row

    // Paragraph: a role the editable formats give a style of their own ("forslag-til-vedtak",
    // set by "<!-- forslag til vedtak -->" before it); the PDF lays it out as any paragraph.
    std::string role;

    // Figure: "<!-- figur: ID" with "tekst:", "alt:" and optionally "serie:"/"rader:" lines
    // ('|' between items) "-->". The engine fills in the drawing (a chart of the view, or a
    // diagram file) and the rows behind a chart; numberFigures() the number and the label.
    std::string figureId;
    std::string caption;                   // "tekst:": the caption after the label
    std::string alt;                       // "alt:": the alternative text (/Alt)
    std::vector<std::string> series;       // "serie:": legend names of a chart
    std::vector<std::string> rowNames;     // "rader:": a chart's row names when they are words
    std::string imagePath;                 // a raster image: "![alt](file "caption")" alone in a paragraph
    std::string label;                     // "Figur 3." from the front matter's figurnemning (captioned figures)
    draw::Drawing drawing;
    std::vector<std::vector<std::string>> data;  // a chart's rows: name, then each value as printed
};

struct Document {
    std::string file;                         // template the document came from
    std::map<std::string, std::string> meta;  // front matter: tittel, undertittel, ...
    Blocks blocks;
};

// Plain text of inline runs (bookmarks, contents entries, /Alt texts).
std::string plainText(const Inlines& in);

// Each column's alignment with Auto resolved as every backend shows it: Auto is Right for a
// column whose cells are all numbers ("1 234", "12,5 %", "(3)"; empty cells and a lone dash,
// meaning none, aside), else Left.
std::vector<Align> columnAlignments(const Block& table);

// Numbers the headings marked numbered ("1", "1.2", ...) down to `depth` levels, after the
// first Contents block if there is one (the front matter stays unnumbered).
void numberHeadings(Document& d, int depth);

// Numbers the figures 1, 2, … in document order and sets each label from the front matter's
// "figurnemning" (e.g. "Figur [nr]."; the wording is the template's). False when the document
// has figures and no figurnemning.
bool numberFigures(Document& d);

// Every figure of the document (nested ones included), in document order.
std::vector<Block*> figures(Document& d);
std::vector<const Block*> figures(const Document& d);

}  // namespace dv::doc
