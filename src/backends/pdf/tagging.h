// The structure tree of one PDF (ISO 32000-1 14.7, PDF/UA-1 7.1): a structure element for each
// layout node, the marked-content sequence (MCID) of each chunk on its page, link annotations as
// OBJR kids, a figure's /BBox, and at the end the StructTreeRoot with its ParentTree. The content
// stream writer (pdf.cpp) asks it for the MCIDs it writes. Internal to the PDF backend.
#pragma once

#include <podofo/podofo.h>

#include <map>
#include <unordered_map>
#include <utility>
#include <vector>

#include "layout/layout.h"

namespace dv::pdf::detail {

class StructureTree {
public:
    StructureTree(const layout::Laid& laid, PoDoFo::PdfVecObjects& objects) : laid_(laid), objects_(objects) {}

    // The elements, one object per layout node, their /S, attributes and /P.
    void createElements();

    // A new page, whose MCIDs start at 0.
    void beginPage(const PoDoFo::PdfReference& page);
    const PoDoFo::PdfReference& page(std::size_t p) const { return pageRefs_[p]; }

    // Whether chunk c goes on in prev's marked-content sequence: the same artifact kind, or the
    // same element with c its next kid (a paragraph's following line). One MCID then covers both,
    // so the element's /K and the page's ParentTree array list it once.
    bool continues(const layout::Chunk* prev, const layout::Chunk& c) const;
    // The MCID of the sequence chunk c (of an element) opens on page p.
    int mark(const layout::Chunk& c, std::size_t p);
    // Chunk c goes on in prev's sequence.
    void goesOn(const layout::Chunk& c, const layout::Chunk& prev) { chunkAt_[c.id] = chunkAt_[prev.id]; }
    // The area of a Figure element on its page.
    void figureBox(int node, const layout::Box& box) { figureBoxes_[node] = box; }
    // A link annotation on page p, the kid `linkId` of element `node`.
    void annotation(int linkId, std::size_t p, PoDoFo::PdfObject* annot, int node);

    // After the pages: each element's /K and /Pg, figures' attributes, the StructTreeRoot and its
    // ParentTree, set in the catalogue.
    void finish(PoDoFo::PdfObject& catalog);

private:
    int firstPage(const layout::StructNode& n) const;
    void kids(std::size_t i);

    const layout::Laid& laid_;
    PoDoFo::PdfVecObjects& objects_;
    std::vector<PoDoFo::PdfObject*> elems_;                        // per structure node
    std::map<int, std::pair<int, int>> chunkAt_;                   // chunk id → (page, mcid)
    std::map<int, std::pair<int, PoDoFo::PdfReference>> annotAt_;  // link id → (page, annotation)
    std::vector<std::pair<PoDoFo::PdfObject*, int>> annotObjs_;   // annotation → its element
    std::vector<PoDoFo::PdfReference> pageRefs_;
    std::vector<std::vector<int>> mcidNode_;      // per page: MCID → node
    std::unordered_map<int, std::size_t> kidAt_;  // chunk id → its place among its element's kids
    std::map<int, layout::Box> figureBoxes_;      // Figure node → its area on its page
};

}  // namespace dv::pdf::detail
