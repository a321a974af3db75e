#include "backends/xlsx/workbook.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <ctime>
#include <functional>
#include <map>
#include <optional>

#include "report/norsk.h"

namespace dv::xlsx {

std::string columnName(int col) {
    std::string s;
    for (++col; col > 0; col = (col - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (col - 1) % 26));
    return s;
}

std::string cellRef(int row, int col, bool absolute) {
    std::string d = absolute ? "$" : "";
    return d + columnName(col) + d + std::to_string(row + 1);
}

namespace {

// ---- Row heights for wrapped text. libxlsxwriter does not autofit rows, and neither Excel nor
// LibreOffice grows a row on opening, so every row holding wrapped text gets a height computed
// here from the text and the width it wraps in (merged cells: the columns' sum).
//
// Widths are in Excel's unit, the width of the digit 0 of the default font (Calibri 11). Running
// Norwegian text fits about 1.2 to 1.3 characters per unit as LibreOffice prints it with DejaVu
// Sans in Calibri's place (measured on the Om sheet; Calibri itself is narrower); 1.1 leaves a
// margin for wide letters, and bold text, about a tenth wider, gets a tenth fewer. Each line
// takes 15 pt, Excel's height of a row of Calibri 11. Too high a row costs some white space; too
// low a row prints lines on top of the next row.
constexpr double kCharsPerUnit = 1.1;
constexpr double kBoldWidth = 0.9;
constexpr double kLinePoints = 15.0;
constexpr double kDefaultColumnWidth = 8.43;

std::size_t glyphs(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;  // count UTF-8 lead bytes, not bytes
    return n;
}

}  // namespace

// Lines `text` takes when wrapped at word boundaries in a cell `width` units wide; a word longer
// than the line is broken, as Excel and LibreOffice do. '\n' starts a new paragraph.
int wrappedLines(const std::string& text, double width) {
    const std::size_t perLine = std::max<std::size_t>(1, static_cast<std::size_t>(width * kCharsPerUnit));
    int lines = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        int n = 1;
        std::size_t used = 0, i = start;
        while (i < end) {
            std::size_t j = text.find(' ', i);
            if (j == std::string::npos || j > end) j = end;
            std::size_t w = glyphs(text.substr(i, j - i));
            i = j + 1;
            if (w == 0) continue;
            if (used > 0 && used + 1 + w <= perLine) {
                used += 1 + w;
                continue;
            }
            if (used > 0) ++n;
            for (; w > perLine; w -= perLine) ++n;
            used = w;
        }
        lines += n;
        start = end + 1;
    }
    return std::max(lines, 1);
}

namespace {

double num(Money m) { return static_cast<double>(m.ore()) / 100.0; }
double num(Rate r) { return static_cast<double>(r.micro()) / Rate::kUnitsPerKrone; }

std::string sheetRef(const std::string& sheet) { return "'" + sheet + "'!"; }

// Cell references (or names) of one model's parameters for use in formulas.
struct ParamRefs {
    std::string fixed;
    std::vector<std::string> rates, limits;  // limits[i] = upper bound of tier i
    std::string floor, cap;                  // empty when the model has none
};

// ROUND(Σ rate_i × inhabitants in tier i, 2): the per-inhabitant part (R1).
std::string tierFormula(const ParamRefs& p, const std::string& pop) {
    std::string f;
    for (std::size_t i = 0; i < p.rates.size(); ++i) {
        std::string upper = i < p.limits.size() ? "MIN(" + pop + "," + p.limits[i] + ")" : pop;
        std::string part = i == 0 ? (i < p.limits.size() ? upper : pop)
                                  : "MAX(0," + upper + "-" + p.limits[i - 1] + ")";
        f += (f.empty() ? "" : "+") + p.rates[i] + "*" + part;
    }
    return "ROUND(" + f + ",2)";
}

std::string limited(const ParamRefs& p, const std::string& x) {
    std::string v = x;
    if (!p.floor.empty()) v = "MAX(" + p.floor + "," + v + ")";
    if (!p.cap.empty()) v = "MIN(" + p.cap + "," + v + ")";
    return v;
}

class Writer {
public:
    Writer(const WorkbookView& v, lxw_workbook* wb) : v_(v), L(v.labels), wb_(wb) {
        bold_ = workbook_add_format(wb_);
        format_set_bold(bold_);
        title_ = workbook_add_format(wb_);
        format_set_bold(title_);
        format_set_font_size(title_, 14);
        header_ = workbook_add_format(wb_);
        format_set_bold(header_);
        format_set_text_wrap(header_);
        format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
        format_set_bottom(header_, LXW_BORDER_THIN);
        format_set_bg_color(header_, 0xDDEBF7);
        // A text header right of a right-aligned number header: indented, so the two do not touch.
        headerIndent_ = workbook_add_format(wb_);
        format_set_bold(headerIndent_);
        format_set_text_wrap(headerIndent_);
        format_set_align(headerIndent_, LXW_ALIGN_VERTICAL_TOP);
        format_set_indent(headerIndent_, 1);
        format_set_bottom(headerIndent_, LXW_BORDER_THIN);
        format_set_bg_color(headerIndent_, 0xDDEBF7);
        kroner_ = numberFormat("#,##0");
        money_ = numberFormat("#,##0.00");
        rate_ = numberFormat("#,##0.00##");
        int_ = numberFormat("#,##0");
        pct_ = numberFormat("0.0%");
        ratio_ = numberFormat("0.0000");
        input_ = workbook_add_format(wb_);
        format_set_num_format(input_, "#,##0.00##");
        format_set_bg_color(input_, 0xFFF2CC);
        inputInt_ = workbook_add_format(wb_);
        format_set_num_format(inputInt_, "#,##0");
        format_set_bg_color(inputInt_, 0xFFF2CC);
        // A value the program computed (a solved parameter): grey, never the inputs' yellow.
        derived_ = workbook_add_format(wb_);
        format_set_num_format(derived_, "#,##0.00##");
        format_set_bg_color(derived_, 0xE7E6E6);
        format_set_italic(derived_);
        format_set_align(derived_, LXW_ALIGN_VERTICAL_TOP);
        top_ = workbook_add_format(wb_);
        format_set_align(top_, LXW_ALIGN_VERTICAL_TOP);
        totalMoney_ = numberFormat("#,##0.00");
        format_set_bold(totalMoney_);
        format_set_top(totalMoney_, LXW_BORDER_THIN);
        totalInt_ = numberFormat("#,##0");
        format_set_bold(totalInt_);
        format_set_top(totalInt_, LXW_BORDER_THIN);
        wrap_ = workbook_add_format(wb_);
        format_set_text_wrap(wrap_);
        format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
        boldWrap_ = workbook_add_format(wb_);
        format_set_bold(boldWrap_);
        format_set_text_wrap(boldWrap_);
        format_set_align(boldWrap_, LXW_ALIGN_VERTICAL_TOP);
    }

