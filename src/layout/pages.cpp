// Pages: the title page, pagination of the vertical items (keep-with chains, repeated table
// headers), headers and footers.
#include "layout/builder.h"

namespace dv::layout::detail {

void Builder::titlePage() {
    VItem it;
    it.fullPage = true;
    double top = st_.marginTop, height = st_.pageHeight - st_.marginTop - st_.marginBottom;
    it.height = height;
    double y = height * 0.28;
    auto put = [&](const std::string& key, const std::string& type, Face f, double size, Rgb color, double gapAfter) {
        auto m = d_.meta.find(key);
        if (m == d_.meta.end() || m->second.empty()) return;
        checkCoverage(m->second, f, 1);
        int n = node(type, 0);
        const auto& lines = lines_.lines({{bindNoBreakSpaces(m->second), f, size, {}, {}}}, width_, Alignment::Left, true);
        Chunk c = chunk(n);
        for (const SetLine& l : lines) {
            for (TextRun r : l.runs) {
                r.x += left_;
                r.y = y + size;
                r.color = color;
                c.runs.push_back(r);
            }
            y += size * 1.25;
        }
        it.chunks.push_back(c);
        y += gapAfter;
    };
    put("tittel", "H1", HeadBold, st_.titleSize, st_.heading, 10);
    put("undertittel", "P", HeadRegular, st_.subtitleSize, st_.muted, 30);
    Chunk bar = chunk(-1);
    bar.fills.push_back({left_, height * 0.28 - 24, 60, 5, st_.heading});
    it.chunks.push_back(bar);
    y = height - 80;
    put("utgivar", "P", HeadBold, 12, st_.text, 2);
    put("dato", "P", HeadRegular, 11, st_.text, 2);
    put("versjon", "P", HeadRegular, 11, st_.muted, 0);
    (void)top;
    push(std::move(it));
    breakPending_ = true;
}

void Builder::paginate() {
    double top = st_.marginTop, bottom = st_.pageHeight - st_.marginBottom;
    double y = top;
    bool pageEmpty = true;
    std::vector<bool> fullPage;
    newPage();
    fullPage.push_back(false);
    auto place = [&](const VItem& it, bool asArtifactHeader = false) {
        double space = pageEmpty ? 0 : it.spaceBefore;
        double ty = y + space;
        Page& p = out_.pages.back();
        for (Chunk c : it.chunks) {
            for (TextRun& r : c.runs) r.y += ty;
            for (RuleLine& r : c.rules) { r.y1 += ty; r.y2 += ty; }
            for (Fill& f : c.fills) f.y += ty;
            for (Path& q : c.paths)
                for (auto& pt : q.points) pt.second += ty;
            for (draw::Image& im : c.images) im.y += ty;
            c.box.y += ty;
            p.chunks.push_back(std::move(c));
        }
        for (LinkArea a : it.links) {
            a.y += ty;
            p.links.push_back(a);
        }
        if (it.heading >= 0) {
            out_.headings[static_cast<std::size_t>(it.heading)].page = static_cast<int>(out_.pages.size()) - 1;
            out_.headings[static_cast<std::size_t>(it.heading)].y = ty;
        }
        if (it.fullPage) fullPage.back() = true;
        if (it.figure >= 0) out_.figures[static_cast<std::size_t>(it.figure)].page = static_cast<int>(out_.pages.size()) - 1;
        y = ty + it.height;
        pageEmpty = asArtifactHeader ? pageEmpty : false;
        if (asArtifactHeader) pageEmpty = false;
    };
    auto fresh = [&] {
        newPage();
        fullPage.push_back(false);
        y = top;
        pageEmpty = true;
    };
    auto headerHeight = [&](const VItem& it) {
        double h = 0;
        if (it.table >= 0 && !it.tableHeader)
            for (const VItem& hi : tableHeaders_[static_cast<std::size_t>(it.table)]) h += hi.height;
        return h;
    };
    auto placeWithHeader = [&](const VItem& it) {
        if (pageEmpty && it.table >= 0 && !it.tableHeader)
            for (const VItem& hi : tableHeaders_[static_cast<std::size_t>(it.table)]) place(hi, true);
        place(it);
    };
    std::size_t i = 0;
    while (i < items_.size()) {
        std::size_t j = i + 1;
        while (j < items_.size() && items_[j].keepWithPrev && !items_[j].pageBreakBefore) ++j;
        if (items_[i].pageBreakBefore && !pageEmpty) fresh();
        double chainH = 0;
        for (std::size_t k = i; k < j; ++k) chainH += items_[k].height + (k == i && pageEmpty ? 0 : items_[k].spaceBefore);
        if (y + chainH > bottom + 1e-6 && !pageEmpty) {
            fresh();
            chainH -= items_[i].spaceBefore;
        }
        if (pageEmpty) chainH += headerHeight(items_[i]);
        if (y + chainH <= bottom + 1e-6) {
            for (std::size_t k = i; k < j; ++k) placeWithHeader(items_[k]);
        } else {
            // the chain is taller than a page: place item by item
            for (std::size_t k = i; k < j; ++k) {
                if (!pageEmpty && y + items_[k].spaceBefore + items_[k].height > bottom + 1e-6) fresh();
                placeWithHeader(items_[k]);
            }
        }
        i = j;
    }
    decorate(fullPage);
}

void Builder::decorate(const std::vector<bool>& fullPage) {
    std::string title = d_.meta.count("tittel") ? d_.meta.at("tittel") : "";
    std::string pattern = d_.meta.count("sidetal") ? d_.meta.at("sidetal") : "[side] / [sider]";
    std::string left = d_.meta.count("sidefot") ? d_.meta.at("sidefot") : "";
    std::string total = std::to_string(out_.pages.size());
    double size = st_.headerFooterSize;
    double x0 = st_.marginLeft, x1 = st_.pageWidth - st_.marginRight;
    for (std::size_t p = 0; p < out_.pages.size(); ++p) {
        if (fullPage[p]) continue;
        std::string num = pattern;
        auto rep = [&](const std::string& key, const std::string& v) {
            std::size_t at = num.find(key);
            if (at != std::string::npos) num.replace(at, key.size(), v);
        };
        rep("[side]", std::to_string(p + 1));
        rep("[sider]", total);
        checkCoverage(num + title + left, HeadRegular, 1);
        Chunk c, foot;  // artifacts: no id, not in the structure tree
        c.artifact = Artifact::Header;
        foot.artifact = Artifact::Footer;
        double hy = st_.marginTop - 22;
        if (!title.empty()) {
            const auto& lines = lines_.lines({{title, HeadRegular, size, {}, {}}}, x1 - x0, Alignment::Left, false);
            TextRun r = lines.front().runs.front();
            r.x += x0; r.y = hy; r.color = st_.muted;
            c.runs.push_back(r);
        }
        c.rules.push_back({x0, hy + 5, x1, hy + 5, 0.4, st_.rule});
        double fy = st_.pageHeight - st_.marginBottom + 28;
        if (!left.empty()) foot.runs.push_back({HeadRegular, size, x0, fy, left, 0, st_.muted});
        foot.runs.push_back({HeadRegular, size, x1 - textWidth(m_, HeadRegular, size, num), fy, num, 0, st_.muted});
        out_.pages[p].chunks.push_back(c);
        out_.pages[p].chunks.push_back(foot);
    }
}

}  // namespace dv::layout::detail
