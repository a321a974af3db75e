// Figures: a drawing laid out whole, scaled to the measure, tagged Figure with its caption; box
// labels broken into lines.
#include "layout/builder.h"

namespace dv::layout::detail {

void Builder::figure(const doc::Block& b, int parent, double x, double width) {
    const draw::Drawing& dr = b.drawing;
    const double maxHeight = st_.pageHeight - st_.marginTop - st_.marginBottom - 4 * st_.bodySize * st_.leading;
    double scale = 1;
    if (dr.width > width) scale = width / dr.width;
    if (dr.height * scale > maxHeight) scale = maxHeight / dr.height;
    const double ox = x + (width - dr.width * scale) / 2;
    int fn = node("Figure", parent);
    out_.nodes[static_cast<std::size_t>(fn)].alt = b.alt;
    VItem it;
    it.height = dr.height * scale;
    it.spaceBefore = st_.paragraphSpace + 4;
    it.keepWithPrev = keepNext_;
    Chunk c = chunk(fn);
    c.hasBox = true;
    c.box = {ox, 0, dr.width * scale, dr.height * scale};
    for (const draw::Image& im : dr.images)
        c.images.push_back({ox + im.x * scale, im.y * scale, im.w * scale, im.h * scale, im.path});
    for (const draw::Shape& s : dr.shapes) {
        Path p;
        for (const draw::Point& q : s.points) p.points.emplace_back(ox + q.x * scale, q.y * scale);
        p.closed = s.closed;
        p.filled = s.fill.has_value() && s.closed;
        if (s.fill) p.fill = *s.fill;
        p.stroked = s.stroke.has_value();
        if (s.stroke) p.stroke = *s.stroke;
        p.width = s.strokeWidth * scale;
        c.paths.push_back(std::move(p));
    }
    for (const draw::Label& l : dr.labels) figureLabel(l, ox, scale, b.line, c);
    it.chunks.push_back(std::move(c));
    it.figure = static_cast<int>(out_.figures.size());
    out_.figures.push_back({b.label + " " + b.caption, 0});
    push(std::move(it));
    keepNext_ = false;
    if (b.caption.empty()) return;  // an image without a caption (a logo)
    doc::Inlines caption{{doc::Inline::Kind::Text, b.label + " ", true, false, false, {}},
                         {doc::Inline::Kind::Text, b.caption, false, false, false, {}}};
    paragraph(caption, parent, x, width, b.line, 3, "Caption", true);
    keepNext_ = false;
}

void Builder::figureLabel(const draw::Label& l, double ox, double scale, int line, Chunk& c) {
    const Face face = l.bold ? HeadBold : HeadRegular;
    const double size = l.size * scale;
    checkCoverage(l.text, face, line);
    auto place = [&](double w) {
        return l.anchor == draw::Anchor::Start ? ox + l.x * scale
               : l.anchor == draw::Anchor::Middle ? ox + l.x * scale - w / 2 : ox + l.x * scale - w;
    };
    if (l.wrapWidth <= 0) {
        c.runs.push_back({face, size, place(textWidth(m_, face, size, l.text)), l.y * scale, l.text, 0, l.colour});
        return;
    }
    const auto& lines = lines_.lines({{bindNoBreakSpaces(l.text), face, size, {}}}, l.wrapWidth * scale, Alignment::Left, true);
    const double lh = size * 1.2, asc = m_.ascent(face) / 1000.0 * size;
    if (l.wrapHeight > 0 && lh * static_cast<double>(lines.size()) > l.wrapHeight * scale + 1e-6) {
        std::size_t cut = std::min<std::size_t>(l.text.size(), 40);
        while (cut < l.text.size() && cut > 0 && (static_cast<unsigned char>(l.text[cut]) & 0xC0) == 0x80) --cut;  // whole characters
        diags_.add(d_.file, std::to_string(line),
                   "the text \"" + l.text.substr(0, cut) + (cut < l.text.size() ? "…" : "") + "\" needs " + std::to_string(lines.size()) +
                       " line(s) of " + std::to_string(static_cast<int>(lh)) + " pt and does not fit its box: shorten it, or make the box taller (\"radhogd\", \"rader\") or wider (\"spenn\")");
    }
    double y = l.y * scale - lh * static_cast<double>(lines.size()) / 2 + (lh - size) / 2 + asc;
    for (const SetLine& sl : lines) {
        const double x0 = place(sl.width);
        for (TextRun r : sl.runs) {
            r.x += x0;
            r.y = y;
            r.color = l.colour;
            c.runs.push_back(std::move(r));
        }
        y += lh;
    }
}

}  // namespace dv::layout::detail