    void write() {
        const auto& kommunar = v_.inputs->kommunar;
        n_ = static_cast<int>(kommunar.size());
        contribSheet_ = L("ark.bidrag") + " " + std::to_string(v_.year);
        lxw_worksheet* about = workbook_add_worksheet(wb_, L("ark.om").c_str());
        lxw_worksheet* params = workbook_add_worksheet(wb_, L("ark.parametrar").c_str());
        lxw_worksheet* contrib = workbook_add_worksheet(wb_, contribSheet_.c_str());
        lxw_worksheet* compare = workbook_add_worksheet(wb_, L("ark.samanlikning").c_str());
        lxw_worksheet* proj = workbook_add_worksheet(wb_, L("ark.framskriving").c_str());
        lxw_worksheet* charts = workbook_add_worksheet(wb_, L("ark.diagram").c_str());
        lxw_worksheet* pop = workbook_add_worksheet(wb_, L("ark.folketal").c_str());
        writePopulation(pop);
        writeParameters(params);
        writeContributions(contrib);
        writeComparison(compare);
        writeProjection(proj);
        writeCharts(charts);
        writeAbout(about);
        worksheet_activate(contrib);
    }

private:
    lxw_format* numberFormat(const char* f) {
        lxw_format* x = workbook_add_format(wb_);
        format_set_num_format(x, f);
        return x;
    }

    void str(lxw_worksheet* ws, int r, int c, const std::string& s, lxw_format* f = nullptr) {
        // Always a string cell: text that begins with '=', '+', '-' or '@' stays text.
        worksheet_write_string(ws, r, c, s.c_str(), f);
    }
    void number(lxw_worksheet* ws, int r, int c, double v, lxw_format* f) { worksheet_write_number(ws, r, c, v, f); }
    // A formula with its cached value, which must be what Excel and LibreOffice compute, type
    // included: a number for a formula giving a number, a string (t="str") for one giving text,
    // "" included, since a number cached for a text result shows as 0 until recalculated.
    void formula(lxw_worksheet* ws, int r, int c, const std::string& f, double cached, lxw_format* fmt) {
        worksheet_write_formula_num(ws, r, c, ("=" + f).c_str(), fmt, cached);
    }
    void textFormula(lxw_worksheet* ws, int r, int c, const std::string& f, const std::string& cached,
                     lxw_format* fmt = nullptr) {
        worksheet_write_formula_str(ws, r, c, ("=" + f).c_str(), fmt, cached.c_str());
    }

    // Column widths and wrapped text of the sheet being written; see wrappedLines.
    std::map<int, double> widths_, heights_;
    void columns(lxw_worksheet* ws, int c1, int c2, double width) {
        worksheet_set_column(ws, c1, c2, width, nullptr);
        for (int c = c1; c <= c2; ++c) widths_[c] = width;
    }
    double widthOf(int c1, int c2) const {
        double w = 0;
        for (int c = c1; c <= c2; ++c) {
            auto it = widths_.find(c);
            w += it == widths_.end() ? kDefaultColumnWidth : it->second;
        }
        return w;
    }
    // Records that row `r` needs the height of `text` wrapped in columns c1..c2.
    void needHeight(int r, const std::string& text, int c1, int c2, bool bold) {
        double h = kLinePoints * wrappedLines(text, widthOf(c1, c2) * (bold ? kBoldWidth : 1.0));
        double& slot = heights_[r];
        slot = std::max(slot, h);
    }
    // Wrapped text in one cell, or merged over c..lastCol; the row gets the height it needs.
    void wrapped(lxw_worksheet* ws, int r, int c, const std::string& text, lxw_format* f, int lastCol = -1) {
        if (lastCol > c)
            worksheet_merge_range(ws, r, c, r, lastCol, text.c_str(), f);
        else
            str(ws, r, c, text, f);
        needHeight(r, text, c, std::max(c, lastCol), f == header_ || f == headerIndent_ || f == boldWrap_);
    }
    // Sets the recorded row heights; called once at the end of each sheet.
    void rowHeights(lxw_worksheet* ws) {
        for (const auto& [r, h] : heights_) worksheet_set_row(ws, r, h, nullptr);
        widths_.clear();
        heights_.clear();
    }
    void define(const std::string& name, const std::string& sheet, int r, int c) {
        workbook_define_name(wb_, name.c_str(), ("=" + sheetRef(sheet) + cellRef(r, c, true)).c_str());
    }

