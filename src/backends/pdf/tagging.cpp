#include "backends/pdf/tagging.h"

#include <cmath>

namespace dv::pdf::detail {

using namespace PoDoFo;

namespace {

PdfString utf8(const std::string& s) { return PdfString(reinterpret_cast<const pdf_utf8*>(s.c_str())); }

}  // namespace

void StructureTree::createElements() {
    for (const layout::StructNode& n : laid_.nodes) {
        // No /Type: it is optional for a structure element (ISO 32000-1 Table 323), and a
        // knowledge base has about 1 800 of them.
        PdfObject* o = objects_.CreateObject();
        o->GetDictionary().AddKey("S", PdfName(n.type));
        if (!n.lang.empty()) o->GetDictionary().AddKey("Lang", PdfString(n.lang));
        if (!n.scope.empty()) {
            PdfDictionary a;
            a.AddKey("O", PdfName("Table"));
            a.AddKey("Scope", PdfName(n.scope));
            o->GetDictionary().AddKey("A", a);
        }
        if (!n.listNumbering.empty()) {
            PdfDictionary a;
            a.AddKey("O", PdfName("List"));
            a.AddKey("ListNumbering", PdfName(n.listNumbering));
            o->GetDictionary().AddKey("A", a);
        }
        if (!n.alt.empty()) o->GetDictionary().AddKey("Alt", utf8(n.alt));
        elems_.push_back(o);
    }
    for (const layout::StructNode& n : laid_.nodes)
        for (std::size_t k = 0; k < n.kids.size(); ++k)
            if (n.kids[k].kind == layout::StructNode::Kid::Chunk) kidAt_[n.kids[k].index] = k;
    for (std::size_t i = 0; i < laid_.nodes.size(); ++i)
        if (laid_.nodes[i].parent >= 0)
            elems_[i]->GetDictionary().AddKey("P", elems_[static_cast<std::size_t>(laid_.nodes[i].parent)]->Reference());
}

void StructureTree::beginPage(const PdfReference& page) {
    pageRefs_.push_back(page);
    mcidNode_.emplace_back();
}

bool StructureTree::continues(const layout::Chunk* prev, const layout::Chunk& c) const {
    if (!prev || prev->node != c.node) return false;
    if (c.node < 0) return prev->artifact == c.artifact;
    auto a = kidAt_.find(prev->id), b = kidAt_.find(c.id);
    return a != kidAt_.end() && b != kidAt_.end() && b->second == a->second + 1;
}

int StructureTree::mark(const layout::Chunk& c, std::size_t p) {
    int mcid = static_cast<int>(mcidNode_.back().size());
    mcidNode_.back().push_back(c.node);
    chunkAt_[c.id] = {static_cast<int>(p), mcid};
    return mcid;
}

void StructureTree::annotation(int linkId, std::size_t p, PdfObject* annot, int node) {
    annotAt_[linkId] = {static_cast<int>(p), annot->Reference()};
    annotObjs_.push_back({annot, node});
}

// The page an element's marked content is on first: its /Pg, so that each of its MCIDs on that
// page is a bare integer in /K (ISO 32000-1 14.7.4.2); content on other pages gets an MCR.
int StructureTree::firstPage(const layout::StructNode& n) const {
    for (const auto& kid : n.kids)
        if (kid.kind == layout::StructNode::Kid::Chunk)
            if (auto it = chunkAt_.find(kid.index); it != chunkAt_.end()) return it->second.first;
    return -1;
}

// /K of element i, in the order layout recorded: child elements, MCIDs (integers on the
// element's /Pg, /Type /MCR dictionaries elsewhere) and OBJR for link annotations (/Pg only
// when not the element's). One kid is written as itself, not as an array of one.
void StructureTree::kids(std::size_t i) {
    const layout::StructNode& n = laid_.nodes[i];
    PdfDictionary& e = elems_[i]->GetDictionary();
    const int pg = firstPage(n);
    if (pg >= 0) e.AddKey("Pg", pageRefs_[static_cast<std::size_t>(pg)]);
    PdfArray k;
    std::pair<int, int> last{-1, -1};  // chunks that went on in one marked-content sequence: one MCID
    for (const auto& kid : n.kids) {
        if (kid.kind == layout::StructNode::Kid::Node) {
            k.push_back(elems_[static_cast<std::size_t>(kid.index)]->Reference());
        } else if (kid.kind == layout::StructNode::Kid::Chunk) {
            auto it = chunkAt_.find(kid.index);
            if (it == chunkAt_.end() || it->second == last) continue;
            last = it->second;
            const auto mcid = PdfVariant(static_cast<pdf_int64>(it->second.second));
            if (it->second.first == pg) {
                k.push_back(mcid);
                continue;
            }
            PdfDictionary mcr;
            mcr.AddKey("Type", PdfName("MCR"));  // required (Table 324), and what checkers look for
            mcr.AddKey("Pg", pageRefs_[static_cast<std::size_t>(it->second.first)]);
            mcr.AddKey("MCID", mcid);
            k.push_back(mcr);
        } else if (auto it = annotAt_.find(kid.index); it != annotAt_.end()) {
            PdfDictionary objr;
            objr.AddKey("Type", PdfName("OBJR"));
            if (it->second.first != pg) objr.AddKey("Pg", pageRefs_[static_cast<std::size_t>(it->second.first)]);
            objr.AddKey("Obj", it->second.second);
            k.push_back(objr);
        }
    }
    if (k.size() == 1) e.AddKey("K", k[0]);
    else e.AddKey("K", k);
}

void StructureTree::finish(PdfObject& catalog) {
    for (std::size_t i = 0; i < laid_.nodes.size(); ++i) kids(i);
    // A figure's layout attributes (PDF/UA: a Figure has /BBox): lower left, upper right.
    for (const auto& [n, b] : figureBoxes_) {
        PdfDictionary a;
        a.AddKey("O", PdfName("Layout"));
        a.AddKey("Placement", PdfName("Block"));
        PdfArray box;
        box.push_back(PdfVariant(std::round(b.x * 100) / 100));
        box.push_back(PdfVariant(std::round((laid_.pageHeight - b.y - b.h) * 100) / 100));
        box.push_back(PdfVariant(std::round((b.x + b.w) * 100) / 100));
        box.push_back(PdfVariant(std::round((laid_.pageHeight - b.y) * 100) / 100));
        a.AddKey("BBox", box);
        elems_[static_cast<std::size_t>(n)]->GetDictionary().AddKey("A", a);
    }
    PdfObject* root = objects_.CreateObject("StructTreeRoot");
    root->GetDictionary().AddKey("K", elems_[0]->Reference());
    elems_[0]->GetDictionary().AddKey("P", root->Reference());
    PdfArray nums;
    for (std::size_t p = 0; p < mcidNode_.size(); ++p) {
        nums.push_back(PdfVariant(static_cast<pdf_int64>(p)));
        PdfArray arr;
        for (int n : mcidNode_[p]) arr.push_back(elems_[static_cast<std::size_t>(n)]->Reference());
        nums.push_back(arr);
    }
    pdf_int64 key = static_cast<pdf_int64>(mcidNode_.size());
    for (auto& [o, n] : annotObjs_) {
        o->GetDictionary().AddKey("StructParent", PdfVariant(key));
        nums.push_back(PdfVariant(key));
        nums.push_back(elems_[static_cast<std::size_t>(n)]->Reference());
        ++key;
    }
    PdfDictionary parentTree;
    parentTree.AddKey("Nums", nums);
    PdfObject* pt = objects_.CreateObject(parentTree);
    root->GetDictionary().AddKey("ParentTree", pt->Reference());
    root->GetDictionary().AddKey("ParentTreeNextKey", PdfVariant(key));
    catalog.GetDictionary().AddKey("StructTreeRoot", root->Reference());
}

}  // namespace dv::pdf::detail
