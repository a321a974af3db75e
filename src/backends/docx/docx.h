// The editable case document as Office Open XML (WordprocessingML, .docx), written from the same
// document tree the PDF is laid out from: headings as the built-in "heading N" styles with outline
// levels, lists as numbered or bulleted lists (numbering.xml), tables with their first row marked as
// a repeated header row, block quotes as "Quote", and a paragraph with role "forslag-til-vedtak" in
// a style of its own, "Forslag til vedtak". The XML parts are ours, zipped by backends/zip with the
// document date on every entry: the same tree gives the same bytes.
#pragma once

#include <string>
#include <vector>

#include "backends/zip/zip.h"
#include "core/date.h"
#include "templates/document.h"

namespace dv::docx {

struct Info {
    std::string title;
    std::string subject;
    std::string author;
    std::string keywords;
    std::string lang;  // BCP 47: "nn-NO", "nb-NO"
    Date date;         // docProps/core.xml created/modified and the zip entries' date
};

// The package parts, in the order they are written.
std::vector<zip::Entry> parts(const doc::Document& d, const Info& info);

// Writes the .docx at `path`; throws std::runtime_error naming the path.
void write(const std::string& path, const doc::Document& d, const Info& info);

// The name of the proposed decision's paragraph style.
inline constexpr const char* kDecisionStyleName = "Forslag til vedtak";

}  // namespace dv::docx
