#include "backends/svg/svg.h"

#include <cstdio>

#include "core/text.h"

namespace dv::svg {
namespace {

std::string esc(const std::string& s) { return xmlEscape(s); }

// A number with at most two decimals, no trailing zeros.
std::string num(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%.2f", v);
    std::string s = b;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
}

std::string colour(const Rgb& c) {
    char b[8];
    std::snprintf(b, sizeof b, "#%02x%02x%02x", c.r & 0xFF, c.g & 0xFF, c.b & 0xFF);
    return b;
}

std::string base64(const std::string& in) {
    static const char* t = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string o;
    std::size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        unsigned v = static_cast<unsigned char>(in[i]) << 16 | static_cast<unsigned char>(in[i + 1]) << 8 | static_cast<unsigned char>(in[i + 2]);
        o += t[v >> 18 & 63];
        o += t[v >> 12 & 63];
        o += t[v >> 6 & 63];
        o += t[v & 63];
    }
    if (i + 1 == in.size()) {
        unsigned v = static_cast<unsigned char>(in[i]) << 16;
        o += t[v >> 18 & 63];
        o += t[v >> 12 & 63];
        o += "==";
    } else if (i + 2 == in.size()) {
        unsigned v = static_cast<unsigned char>(in[i]) << 16 | static_cast<unsigned char>(in[i + 1]) << 8;
        o += t[v >> 18 & 63];
        o += t[v >> 12 & 63];
        o += t[v >> 6 & 63];
        o += '=';
    }
    return o;
}

std::string mime(const std::string& bytes) {
    return bytes.compare(0, 4, "\x89PNG") == 0 ? "image/png" : "image/jpeg";
}

void shape(std::string& o, const draw::Shape& s) {
    std::string points;
    for (const draw::Point& p : s.points) points += (points.empty() ? "" : " ") + num(p.x) + "," + num(p.y);
    o += std::string("<") + (s.closed ? "polygon" : "polyline") + " points=\"" + points + "\" fill=\"" +
         (s.fill && s.closed ? colour(*s.fill) : "none") + "\"";
    if (s.stroke) o += " stroke=\"" + colour(*s.stroke) + "\" stroke-width=\"" + num(s.strokeWidth) + "\"";
    o += "/>\n";
}

const char* anchorName(draw::Anchor a) {
    return a == draw::Anchor::Start ? "start" : a == draw::Anchor::Middle ? "middle" : "end";
}

void label(std::string& o, const draw::Label& l) {
    const std::string font = "font-size=\"" + num(l.size) + "\"" + (l.bold ? " font-weight=\"bold\"" : "");
    if (l.wrapWidth <= 0) {
        o += "<text x=\"" + num(l.x) + "\" y=\"" + num(l.y) + "\" text-anchor=\"" + anchorName(l.anchor) + "\" fill=\"" +
             colour(l.colour) + "\" " + font + ">" + esc(l.text) + "</text>\n";
        return;
    }
    const double w = l.wrapWidth, h = l.wrapHeight > 0 ? l.wrapHeight : l.size * 6;
    const double x = l.anchor == draw::Anchor::Start ? l.x : l.anchor == draw::Anchor::Middle ? l.x - w / 2 : l.x - w;
    const char* align = l.anchor == draw::Anchor::Start ? "left" : l.anchor == draw::Anchor::Middle ? "center" : "right";
    o += "<foreignObject x=\"" + num(x) + "\" y=\"" + num(l.y - h / 2) + "\" width=\"" + num(w) + "\" height=\"" + num(h) +
         "\"><div xmlns=\"http://www.w3.org/1999/xhtml\" style=\"display:flex;align-items:center;margin:0;line-height:1.2;height:" +
         num(h) + "px;justify-content:" + (align[0] == 'c' ? "center" : align[0] == 'l' ? "flex-start" : "flex-end") +
         ";text-align:" + align + ";font-size:" + num(l.size) + "px;color:" + colour(l.colour) +
         (l.bold ? ";font-weight:bold" : "") + "\">" + esc(l.text) + "</div></foreignObject>\n";
}

}  // namespace

std::string svg(const draw::Drawing& d, const Texts& t, std::string (*readFile)(const std::string&)) {
    std::string o = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " + num(d.width) + " " + num(d.height) +
                    "\" width=\"" + num(d.width) + "\" height=\"" + num(d.height) +
                    // the labels were measured in DejaVu Sans Condensed, as the PDF draws them; a wider
                    // fallback font may run past the edge, which stays visible
                    "\" font-family=\"'DejaVu Sans Condensed','DejaVu Sans',Arial,sans-serif\" overflow=\"visible\" aria-labelledby=\"" + t.id + "-tittel " + t.id +
                    "-skildring\">\n<title id=\"" + t.id + "-tittel\">" + esc(t.title) + "</title>\n<desc id=\"" + t.id +
                    "-skildring\">" + esc(t.desc) + "</desc>\n";
    for (const draw::Image& im : d.images) {
        std::string bytes = readFile ? readFile(im.path) : std::string();
        if (bytes.empty()) continue;
        o += "<image x=\"" + num(im.x) + "\" y=\"" + num(im.y) + "\" width=\"" + num(im.w) + "\" height=\"" + num(im.h) +
             "\" href=\"data:" + mime(bytes) + ";base64," + base64(bytes) + "\"/>\n";
    }
    for (const draw::Shape& s : d.shapes) shape(o, s);
    for (const draw::Label& l : d.labels) label(o, l);
    return o + "</svg>";
}

}  // namespace dv::svg