    void printSetup(lxw_worksheet* ws, int headerRow, bool landscape) {
        worksheet_set_paper(ws, 9);  // A4
        if (landscape) worksheet_set_landscape(ws);
        worksheet_fit_to_pages(ws, 1, 0);
        if (headerRow >= 0) worksheet_repeat_rows(ws, headerRow, headerRow);
        std::string header = "&L" + v_.title;
        worksheet_set_header(ws, header.c_str());
        std::string footer = "&C" + L("side") + " &P / &N";
        worksheet_set_footer(ws, footer.c_str());
    }

    // ---- Folketal: the input population figures, one column per 1 January.
    void writePopulation(lxw_worksheet* ws) {
        popSheet_ = L("ark.folketal");
        str(ws, 0, 0, L("folketal.tittel"), title_);
        std::vector<Date> dates;
        for (const auto& k : v_.inputs->kommunar)
            for (const auto& [d, _] : k.population)
                if (std::find(dates.begin(), dates.end(), d) == dates.end()) dates.push_back(d);
        std::sort(dates.begin(), dates.end());
        columns(ws, 0, 0, 11);
        columns(ws, 1, 1, 16);
        columns(ws, 2, 2 + static_cast<int>(dates.size()), 12);
        int hr = 2;
        wrapped(ws, hr, 0, L("kol.kommunenummer"), header_);
        wrapped(ws, hr, 1, L("kol.kommune"), header_);
        for (std::size_t j = 0; j < dates.size(); ++j) {
            wrapped(ws, hr, 2 + static_cast<int>(j), norsk::shortDate(dates[j]), header_);
            popColumn_[dates[j]] = 2 + static_cast<int>(j);
        }
        for (int i = 0; i < n_; ++i) {
            const Kommune& k = v_.inputs->kommunar[i];
            str(ws, hr + 1 + i, 0, k.kommunenummer);
            str(ws, hr + 1 + i, 1, k.name);
            for (const auto& [d, value] : k.population) number(ws, hr + 1 + i, popColumn_[d], static_cast<double>(value), int_);
        }
        popFirstRow_ = hr + 1;
        rowHeights(ws);
        worksheet_freeze_panes(ws, hr + 1, 2);
        worksheet_autofilter(ws, hr, 0, hr + n_, 1 + static_cast<int>(dates.size()));
        printSetup(ws, hr, false);
    }

    // ---- Parametrar: one named cell per model parameter.
    int paramRow_ = 0;
    ParamRefs writeModelParams(lxw_worksheet* ws, const ModelView& mv, const std::string& heading) {
        const std::string& sheet = paramSheet_;
        const std::string& pre = mv.namePrefix;
        const Parameters& p = mv.run.params;
        ParamRefs refs;
        str(ws, paramRow_++, 0, heading + ": " + mv.model->name.in(v_.language), bold_);
        // A solved parameter is a figure the program computed, not an input: it is not a formula
        // (nothing in the workbook re-solves it when a tier changes), so it gets the derived style
        // and its label and note say that the program computed it.
        auto row = [&](std::string label, const std::string& name, double value, lxw_format* f, bool solved) {
            std::string note;
            if (solved) {
                label += " – " + L("param.loyst_merke");
                note = L("param.loyst") + " " + norsk::money(*mv.solveTarget) + " kr. " + L("param.loyst_ikkje_omrekna");
                f = derived_;
            }
            wrapped(ws, paramRow_, 0, label, solved ? wrap_ : nullptr);
            number(ws, paramRow_, 1, value, f);
            str(ws, paramRow_, 2, name, solved ? top_ : nullptr);  // a solved row is taller: all of it at the top
            if (!note.empty()) wrapped(ws, paramRow_, 3, note, wrap_);
            define(name, sheet, paramRow_, 1);
            ++paramRow_;
            return name;
        };
        auto solved = [&](SolveFor::Parameter what) { return mv.solved && mv.model->solveFor && mv.model->solveFor->parameter == what; };
        refs.fixed = row(L("param.fast_belop"), pre + "Fast_belop", num(p.fixed), input_, solved(SolveFor::Parameter::FixedAmount));
        for (std::size_t i = 0; i < p.tiers.size(); ++i) {
            std::string label = L("param.sats");
            if (p.tiers.size() > 1) label += " " + L("param.trinn") + " " + std::to_string(i + 1);
            refs.rates.push_back(row(label, pre + "Sats_" + std::to_string(i + 1), num(p.tiers[i].rate), input_,
                                     solved(SolveFor::Parameter::Rate)));
            if (p.tiers[i].upTo)
                refs.limits.push_back(row(L("param.trinn_til") + " " + std::to_string(i + 1), pre + "Grense_" + std::to_string(i + 1),
                                          static_cast<double>(*p.tiers[i].upTo), inputInt_, false));
        }
        if (p.floor) refs.floor = row(L("param.minstebelop"), pre + "Minstebelop", num(*p.floor), input_, false);
        if (p.cap) refs.cap = row(L("param.maksbelop"), pre + "Maksbelop", num(*p.cap), input_, false);
        if (!mv.model->note.in(v_.language).empty()) {
            wrapped(ws, paramRow_, 0, mv.model->note.in(v_.language), wrap_, 3);
            ++paramRow_;
        }
        ++paramRow_;
        return refs;
    }

    bool anySolved() const {
        return (v_.current.solved && v_.current.model->solveFor) || (v_.proposed.solved && v_.proposed.model->solveFor);
    }

