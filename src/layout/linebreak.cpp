// Line breaking: words and spaces (atoms), their break points, setting a line, and first fit
// (ragged text, and justified text that total fit cannot set: a word wider than the line is
// broken at hyphenation points, else between characters). Justified lines spread the slack
// over the spaces; the last line is set ragged. Total fit is in totalfit.cpp.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>

#include "layout/lines.h"

namespace dv::layout {
namespace detail {

constexpr double kEps = 1e-6;

// Decodes one UTF-8 sequence at s[i]; the inputs are validated upstream.
char32_t decode(const std::string& s, std::size_t i, std::size_t& len) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { len = 1; return c; }
    if ((c & 0xE0) == 0xC0) { len = 2; return ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu); }
    if ((c & 0xF0) == 0xE0) { len = 3; return ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu); }
    len = 4;
    return ((c & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6) | (s[i + 3] & 0x3Fu);
}

double partsWidth(const std::vector<Fragment>& parts, const Metrics& m) {
    double w = 0;
    for (const Fragment& f : parts) w += textWidth(m, f.face, f.size, f.text);
    return w;
}

std::vector<Atom> atomize(const std::vector<Fragment>& frags, const Metrics& m) {
    std::vector<Atom> atoms;
    for (const Fragment& f : frags) {
        if (f.text == "\n") {
            atoms.push_back({Atom::Break, {}, 0});
            continue;
        }
        std::size_t i = 0;
        while (i < f.text.size()) {
            if (f.text[i] == ' ') {
                while (i < f.text.size() && f.text[i] == ' ') ++i;
                Fragment sp{" ", f.face, f.size, f.link, f.lang};  // not a copy of f: its text may be a megabyte
                if (atoms.empty() || atoms.back().kind != Atom::Space)
                    atoms.push_back({Atom::Space, {sp}, textWidth(m, f.face, f.size, " ")});
                continue;
            }
            std::size_t j = f.text.find(' ', i);
            if (j == std::string::npos) j = f.text.size();
            Fragment w{f.text.substr(i, j - i), f.face, f.size, f.link, f.lang};
            if (!atoms.empty() && atoms.back().kind == Atom::Word) atoms.back().parts.push_back(w);  // style change mid-word
            else atoms.push_back({Atom::Word, {w}, 0});
            i = j;
        }
    }
    for (Atom& a : atoms)
        if (a.kind == Atom::Word) a.width = partsWidth(a.parts, m);
    return atoms;
}

// Short words are not hyphenated ("kro-ner", "med-lem"): a break saves little and reads badly.
constexpr std::size_t kMinHyphenatedLetters = 7;

std::size_t characters(const std::string& s, std::size_t from, std::size_t to) {
    std::size_t n = 0;
    for (std::size_t i = from; i < to; ++i) n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
    return n;
}

struct Split {
    std::vector<Fragment> head, tail;
};

// Longer "words" are not words (a pasted identifier, a run of letters): libhyphen is not asked,
// they are broken between characters. Keeps hyphenation linear in the text's length.
constexpr std::size_t kMaxHyphenatedBytes = 80;

// Proper names are not hyphenated ("Ber-gen"); a capitalised word is taken for one (a sentence
// start loses a break point, a name never gets a wrong one). ASCII and Latin-1 capitals: the
// hyphenation patterns know no other letters.
bool capitalised(const std::string& w, std::size_t at) {
    if (at >= w.size()) return false;
    unsigned char c = static_cast<unsigned char>(w[at]);
    if (c >= 'A' && c <= 'Z') return true;
    if (c == 0xC3 && at + 1 < w.size()) {
        unsigned char d = static_cast<unsigned char>(w[at + 1]);
        return d >= 0x80 && d <= 0x9E && d != 0x97;  // À–Þ without ×
    }
    return false;
}

