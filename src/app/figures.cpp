#include "app/figures.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "drawing/chart.h"
#include "drawing/diagram.h"
#include "drawing/image.h"
#include "input/diagram.h"
#include "templates/template.h"

namespace dv::app {
namespace {

void chartFigure(doc::Block& b, const draw::Chart& chart, const std::string& file, double width,
                 const draw::Measure& measure, Diagnostics& diags) {
    if (!b.rowNames.empty() && b.rowNames.size() != chart.rows.size()) {
        diags.add(file, std::to_string(b.line),
                  "the figure \"" + b.figureId + "\" names " + std::to_string(b.rowNames.size()) + " rows (\"rader:\"), its chart has " +
                      std::to_string(chart.rows.size()));
        return;
    }
    if (chart.series > 1 && b.series.size() != static_cast<std::size_t>(chart.series)) {
        diags.add(file, std::to_string(b.line),
                  "the figure \"" + b.figureId + "\" shows " + std::to_string(chart.series) + " series: name each in a line \"serie: A | B\"");
        return;
    }
    if (b.rowNames.empty())
        for (const draw::ChartRow& r : chart.rows)
            if (r.label.empty()) {
                diags.add(file, std::to_string(b.line), "the rows of the chart \"" + b.figureId + "\" are not named by the data: name them in a line \"rader: A | B\"");
                return;
            }
    b.drawing = draw::horizontalBars(chart, {b.series, b.rowNames}, width, measure);
    for (std::size_t r = 0; r < chart.rows.size(); ++r) {
        std::vector<std::string> row{r < b.rowNames.size() ? b.rowNames[r] : chart.rows[r].label};
        row.insert(row.end(), chart.rows[r].texts.begin(), chart.rows[r].texts.end());
        b.data.push_back(std::move(row));
    }
}

// A raster image: its file relative to the template's folder, drawn at 96 pixels per inch
// (layout scales it down to the measure).
void imageFigure(doc::Block& b, const std::string& file, Diagnostics& diags) {
    std::filesystem::path path(b.imagePath);
    if (path.is_relative()) path = std::filesystem::path(file).parent_path() / path;
    std::ifstream f(path, std::ios::binary);
    std::ostringstream ss;
    ss << f.rdbuf();
    auto info = f ? draw::imageInfo(ss.str()) : std::nullopt;
    if (!info) {
        diags.add(file, std::to_string(b.line),
                  "the image \"" + b.imagePath + "\" (" + path.string() + ") is missing or not a PNG or JPEG file");
        return;
    }
    b.drawing.width = info->width * 0.75;
    b.drawing.height = info->height * 0.75;
    b.drawing.images.push_back({0, 0, b.drawing.width, b.drawing.height, path.string()});
}

}  // namespace

void resolveFigures(doc::Document& d, const view::Value& view, const std::string& figureDir, double width,
                    const draw::Measure& measure, Diagnostics& diags) {
    const view::Value* charts = view.find("figurar");
    for (doc::Block* b : doc::figures(d)) {
        if (!b->imagePath.empty()) {
            imageFigure(*b, d.file, diags);
            continue;
        }
        const view::Value* c = charts ? charts->find(b->figureId) : nullptr;
        if (c && c->chart()) {
            chartFigure(*b, *c->chart(), d.file, width, measure, diags);
            continue;
        }
        std::string path = figureDir + "/" + b->figureId + ".json";
        if (!std::filesystem::exists(path)) {
            diags.add(d.file, std::to_string(b->line),
                      "no chart or diagram \"" + b->figureId + "\": the view has no such chart and " + path + " does not exist");
            continue;
        }
        // The labels are the template's: Mustache fills {{samarbeid}}, {{vert}} … as in the text.
        std::ifstream f(path, std::ios::binary);
        std::ostringstream ss;
        ss << f.rdbuf();
        auto text = tmpl::renderMustache(path, ss.str(), view, diags, tmpl::Escape::None);
        if (!text) continue;
        if (auto g = input::loadDiagram(path, *text, diags)) b->drawing = draw::drawDiagram(*g, width);
    }
    if (!doc::numberFigures(d))
        diags.add(d.file, "1", "the document has figures but its front matter has no \"figurnemning\" (e.g. \"figurnemning: Figur [nr].\")");
}

}  // namespace dv::app