    void writeParameters(lxw_worksheet* ws) {
        paramSheet_ = L("ark.parametrar");
        columns(ws, 0, 0, 34);
        columns(ws, 1, 1, 16);
        columns(ws, 2, 2, 22);
        columns(ws, 3, 3, 50);
        str(ws, 0, 0, L("param.tittel"), title_);
        std::string explain = L("param.forklaring");
        if (anySolved()) explain += " " + L("param.forklaring_loyst");
        wrapped(ws, 1, 0, explain, wrap_, 3);
        paramRow_ = 3;
        str(ws, paramRow_, 0, L("param.budsjettaar"));
        number(ws, paramRow_, 1, v_.year, nullptr);
        str(ws, paramRow_, 2, "Budsjettaar");
        define("Budsjettaar", paramSheet_, paramRow_, 1);
        ++paramRow_;
        str(ws, paramRow_, 0, L("param.folketal_per"));
        str(ws, paramRow_, 1, norsk::shortDate(v_.current.run.populationDate));
        paramRow_ += 2;
        current_ = writeModelParams(ws, v_.current, L("param.gjeldande"));
        proposed_ = writeModelParams(ws, v_.proposed, L("param.forslag"));
        if (v_.current.run.budgetNeed) {
            str(ws, paramRow_, 0, L("param.behov"));
            number(ws, paramRow_, 1, num(*v_.current.run.budgetNeed), input_);
            str(ws, paramRow_, 2, "Finansieringsbehov");
            define("Finansieringsbehov", paramSheet_, paramRow_, 1);
            paramRow_ += 2;
        }
        rowHeights(ws);
        printSetup(ws, -1, false);
    }

    // ---- Bidrag: one row per municipality under the current model.
    enum Col { cNr, cNamn, cPop, cPopDate, cMember, cMonths, cPayer, cFixed, cPerInh, cBefore, cAmount, cPerCap, cLimit, cCount };

    std::string limitText(Limit l) const { return l == Limit::Cap ? L("grense.tak") : l == Limit::Floor ? L("grense.golv") : ""; }