std::vector<Point> breakPoints(const std::vector<Fragment>& word, bool force, const Hyphenator* hyph) {
    std::vector<Point> pts;
    for (std::size_t p = 0; p < word.size(); ++p) {
        const std::string& t = word[p].text;
        for (std::size_t i = 0; i + 1 < t.size(); ++i) {
            // After an explicit hyphen only before a capital or a digit ("KS-Digitale", "2024-25"):
            // "IKT-⏎samarbeid" cannot be told from a line-break hyphen in the text layer (a
            // reader would join it to "IKTsamarbeid"); the stretch after it is hyphenated softly.
            const unsigned char next = static_cast<unsigned char>(t[i + 1]);
            const bool hyphenBreak = t[i] == '-' && next < 0x80 && !std::islower(next);
            if ((hyphenBreak || t[i] == '/') && i > 0) pts.push_back({p, i + 1, false});
        }
        if (hyph && word.size() == 1) {
            // hyphenate each hyphen-free stretch of letters on its own
            std::size_t s = 0;
            while (s < t.size()) {
                std::size_t e = t.find_first_of("-/", s);
                if (e == std::string::npos) e = t.size();
                std::string stem = t.substr(s, e - s);
                // strip trailing punctuation so "kommunane," still hyphenates
                std::size_t core = stem.size();
                while (core > 0 && std::strchr(".,;:!?)»\"'", stem[core - 1])) --core;
                std::size_t lead = 0;
                while (lead < core && std::strchr("(«\"'", stem[lead])) ++lead;
                if (core - lead <= kMaxHyphenatedBytes && !capitalised(stem, lead) && characters(stem, lead, core) >= kMinHyphenatedLetters)
                    for (std::size_t off : hyph->points(stem.substr(lead, core - lead))) pts.push_back({p, s + lead + off, true});
                s = e + 1;
            }
        }
    }
    if (force) {
        for (std::size_t p = 0; p < word.size(); ++p) {
            const std::string& t = word[p].text;
            std::size_t len;
            for (std::size_t i = 0; i < t.size(); i += len) {
                decode(t, i, len);
                if (i + len < t.size() || p + 1 < word.size()) pts.push_back({p, i + len, false});
            }
        }
    }
    std::sort(pts.begin(), pts.end(), [](const Point& a, const Point& b) {
        return a.part != b.part ? a.part < b.part : a.offset != b.offset ? a.offset < b.offset : a.addHyphen < b.addHyphen;
    });
    return pts;
}

Split splitAt(const std::vector<Fragment>& word, const Point& pt) {
    Split s;
    for (std::size_t p = 0; p < pt.part; ++p) s.head.push_back(word[p]);
    Fragment h = word[pt.part];
    h.text = h.text.substr(0, pt.offset);
    if (pt.addHyphen) h.text += kSoftHyphen;
    s.head.push_back(h);
    Fragment t = word[pt.part];
    t.text = t.text.substr(pt.offset);
    if (!t.text.empty()) s.tail.push_back(t);
    for (std::size_t p = pt.part + 1; p < word.size(); ++p) s.tail.push_back(word[p]);
    return s;
}

// The longest head of `word` that fits in `avail` with its hyphen. Break points: libhyphen's
// (single-style words), after an explicit '-' or '/', and with `force` between any characters.
// The heads are measured incrementally, left to right, and the scan stops at the first that is
// too wide: the cost is the length of the line, not of the word.
std::optional<Split> splitWord(const std::vector<Fragment>& word, double avail, bool force,
                               const Metrics& m, const Hyphenator* hyph) {
    std::vector<Point> pts = breakPoints(word, force, hyph);
    std::size_t part = 0, off = 0;
    double w = 0;  // width of word[0..part) + word[part][0..off)
    const Point* best = nullptr;
    for (const Point& pt : pts) {
        while (part < pt.part) {
            w += textWidth(m, word[part].face, word[part].size, word[part].text.substr(off));
            ++part;
            off = 0;
        }
        w += textWidth(m, word[part].face, word[part].size, word[part].text.substr(off, pt.offset - off));
        off = pt.offset;
        if (w > avail + kEps) break;
        double head = w + (pt.addHyphen ? textWidth(m, word[part].face, word[part].size, kSoftHyphen) : 0);
        bool tailEmpty = pt.part + 1 == word.size() && pt.offset >= word[pt.part].text.size();
        if (head <= avail + kEps && !tailEmpty) best = &pt;
    }
    if (best) return splitAt(word, *best);
    if (force && !word.empty() && !word[0].text.empty()) {  // not even one character fits: take one
        std::size_t len;
        decode(word[0].text, 0, len);
        return splitAt(word, {0, len, false});
    }
    return std::nullopt;
}

