#include "backends/pdf/fonts.h"

#include <hb-subset.h>
#include <hb.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <stdexcept>

#include "backends/pdf/flate.h"

namespace dv::pdf {
namespace {

struct Blob {
    hb_blob_t* p;
    ~Blob() { hb_blob_destroy(p); }
};
struct HbFace {
    hb_face_t* p;
    ~HbFace() { hb_face_destroy(p); }
};

// Six uppercase letters from an FNV-1a hash of the bytes (ISO 32000-1 §9.6.4 subset tag).
std::string tagOf(const char* data, std::size_t size) {
    std::uint64_t h = 1469598103934665603ull;
    for (std::size_t i = 0; i < size; ++i) h = (h ^ static_cast<unsigned char>(data[i])) * 1099511628211ull;
    std::string t;
    for (int i = 0; i < 6; ++i, h /= 26) t += static_cast<char>('A' + h % 26);
    return t;
}

// The face of a font file, read once per process and kept (HarfBuzz faces are immutable and
// thread-safe).
hb_face_t* faceOf(const std::string& path) {
    static std::mutex lock;
    static std::map<std::string, std::unique_ptr<HbFace>> faces;
    std::lock_guard<std::mutex> g(lock);
    auto& f = faces[path];
    if (!f) {
        Blob file{hb_blob_create_from_file_or_fail(path.c_str())};
        if (!file.p) throw std::runtime_error(path + ": cannot read the font for embedding");
        f.reset(new HbFace{hb_face_create(file.p, 0)});
        hb_face_make_immutable(f->p);
    }
    return f->p;
}

struct Plan {
    hb_subset_plan_t* p;
    ~Plan() { hb_subset_plan_destroy(p); }
};

std::shared_ptr<const FontProgram> subset(const std::string& path, const std::set<std::uint16_t>& gids) {
    hb_face_t* face = faceOf(path);
    hb_subset_input_t* in = hb_subset_input_create_or_fail();
    if (!in) throw std::runtime_error("font subset: out of memory");
    hb_set_t* glyphs = hb_subset_input_glyph_set(in);
    hb_set_add(glyphs, 0);  // .notdef
    for (std::uint16_t g : gids) hb_set_add(glyphs, g);
    // A PDF positions every glyph itself: the OpenType layout tables are never read from an
    // embedded font program (and subsetting GPOS was most of hb-subset's time).
    hb_set_t* drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (const char* t : {"GPOS", "GSUB", "GDEF", "MATH", "JSTF", "BASE"}) hb_set_add(drop, HB_TAG(t[0], t[1], t[2], t[3]));
    // No TrueType hinting (fpgm, prep, cvt and each glyph's instructions): viewers rasterise
    // embedded fonts unhinted or auto-hinted (Poppler, MuPDF, pdf.js), and in the run's subsets
    // the instructions were a quarter of the compressed bytes.
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
    Plan plan{hb_subset_plan_create_or_fail(face, in)};
    hb_subset_input_destroy(in);
    if (!plan.p) throw std::runtime_error(path + ": the font could not be subset");
    HbFace sub{hb_subset_plan_execute_or_fail(plan.p)};
    if (!sub.p) throw std::runtime_error(path + ": the font could not be subset");
    auto p = std::make_shared<FontProgram>();
    const hb_map_t* renumber = hb_subset_plan_old_to_new_glyph_mapping(plan.p);
    p->newGid.assign(gids.empty() ? 1 : *gids.rbegin() + 1u, 0);
    for (std::uint16_t g : gids) p->newGid[g] = static_cast<std::uint16_t>(hb_map_get(renumber, g));
    Blob bytes{hb_face_reference_blob(sub.p)};
    unsigned size = 0;
    const char* data = hb_blob_get_data(bytes.p, &size);
    p->compressed = deflate(std::string_view(data, size), kFontLevel);
    p->length1 = size;
    p->tag = tagOf(data, size);
    return p;
}

}  // namespace

std::shared_ptr<const FontProgram> fontProgram(const std::string& path, const std::set<std::uint16_t>& used) {
    static std::mutex lock;
    static std::map<std::pair<std::string, std::set<std::uint16_t>>, std::shared_ptr<const FontProgram>> made;
    auto key = std::make_pair(path, used);
    {
        std::lock_guard<std::mutex> g(lock);
        if (auto it = made.find(key); it != made.end()) return it->second;
    }
    std::shared_ptr<const FontProgram> p = subset(path, used);  // outside the lock: documents render in parallel
    std::lock_guard<std::mutex> g(lock);
    if (made.size() > 256) made.clear();  // bounded: a run has a few hundred documents
    return made.emplace(std::move(key), p).first->second;
}

}  // namespace dv::pdf