    void writeContributions(lxw_worksheet* ws) {
        const FundingRun& run = v_.current.run;
        str(ws, 0, 0, L("bidrag.tittel") + " " + std::to_string(v_.year) + " – " + v_.current.model->name.in(v_.language), title_);
        str(ws, 1, 0, L("bidrag.forklaring"));
        const double widths[] = {11, 30, 10, 11, 8, 8, 8, 12, 13, 13, 13, 11, 10};
        for (int c = 0; c < cCount; ++c) columns(ws, c, c, widths[c]);
        const int hr = 3;
        const char* keys[] = {"kol.kommunenummer", "kol.kommune", "kol.folketal", "kol.folketal_per", "kol.medlem",
                              "kol.manader", "kol.betalar", "kol.fast_del", "kol.innbyggjardel", "kol.for_grenser",
                              "kol.bidrag", "kol.kr_per_innbyggjar", "kol.grense"};
        for (int c = 0; c < cCount; ++c) wrapped(ws, hr, c, L(keys[c]), header_);
        first_ = hr + 1;
        last_ = hr + n_;
        for (int i = 0; i < n_; ++i) {
            const Contribution& c = run.rows[i];
            const Kommune& k = *c.kommune;
            int r = first_ + i;
            str(ws, r, cNr, k.kommunenummer);
            str(ws, r, cNamn, k.name);
            // Population: the figure on the Folketal sheet for the date the year uses.
            // (an assumed figure: the earlier date's, as samarbeid.json /folketal_foresetnad says)
            const Date popDate = c.populationFrom.year > 0 ? c.populationFrom : run.populationDate;
            formula(ws, r, cPop, sheetRef(popSheet_) + cellRef(popFirstRow_ + i, popColumn_[popDate]),
                    static_cast<double>(c.population), int_);
            str(ws, r, cPopDate, norsk::shortDate(popDate));
            str(ws, r, cMember, c.months > 0 ? L("ja") : L("nei"));
            number(ws, r, cMonths, c.months, nullptr);
            str(ws, r, cPayer, c.payer ? L("ja") : L("nei"));
            std::string payer = cellRef(r, cPayer) + "=\"" + L("ja") + "\"";
            std::string popRef = cellRef(r, cPop);
            formula(ws, r, cFixed, "IF(" + payer + "," + current_.fixed + ",0)", num(c.fixedPart), kroner_);
            formula(ws, r, cPerInh, "IF(" + payer + "," + tierFormula(current_, popRef) + ",0)", num(c.perInhabitant), money_);
            formula(ws, r, cBefore, cellRef(r, cFixed) + "+" + cellRef(r, cPerInh), num(c.beforeLimits), money_);
            formula(ws, r, cAmount,
                    "IF(" + payer + ",ROUND(" + limited(current_, cellRef(r, cBefore)) + "*" + cellRef(r, cMonths) + "/12,2),0)",
                    num(c.amount), money_);
            formula(ws, r, cPerCap, "IF(AND(" + payer + "," + popRef + ">0),ROUND(" + cellRef(r, cAmount) + "/" + popRef + ",2),0)",
                    num(c.krPerInhabitant), money_);
            std::string lim = "\"\"";
            if (!current_.floor.empty()) lim = "IF(" + cellRef(r, cBefore) + "<=" + current_.floor + ",\"" + L("grense.golv") + "\",\"\")";
            if (!current_.cap.empty()) lim = "IF(" + cellRef(r, cBefore) + ">=" + current_.cap + ",\"" + L("grense.tak") + "\"," + lim + ")";
            textFormula(ws, r, cLimit, "IF(NOT(" + payer + "),\"\"," + lim + ")", c.payer ? limitText(c.limit) : "");
        }
        // Totals and the statistics the steering group asked for.
        int t = last_ + 1;
        auto col = [&](int c) { return cellRef(first_, c, true) + ":" + cellRef(last_, c, true); };
        std::string payers = col(cPayer) + ",\"" + L("ja") + "\"";
        str(ws, t, cNamn, L("sum"), bold_);
        long long popSum = 0, payerPop = 0;
        for (const auto& c : run.rows) {
            popSum += c.population;
            if (c.payer) payerPop += c.population;
        }
        formula(ws, t, cPop, "SUM(" + col(cPop) + ")", static_cast<double>(popSum), totalInt_);
        Money fixedSum, perInhSum, beforeSum;
        for (const auto& c : run.rows) {
            fixedSum += c.fixedPart;
            perInhSum += c.perInhabitant;
            beforeSum += c.beforeLimits;
        }
        formula(ws, t, cFixed, "SUM(" + col(cFixed) + ")", num(fixedSum), totalMoney_);
        formula(ws, t, cPerInh, "SUM(" + col(cPerInh) + ")", num(perInhSum), totalMoney_);
        formula(ws, t, cBefore, "SUM(" + col(cBefore) + ")", num(beforeSum), totalMoney_);
        formula(ws, t, cAmount, "SUM(" + col(cAmount) + ")", num(run.total), totalMoney_);
        Money perCapAll = payerPop > 0 ? Money::ore(divRound(run.total.ore(), payerPop)) : Money{};
        std::string payerPopF = "SUMIF(" + payers + "," + col(cPop) + ")";
        formula(ws, t, cPerCap, "IF(" + payerPopF + ">0,ROUND(" + cellRef(t, cAmount) + "/" + payerPopF + ",2),0)", num(perCapAll),
                totalMoney_);

        int s = t + 2;
        // cached: the number the formula gives, or nothing for a formula giving "" (never an array
        // formula: those libxlsxwriter can cache as numbers only).
        auto statRow = [&](const std::string& label, const std::string& f, std::optional<double> cached, lxw_format* fmt,
                           bool array = false) {
            str(ws, s, cNamn, label);
            if (array)
                worksheet_write_array_formula_num(ws, s, cAmount, s, cAmount, ("{=" + f + "}").c_str(), fmt, *cached);
            else if (cached)
                formula(ws, s, cAmount, f, *cached, fmt);
            else
                textFormula(ws, s, cAmount, f, "", fmt);
            ++s;
        };
        const FairnessStats& st = run.stats;
        // Over the paying municipalities with inhabitants, as the engine's statistics are.
        std::string counted = payers + "," + col(cPop) + ",\">0\"";
        std::string isCounted = "(" + col(cPayer) + "=\"" + L("ja") + "\")*(" + col(cPop) + ">0)";
        statRow(L("stat.betalarar"), "COUNTIFS(" + counted + ")", st.payers, int_);
        statRow(L("stat.min"), "_xlfn.MINIFS(" + col(cPerCap) + "," + counted + ")", num(st.minPerInhabitant), money_);
        statRow(L("stat.median"), "ROUND(MEDIAN(IF(" + isCounted + "," + col(cPerCap) + ")),2)",
                num(st.medianPerInhabitant), money_, true);
        statRow(L("stat.maks"), "_xlfn.MAXIFS(" + col(cPerCap) + "," + counted + ")", num(st.maxPerInhabitant), money_);
        int minRow = s - 3, maxRow = s - 1;
        // Highest / lowest: "" where the lowest is 0 (no payers, or a payer with no inhabitants).
        std::optional<double> spread;
        if (st.payers > 0 && st.minPerInhabitant.ore() > 0)
            spread = static_cast<double>(st.spread.num) / static_cast<double>(st.spread.den);
        statRow(L("stat.spreiing"),
                "IF(" + cellRef(minRow, cAmount) + ">0," + cellRef(maxRow, cAmount) + "/" + cellRef(minRow, cAmount) + ",\"\")", spread,
                ratio_);
        statRow(L("stat.gini"),
                "SUMPRODUCT(" + isCounted + "*TRANSPOSE(" + isCounted + ")*ABS(" + col(cPerCap) + "-TRANSPOSE(" + col(cPerCap) +
                    ")))/(2*COUNTIFS(" + counted + ")*SUMIFS(" + col(cPerCap) + "," + counted + "))",
                static_cast<double>(st.gini.num) / static_cast<double>(st.gini.den), ratio_, true);
        std::string withPop = "," + col(cPop) + ",\">0\")";
        atCapRow_ = s;
        statRow(L("stat.tak"), "COUNTIFS(" + col(cLimit) + ",\"" + L("grense.tak") + "\"" + withPop, st.atCap, int_);
        statRow(L("stat.golv"), "COUNTIFS(" + col(cLimit) + ",\"" + L("grense.golv") + "\"" + withPop, st.atFloor, int_);
        if (run.budgetNeed && run.hostShare) {
            ++s;
            double need = num(*run.budgetNeed);
            statRow(L("stat.behov"), "Finansieringsbehov", need, money_);
            statRow(L("stat.vertskommune"), "Finansieringsbehov-" + cellRef(t, cAmount), num(*run.hostShare), money_);
            statRow(L("stat.del_medlemar"), cellRef(t, cAmount) + "/Finansieringsbehov", num(run.total) / need, pct_);
            statRow(L("stat.del_vertskommune"), "(Finansieringsbehov-" + cellRef(t, cAmount) + ")/Finansieringsbehov",
                    num(*run.hostShare) / need, pct_);
        }
        rowHeights(ws);
        worksheet_freeze_panes(ws, hr + 1, 2);
        worksheet_autofilter(ws, hr, 0, last_, cCount - 1);
        printSetup(ws, hr, true);
    }