SetLine setLine(std::vector<Atom> atoms, double width, Alignment align, bool last, bool hardBreak, const Metrics& m) {
    bool endedAtSpace = false;
    while (!atoms.empty() && atoms.back().kind == Atom::Space) {
        atoms.pop_back();
        endedAtSpace = true;
    }
    SetLine line;
    line.last = last;
    double natural = 0;
    int spaces = 0;
    for (const Atom& a : atoms) {
        natural += a.width;
        spaces += a.kind == Atom::Space;
    }
    // Fragments of one face and size become one run, and the backend kerns across their seam:
    // count those pairs here too, so the line is justified to what is drawn.
    auto sameRun = [](const Fragment& a, const Fragment& b) {
        return a.face == b.face && a.size == b.size && a.lang == b.lang && a.link.empty() == b.link.empty() &&
               (a.link.empty() || a.link == b.link);
    };
    std::vector<double> seam;  // per fragment: kerning with the one before it in its run, pt
    {
        const Fragment* prev = nullptr;
        for (const Atom& a : atoms)
            for (const Fragment& f : a.parts) {
                double k = 0;
                if (prev && !prev->text.empty() && !f.text.empty() && sameRun(*prev, f)) {
                    std::size_t len, at = prev->text.size() - 1;
                    while (at > 0 && (static_cast<unsigned char>(prev->text[at]) & 0xC0) == 0x80) --at;
                    char32_t l = decode(prev->text, at, len), r = decode(f.text, 0, len);
                    k = m.kern(f.face, l, r) * f.size / 1000.0;
                }
                seam.push_back(k);
                natural += k;
                prev = &f;
            }
    }
    line.width = natural;
    double extra = 0, x = 0;
    if (align == Alignment::Justify && !last && spaces > 0) {
        extra = (width - natural) / spaces;
        // A line that would need gaps wider than two spaces (a long unbreakable word such as an
        // e-mail address pushed to the next line, in text total fit could not set) is set
        // ragged instead of torn apart. Total fit's lines stay within the limit by construction.
        double spaceWidth = 0;
        for (const Atom& a : atoms)
            if (a.kind == Atom::Space) spaceWidth = std::max(spaceWidth, a.width);
        if (extra > spaceWidth + kEps) extra = 0;
        line.width = natural + extra * spaces;  // as set: shrunk or stretched to the measure
    }
    if (align == Alignment::Right) x = width - natural;
    if (align == Alignment::Center) x = (width - natural) / 2;
    // Merge consecutive pieces of one face, size and link into runs.
    std::size_t fi = 0;
    for (const Atom& a : atoms) {
        for (const Fragment& f : a.parts) {
            x += seam[fi++];
            bool same = !line.runs.empty() && line.runs.back().face == f.face && line.runs.back().size == f.size &&
                        line.runLangs.back() == f.lang &&
                        ((line.runLinks.back() < 0 && f.link.empty()) ||
                         (line.runLinks.back() >= 0 && line.links[static_cast<std::size_t>(line.runLinks.back())].first == f.link));
            double w = a.kind == Atom::Space ? a.width + extra : textWidth(m, f.face, f.size, f.text);
            if (!same) {
                TextRun r;
                r.face = f.face;
                r.size = f.size;
                r.x = x;
                r.wordSpacing = extra;
                line.runs.push_back(r);
                int li = -1;
                if (!f.link.empty()) {
                    if (!line.links.empty() && line.runLinks.size() > 0 && line.runLinks.back() >= 0 &&
                        line.links.back().first == f.link)
                        li = line.runLinks.back();
                    else {
                        line.links.push_back({f.link, {x, x}});
                        li = static_cast<int>(line.links.size()) - 1;
                    }
                }
                line.runLinks.push_back(li);
                line.runLangs.push_back(f.lang);
            }
            line.runs.back().text += f.text;
            x += w;
            if (line.runLinks.back() >= 0) line.links[static_cast<std::size_t>(line.runLinks.back())].second.second = x;
        }
    }
    // The space the line broke at stays in the text (invisible at the line end), so extracted
    // and read-aloud text keeps its word boundaries.
    // A hard line break ("Masfjorden kommune⏎Postmottak") is a word boundary too.
    if ((endedAtSpace || hardBreak) && !line.runs.empty()) line.runs.back().text += " ";
    return line;
}

}  // namespace detail

