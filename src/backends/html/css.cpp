#include "backends/html/css.h"

#include <cstdio>

namespace dv::html {
namespace {

std::string hex(Rgb c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r & 0xff, c.g & 0xff, c.b & 0xff);
    return buf;
}

// A length in em of the body text, to three decimals, from points (fixed format: no locale).
std::string em(double pt, double bodyPt) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3fem", pt / bodyPt);
    return buf;
}

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", v);
    return buf;
}

}  // namespace

std::string css(const Style& st) {
    const double b = st.bodySize;
    const auto& h = st.headingSizes;
    std::string s;
    s += ":root{color:" + hex(st.text) + ";background:#ffffff}\n";
    s += "body{margin:0;font-family:serif;font-size:1.125rem;line-height:" + number(st.leading) + "}\n";
    s += "header,main,footer{max-width:46em;margin:0 auto;padding:0 1.25em}\n";
    s += "h1,h2,h3,h4,h5,h6{font-family:sans-serif;color:" + hex(st.heading) + ";line-height:1.25;margin:" +
         em(st.headingSpaceBefore * 1.5, b) + " 0 " + em(st.headingSpaceAfter, b) + "}\n";
    s += "h1{font-size:" + em(st.titleSize, b) + ";margin-top:1em}\n";
    s += "h2{font-size:" + em(h[0], b) + "}\nh3{font-size:" + em(h[1], b) + "}\n";
    s += "h4{font-size:" + em(h[2], b) + "}\nh5,h6{font-size:" + em(h[3], b) + "}\n";
    s += "p,ul,ol,table,blockquote{margin:0 0 " + em(st.paragraphSpace * 1.5, b) + "}\n";
    s += "ul,ol{padding-left:" + em(st.listIndent * 1.25, b) + "}\n";
    s += "a{color:" + hex(st.link) + ";overflow-wrap:anywhere}\n";
    s += "header{padding-bottom:1.5em;margin-bottom:1.5em;border-bottom:1px solid " + hex(st.rule) + "}\n";
    s += ".subtitle{font-family:sans-serif;font-size:" + em(st.subtitleSize, b) + ";color:" + hex(st.muted) + "}\n";
    s += ".publisher{font-family:sans-serif;color:" + hex(st.muted) + ";margin:0}\n";
    s += "table{border-collapse:collapse;width:100%;font-size:" + em(st.tableSize, b) + "}\n";
    s += "th,td{border:1px solid " + hex(st.rule) + ";padding:" + em(st.cellPadding * 1.5, b) +
         ";vertical-align:top;text-align:left;overflow-wrap:break-word;hyphens:auto}\n";
    s += "th{background:" + hex(st.tableHeaderFill) + "}\n";
    s += ".right{text-align:right}\n.center{text-align:center}\n";
    s += "figure{margin:0 0 " + em(st.paragraphSpace * 1.5, b) + "}\nfigure svg{display:block;max-width:100%;height:auto}\n";
    s += "figcaption{margin-top:.4em}\nul.figurliste{list-style:none;padding-left:0}\n";
    s += "blockquote{margin-left:0;padding-left:1em;border-left:4px solid " + hex(st.heading) + "}\n";
    s += "hr{border:0;border-top:1px solid " + hex(st.rule) + "}\n";
    s += "nav ol{list-style:none;padding-left:0}\nnav ol ol{padding-left:1.5em}\n";
    s += "footer{border-top:1px solid " + hex(st.rule) + ";margin-top:3em;padding-bottom:2em;color:" +
         hex(st.muted) + "}\n";
    s += ".skip{position:absolute;left:-999em}\n.skip:focus{position:static}\n";
    // A phone: the widest tables (seven columns) fit better in smaller type and tighter cells.
    s += "@media (max-width:40em){body{font-size:1rem}table{font-size:0.8em}th,td{padding:0.2em}"
         "header,main,footer{padding:0 0.75em}}\n";
    return s;
}

}  // namespace dv::html