    // ---- Samanlikning: current vs proposed model, per municipality.
    void writeComparison(lxw_worksheet* ws) {
        compareSheet_ = L("ark.samanlikning");
        const FundingRun& a = v_.current.run;
        const FundingRun& b = v_.proposed.run;
        str(ws, 0, 0, L("saml.tittel") + " " + std::to_string(v_.year), title_);
        str(ws, 1, 0, v_.current.model->name.in(v_.language) + "  →  " + v_.proposed.model->name.in(v_.language));
        columns(ws, 0, 0, 11);
        columns(ws, 1, 1, 16);
        columns(ws, 2, 8, 13);
        const int hr = 3;
        const char* keys[] = {"kol.kommunenummer", "kol.kommune", "kol.folketal", "saml.gjeldande", "saml.forslag",
                              "saml.endring", "saml.endring_prosent", "saml.kr_gjeldande", "saml.kr_forslag"};
        for (int c = 0; c < 9; ++c) wrapped(ws, hr, c, L(keys[c]), header_);
        cmpFirst_ = hr + 1;
        std::string cs = sheetRef(contribSheet_);
        for (int i = 0; i < n_; ++i) {
            const Contribution& x = a.rows[i];
            const Contribution& y = b.rows[i];
            int r = cmpFirst_ + i, src = first_ + i;
            str(ws, r, 0, x.kommune->kommunenummer);
            str(ws, r, 1, x.kommune->name);
            formula(ws, r, 2, cs + cellRef(src, cPop), static_cast<double>(x.population), int_);
            formula(ws, r, 3, cs + cellRef(src, cAmount), num(x.amount), money_);
            std::string payer = cs + cellRef(src, cPayer) + "=\"" + L("ja") + "\"";
            std::string before = proposed_.fixed + "+" + tierFormula(proposed_, cellRef(r, 2));
            formula(ws, r, 4, "IF(" + payer + ",ROUND(" + limited(proposed_, before) + "*" + cs + cellRef(src, cMonths) + "/12,2),0)",
                    num(y.amount), money_);
            formula(ws, r, 5, cellRef(r, 4) + "-" + cellRef(r, 3), num(y.amount - x.amount), money_);
            formula(ws, r, 6, "IF(" + cellRef(r, 3) + ">0," + cellRef(r, 5) + "/" + cellRef(r, 3) + ",0)",
                    x.amount.ore() > 0 ? static_cast<double>((y.amount - x.amount).ore()) / static_cast<double>(x.amount.ore()) : 0.0, pct_);
            formula(ws, r, 7, cs + cellRef(src, cPerCap), num(x.krPerInhabitant), money_);
            formula(ws, r, 8, "IF(AND(" + payer + "," + cellRef(r, 2) + ">0),ROUND(" + cellRef(r, 4) + "/" + cellRef(r, 2) + ",2),0)",
                    num(y.krPerInhabitant), money_);
        }
        int t = cmpFirst_ + n_;
        cmpLast_ = t - 1;
        str(ws, t, 1, L("sum"), bold_);
        auto col = [&](int c) { return cellRef(cmpFirst_, c) + ":" + cellRef(cmpLast_, c); };
        formula(ws, t, 3, "SUM(" + col(3) + ")", num(a.total), totalMoney_);
        formula(ws, t, 4, "SUM(" + col(4) + ")", num(b.total), totalMoney_);
        formula(ws, t, 5, "SUM(" + col(5) + ")", num(b.total - a.total), totalMoney_);
        rowHeights(ws);
        worksheet_freeze_panes(ws, hr + 1, 2);
        worksheet_autofilter(ws, hr, 0, cmpLast_, 8);
        printSetup(ws, hr, true);
    }