using namespace detail;

double textWidth(const Metrics& m, Face f, double size, const std::string& s) {
    double w = 0;
    std::size_t len;
    char32_t prev = 0;
    for (std::size_t i = 0; i < s.size(); i += len) {
        char32_t cp = decode(s, i, len);
        w += m.advance(f, cp) + (prev ? m.kern(f, prev, cp) : 0);
        prev = cp;
    }
    return w * size / 1000.0;
}

std::vector<SetLine> breakLines(const std::vector<Fragment>& frags, double width, Alignment align,
                                const Metrics& m, const Hyphenator* hyph) {
    width = std::max(width, 0.0);  // a measure below zero (a squeezed column) sets one character a line
    std::vector<Atom> atoms = atomize(frags, m);
    if (align == Alignment::Justify)
        if (auto lines = totalFit(atoms, width, m, hyph)) return std::move(*lines);
    return firstFit(atoms, width, align, m, hyph);
}

namespace detail {

std::vector<SetLine> firstFit(const std::vector<Atom>& atoms, double width, Alignment align, const Metrics& m,
                              const Hyphenator* hyph) {
    std::vector<SetLine> lines;
    std::vector<Atom> cur;
    double curW = 0;
    const Atom* pendingSpace = nullptr;
    auto flush = [&](bool last, bool hardBreak = false) {
        lines.push_back(setLine(cur, width, align, last, hardBreak, m));
        cur.clear();
        curW = 0;
        pendingSpace = nullptr;
    };
    for (const Atom& a : atoms) {
        if (a.kind == Atom::Break) {
            flush(true, true);
            continue;
        }
        if (a.kind == Atom::Space) {
            if (!cur.empty()) pendingSpace = &a;
            continue;
        }
        Atom word = a;
        while (!word.parts.empty()) {
            double sw = pendingSpace && !cur.empty() ? pendingSpace->width : 0;
            if (curW + sw + word.width <= width + kEps) {
                if (sw > 0) cur.push_back(*pendingSpace);
                cur.push_back(word);
                curW += sw + word.width;
                pendingSpace = nullptr;
                break;
            }
            bool alone = cur.empty();
            if (auto s = splitWord(word.parts, width - curW - sw, alone, m, hyph)) {
                if (sw > 0) cur.push_back(*pendingSpace);
                cur.push_back({Atom::Word, s->head, partsWidth(s->head, m)});
                flush(false);
                word = {Atom::Word, s->tail, partsWidth(s->tail, m)};
                continue;
            }
            if (pendingSpace && !cur.empty()) cur.push_back(*pendingSpace);  // kept as text, see setLine
            flush(false);
        }
    }
    if (!cur.empty() || lines.empty()) flush(true);
    return lines;
}

}  // namespace detail
}  // namespace dv::layout
