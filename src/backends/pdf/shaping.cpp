#include "backends/pdf/shaping.h"

#include <hb-ot.h>
#include <hb.h>

#include <stdexcept>

namespace dv::pdf::detail {

struct Shaper::Font {
    hb_blob_t* blob = nullptr;
    hb_face_t* face = nullptr;
    hb_font_t* font = nullptr;
    ~Font() {
        hb_font_destroy(font);
        hb_face_destroy(face);
        hb_blob_destroy(blob);
    }
};

namespace {

// Ligatures and contextual alternates off: each character one glyph. Kerning on (the default).
const std::vector<hb_feature_t>& features() {
    static const std::vector<hb_feature_t> f = [] {
        std::vector<hb_feature_t> v;
        for (const char* s : {"-liga", "-clig", "-dlig", "-hlig", "-calt", "-rlig", "kern"}) {
            hb_feature_t ft;
            if (hb_feature_from_string(s, -1, &ft)) v.push_back(ft);
        }
        return v;
    }();
    return f;
}

bool hasKernFeature(hb_face_t* face) {
    const hb_tag_t kern = HB_TAG('k', 'e', 'r', 'n');
    unsigned count = hb_ot_layout_table_get_feature_tags(face, HB_OT_TAG_GPOS, 0, nullptr, nullptr);
    std::vector<hb_tag_t> tags(count);
    hb_ot_layout_table_get_feature_tags(face, HB_OT_TAG_GPOS, 0, &count, tags.data());
    for (hb_tag_t t : tags)
        if (t == kern) return true;
    hb_blob_t* table = hb_face_reference_table(face, kern);  // the 'kern' table, HarfBuzz's fallback
    const bool has = hb_blob_get_length(table) > 0;
    hb_blob_destroy(table);
    return has;
}

}  // namespace

Shaper::Shaper(const std::string& path) : font_(std::make_unique<Font>()) {
    font_->blob = hb_blob_create_from_file_or_fail(path.c_str());
    if (!font_->blob) throw std::runtime_error(path + ": cannot read the font for shaping");
    font_->face = hb_face_create(font_->blob, 0);
    font_->font = hb_font_create(font_->face);
    const int upem = static_cast<int>(hb_face_get_upem(font_->face));
    hb_font_set_scale(font_->font, upem, upem);  // positions in font units
    hb_font_make_immutable(font_->font);          // shared by the threads that lay out and draw
    kerns_ = hasKernFeature(font_->face);
}

Shaper::~Shaper() = default;

std::vector<int> Shaper::kerning(const std::vector<char32_t>& text) const {
    std::vector<int> out(text.size(), 0);
    if (!kerns_ || text.size() < 2) return out;
    if (!shapeKerning(text, out)) {
        // a substitution made the glyphs other than one per character: each pair on its own
        for (std::size_t i = 0; i + 1 < text.size(); ++i) {
            std::vector<int> pair(2, 0);
            out[i] = shapeKerning({text[i], text[i + 1]}, pair) ? pair[0] : 0;
        }
    }
    return out;
}

bool Shaper::shapeKerning(const std::vector<char32_t>& text, std::vector<int>& out) const {
    hb_buffer_t* buf = hb_buffer_create();
    hb_buffer_add_utf32(buf, reinterpret_cast<const std::uint32_t*>(text.data()), static_cast<int>(text.size()), 0,
                        static_cast<int>(text.size()));
    // a soft hyphen or no-break space is a glyph drawn (at a line's end, the hyphen): kept, not
    // hidden, so it has its advance and pairs across it are not kerned as if it were absent
    hb_buffer_set_flags(buf, HB_BUFFER_FLAG_PRESERVE_DEFAULT_IGNORABLES);
    hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
    hb_buffer_set_script(buf, HB_SCRIPT_LATIN);
    hb_buffer_set_language(buf, hb_language_from_string("no", -1));
    hb_shape(font_->font, buf, features().data(), static_cast<unsigned>(features().size()));
    unsigned n = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &n);
    // One glyph per character, in order: the kerning after glyph i is how much farther glyph i + 1
    // is drawn than glyph i's own advance. Where a glyph is drawn counts its x_offset: HarfBuzz
    // applies a 'kern' table value half to the first glyph's advance, half to the second's
    // advance and offset.
    bool oneToOne = n == text.size();
    for (unsigned i = 0; i < n && oneToOne; ++i) oneToOne = info[i].cluster == i;
    if (oneToOne)
        for (unsigned i = 0; i + 1 < n; ++i)
            out[i] = pos[i].x_advance + pos[i + 1].x_offset - pos[i].x_offset -
                     hb_font_get_glyph_h_advance(font_->font, info[i].codepoint);
    hb_buffer_destroy(buf);
    return oneToOne;
}

bool Shaper::contextFree(char32_t cp) const {
    switch (hb_unicode_general_category(hb_unicode_funcs_get_default(), cp)) {
    case HB_UNICODE_GENERAL_CATEGORY_FORMAT:
    case HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK:
        return false;
    default:
        break;
    }
    hb_codepoint_t g = 0;
    if (!hb_font_get_nominal_glyph(font_->font, cp, &g)) return false;
    return hb_ot_layout_get_glyph_class(font_->face, g) != HB_OT_LAYOUT_GLYPH_CLASS_MARK;
}

std::vector<char32_t> allPairsSequence(const std::vector<char32_t>& alphabet) {
    // Hierholzer on the complete digraph with loops: each vertex's out-edges taken in order.
    const std::size_t n = alphabet.size();
    std::vector<char32_t> seq;
    if (n == 0) return seq;
    std::vector<std::size_t> next(n, 0);  // the next unused out-edge of each vertex
    std::vector<std::size_t> stack{0}, path;
    while (!stack.empty()) {
        std::size_t v = stack.back();
        if (next[v] < n) stack.push_back(next[v]++);
        else {
            path.push_back(v);
            stack.pop_back();
        }
    }
    for (auto it = path.rbegin(); it != path.rend(); ++it) seq.push_back(alphabet[*it]);
    return seq;
}

}  // namespace dv::pdf::detail