    // ---- Framskriving: indexed parameters per year and who reaches the cap when.
    void writeProjection(lxw_worksheet* ws) {
        const ProjectionRun& pr = v_.projection;
        const Projection& ps = v_.projectionSettings;
        const FundingRun& base = v_.current.run;
        const int c0 = 2;  // first year column (the base year)
        int ny = static_cast<int>(pr.years.size());
        int cFirst = c0 + ny + 1;
        columns(ws, 0, 0, 11);
        columns(ws, 1, 1, 22);
        columns(ws, c0, c0 + ny, 13);
        columns(ws, cFirst, cFirst, 14);
        str(ws, 0, 0, L("fram.tittel"), title_);
        wrapped(ws, 1, 0, ps.note.in(v_.language), wrap_, std::max(cFirst - 1, 1));
        // Parameter block.
        int rYear = 3, rDefl = 4, rFixed = 5, rRate0 = 6;
        int nt = static_cast<int>(base.params.tiers.size());
        int rFloor = rRate0 + nt, rCap = rFloor + (base.params.floor ? 1 : 0);
        int rCount = rCap + (base.params.cap ? 1 : 0);
        str(ws, rYear, 1, L("fram.aar"), bold_);
        str(ws, rDefl, 1, L("fram.deflator"));
        str(ws, rFixed, 1, L("param.fast_belop"));
        for (int t = 0; t < nt; ++t) str(ws, rRate0 + t, 1, L("param.sats") + (nt > 1 ? " " + std::to_string(t + 1) : ""));
        if (base.params.floor) str(ws, rFloor, 1, L("param.minstebelop"));
        if (base.params.cap) str(ws, rCap, 1, L("param.maksbelop"));
        str(ws, rCount, 1, L("fram.tal_pa_tak"));
        str(ws, rCount + 1, 1, L("sum"));
        number(ws, rYear, c0, v_.year, bold_);
        formula(ws, rFixed, c0, current_.fixed, num(base.params.fixed), kroner_);
        for (int t = 0; t < nt; ++t) formula(ws, rRate0 + t, c0, current_.rates[t], num(base.params.tiers[t].rate), rate_);
        if (base.params.floor) formula(ws, rFloor, c0, current_.floor, num(*base.params.floor), kroner_);
        if (base.params.cap) formula(ws, rCap, c0, current_.cap, num(*base.params.cap), kroner_);
        auto indexed = [&](bool on, int r, int c, const std::string& round, double cached, lxw_format* f) {
            std::string prev = cellRef(r, c - 1);
            formula(ws, r, c, on ? "ROUND(" + prev + "*(1+" + cellRef(rDefl, c) + ")," + round + ")" : prev, cached, f);
        };
        for (int j = 0; j < ny; ++j) {
            const ProjectionYear& py = pr.years[j];
            int c = c0 + 1 + j;
            number(ws, rYear, c, py.year, bold_);
            number(ws, rDefl, c, v_.projectionDeflator[j] / 10000.0, pct_);
            indexed(ps.indexation.fixed, rFixed, c, "0", num(py.params.fixed), kroner_);
            for (int t = 0; t < nt; ++t) indexed(ps.indexation.rate, rRate0 + t, c, "2", num(py.params.tiers[t].rate), rate_);
            if (base.params.floor) indexed(ps.indexation.floor, rFloor, c, "0", num(*py.params.floor), kroner_);
            if (base.params.cap) indexed(ps.indexation.cap, rCap, c, "0", num(*py.params.cap), kroner_);
        }
        // One row per municipality.
        int hr = rCount + 3;
        wrapped(ws, hr, 0, L("kol.kommunenummer"), header_);
        wrapped(ws, hr, 1, L("kol.kommune"), header_);
        for (int j = 0; j <= ny; ++j) number(ws, hr, c0 + j, j == 0 ? v_.year : pr.years[j - 1].year, header_);
        wrapped(ws, hr, cFirst, L("fram.forste_aar_tak"), headerIndent_);
        int f = hr + 1;
        std::string cs = sheetRef(contribSheet_);
        for (int i = 0; i < n_; ++i) {
            int r = f + i;
            const Contribution& b = base.rows[i];
            str(ws, r, 0, b.kommune->kommunenummer);
            str(ws, r, 1, b.kommune->name);
            formula(ws, r, c0, cs + cellRef(first_ + i, cAmount), num(b.amount), money_);
            for (int j = 0; j < ny; ++j) {
                int c = c0 + 1 + j;
                int y = pr.years[j].year;
                // Population for year y: 1 January of y−1, or the latest known before it.
                Date want{y - 1, 1, 1};
                Date use = base.populationDate;
                for (const auto& [d, _] : b.kommune->population)
                    if (d <= want) use = d;
                std::string pop = sheetRef(popSheet_) + cellRef(popFirstRow_ + i, popColumn_[use]);
                ParamRefs p;
                p.fixed = cellRef(rFixed, c, false);
                for (int t = 0; t < nt; ++t) p.rates.push_back(cellRef(rRate0 + t, c));
                for (int t = 0; t + 1 < nt; ++t) p.limits.push_back(current_.limits[t]);
                if (base.params.floor) p.floor = cellRef(rFloor, c);
                if (base.params.cap) p.cap = cellRef(rCap, c);
                // That year's months of membership (a leaver pays nothing, a joiner from the month
                // it joins), as finance::project computes them.
                const int months = pr.years[j].months[i];
                const bool payerY = months > 0 && (v_.current.model->hostPays || !b.kommune->host);
                std::string annual = limited(p, p.fixed + "+" + tierFormula(p, pop));
                if (!payerY)
                    number(ws, r, c, 0, money_);
                else
                    formula(ws, r, c, months == 12 ? annual : "ROUND(" + annual + "*" + std::to_string(months) + "/12,2)",
                            num(pr.years[j].amounts[i]), money_);
            }
            // First year at the cap, "" if never within the horizon: the base year if the
            // municipality is at the cap on the contribution sheet (its amount there is for its
            // months of membership, so the amount is not compared), else the first later year whose
            // amount reaches that year's cap. A plain formula (nested IF, one level per year), so
            // that the text result "" can be cached as text: libxlsxwriter caches array formulas as
            // numbers only.
            auto first = pr.firstYearAtCap[i];
            if (base.params.cap) {
                std::string fm = "\"\"";
                for (int j = ny; j >= 1; --j) {
                    int c = c0 + j;
                    fm = "IF(" + cellRef(r, c) + ">=" + columnName(c) + "$" + std::to_string(rCap + 1) + "," + columnName(c) +
                         "$" + std::to_string(rYear + 1) + "," + fm + ")";
                }
                fm = "IF(" + cs + cellRef(first_ + i, cLimit) + "=\"" + L("grense.tak") + "\"," + cellRef(rYear, c0, true) + "," + fm + ")";
                if (first)
                    formula(ws, r, cFirst, fm, *first, nullptr);
                else
                    textFormula(ws, r, cFirst, fm, "");
            }
        }
        int last = f + n_ - 1;
        for (int j = 0; j <= ny; ++j) {
            int c = c0 + j;
            std::string colr = cellRef(f, c) + ":" + cellRef(last, c);
            int atCap = j == 0 ? base.stats.atCap : pr.years[j - 1].atCap;
            Money total = j == 0 ? base.total : pr.years[j - 1].total;
            // The base year: the contribution sheet's count (its amounts are for the months of
            // membership); later years: the amounts that reach the year's cap.
            if (base.params.cap)
                formula(ws, rCount, c, j == 0 ? cs + cellRef(atCapRow_, cAmount) : "COUNTIF(" + colr + ",\">=\"&" + cellRef(rCap, c) + ")",
                        atCap, int_);
            formula(ws, rCount + 1, c, "SUM(" + colr + ")", num(total), money_);
        }
        rowHeights(ws);
        worksheet_freeze_panes(ws, hr + 1, 2);
        worksheet_autofilter(ws, hr, 0, last, cFirst);
        printSetup(ws, hr, true);
    }

    void writeCharts(lxw_worksheet* ws) {
        str(ws, 0, 0, L("diagram.tittel"), title_);
        std::string cs = sheetRef(contribSheet_);
        std::string cats = cs + cellRef(first_, cNamn, true) + ":" + cellRef(last_, cNamn, true);
        lxw_chart* perCap = workbook_add_chart(wb_, LXW_CHART_COLUMN);
        lxw_chart_series* s1 = chart_add_series(perCap, cats.c_str(),
                                                (cs + cellRef(first_, cPerCap, true) + ":" + cellRef(last_, cPerCap, true)).c_str());
        chart_series_set_name(s1, L("kol.kr_per_innbyggjar").c_str());
        chart_title_set_name(perCap, (L("diagram.kr_per_innbyggjar") + " " + std::to_string(v_.year)).c_str());
        chart_legend_set_position(perCap, LXW_CHART_LEGEND_NONE);
        chart_axis_set_num_format(perCap->y_axis, "#,##0");
        lxw_chart_options opt = {};
        opt.x_scale = 2.2;
        opt.y_scale = 1.5;
        worksheet_insert_chart_opt(ws, 2, 0, perCap, &opt);

        std::string ms = sheetRef(compareSheet_);
        std::string mcats = ms + cellRef(cmpFirst_, 1, true) + ":" + cellRef(cmpLast_, 1, true);
        lxw_chart* cmp = workbook_add_chart(wb_, LXW_CHART_COLUMN);
        lxw_chart_series* a = chart_add_series(cmp, mcats.c_str(), (ms + cellRef(cmpFirst_, 3, true) + ":" + cellRef(cmpLast_, 3, true)).c_str());
        chart_series_set_name(a, L("saml.gjeldande").c_str());
        lxw_chart_series* b = chart_add_series(cmp, mcats.c_str(), (ms + cellRef(cmpFirst_, 4, true) + ":" + cellRef(cmpLast_, 4, true)).c_str());
        chart_series_set_name(b, L("saml.forslag").c_str());
        chart_title_set_name(cmp, L("diagram.samanlikning").c_str());
        chart_legend_set_position(cmp, LXW_CHART_LEGEND_BOTTOM);
        chart_axis_set_num_format(cmp->y_axis, "#,##0");
        worksheet_insert_chart_opt(ws, 26, 0, cmp, &opt);
        printSetup(ws, -1, true);
    }

    void writeAbout(lxw_worksheet* ws) {
        str(ws, 0, 0, v_.title, title_);
        int r = 2;
        columns(ws, 0, 0, 24);
        columns(ws, 1, 1, 100);
        auto line = [&](const std::string& a, const std::string& b) {
            wrapped(ws, r, 0, a, boldWrap_);
            wrapped(ws, r, 1, b, wrap_);
            ++r;
        };
        line(L("om.budsjettaar"), std::to_string(v_.year));
        line(L("om.folketal"), norsk::date(v_.current.run.populationDate));
        line(L("om.modell"), v_.current.model->name.in(v_.language));
        line(L("om.forslag"), v_.proposed.model->name.in(v_.language));
        line(L("om.dato"), norsk::date(v_.documentDate));
        line(L("om.avrunding"), L("om.avrunding_tekst"));
        line(L("om.bruk"), L("om.bruk_tekst") + (anySolved() ? " " + L("om.bruk_loyst") : ""));
        ++r;
        wrapped(ws, r++, 0, L("om.merknader"), boldWrap_);
        for (const auto& n : v_.inputs->dataNotes) wrapped(ws, r++, 1, n.in(v_.language), wrap_);
        for (const auto& n : v_.inputs->settings.notes) wrapped(ws, r++, 1, n.in(v_.language), wrap_);
        // What this year's figures rest on that no source confirms.
        if (v_.current.run.populationAssumed) wrapped(ws, r++, 1, v_.inputs->settings.assumedPopulationNote.in(v_.language), wrap_);
        if (!v_.current.model->confirmed) wrapped(ws, r++, 1, v_.current.model->note.in(v_.language), wrap_);
        rowHeights(ws);
        printSetup(ws, -1, false);
    }

    const WorkbookView& v_;
    const Labels& L;
    lxw_workbook* wb_;
    lxw_format *bold_, *title_, *header_, *headerIndent_, *kroner_, *money_, *rate_, *int_, *pct_, *ratio_, *input_, *inputInt_, *derived_, *top_,
        *totalMoney_, *totalInt_, *wrap_, *boldWrap_;
    int n_ = 0, first_ = 0, last_ = 0, atCapRow_ = 0, cmpFirst_ = 0, cmpLast_ = 0, popFirstRow_ = 0;
    std::map<Date, int> popColumn_;
    std::string contribSheet_, paramSheet_, popSheet_, compareSheet_;
    ParamRefs current_, proposed_;
};

}  // namespace

bool writeWorkbook(const WorkbookView& view, const std::string& path, Diagnostics& diags) {
    lxw_workbook_options options = {};
    options.constant_memory = LXW_FALSE;
    lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
    if (!wb) {
        diags.add(path, "", "cannot create the workbook file");
        return false;
    }
    // Document properties with a fixed date from the settings: same inputs, same bytes.
    lxw_doc_properties props = {};
    // lxw_doc_properties takes char*; libxlsxwriter copies, never writes, these strings.
    std::string title = view.title, author = view.author, subject = view.labels("om.emne");
    props.title = title.data();
    props.author = author.data();
    props.company = author.data();
    props.subject = subject.data();
    props.created = static_cast<time_t>(view.documentDate.dayNumber() * 86400L);
    workbook_set_properties(wb, &props);
    Writer w(view, wb);
    w.write();
    lxw_error err = workbook_close(wb);
    if (!view.labels.missing.empty()) {
        for (const auto& key : view.labels.missing)
            diags.add(view.labels.file, "/" + key, "missing text for \"" + key + "\"");
        return false;
    }
    if (err != LXW_NO_ERROR) {
        diags.add(path, "", std::string("cannot write the workbook: ") + lxw_strerror(err));
        return false;
    }
    return true;
}

}  // namespace dv::xlsx
