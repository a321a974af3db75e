// make bench: how long the funding workbook takes for 43, 430 and 4 300 municipalities (the
// synthetic ones are copies of the real 43 with new numbers), measured in-process, best of N.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "backends/xlsx/workbook.h"
#include "input/inputs.h"
#include "input/labels.h"
#include "report/workbook_view.h"

using namespace dv;
namespace fs = std::filesystem;

int main(int argc, char** argv) {
    std::string src = argc > 1 ? argv[1] : ".";
    Inputs base = input::loadInputs(src + "/inputs");
    fs::path dir = fs::temp_directory_path() / "dv-bench";
    fs::create_directories(dir);
    std::printf("%-28s %8s %10s %10s\n", "funding workbook", "kommunar", "best ms", "bytes");
    for (int factor : {1, 10, 100}) {
        Inputs in = base;
        in.kommunar.clear();
        int serial = 1000;
        for (int f = 0; f < factor; ++f)
            for (Kommune k : base.kommunar) {
                if (f > 0) {
                    k.host = false;
                    k.kommunenummer = std::to_string(serial++);
                    k.name += " " + std::to_string(f);
                }
                in.kommunar.push_back(k);
            }
        int runs = factor == 100 ? 3 : 10;
        double best = 1e9;
        std::uintmax_t bytes = 0;
        for (int r = 0; r < runs; ++r) {
            auto t0 = std::chrono::steady_clock::now();
            Diagnostics d;
            auto view = buildWorkbookView(in, in.settings.defaultYear, d);
            if (!view) {
                std::cerr << d.format();
                return 1;
            }
            view->labels.file = src + "/templates/nb/arbeidsbok.json";
            view->labels.text = input::loadLabels(view->labels.file, d);
            fs::path out = dir / "bench.xlsx";
            if (!xlsx::writeWorkbook(*view, out.string(), d)) {
                std::cerr << d.format();
                return 1;
            }
            double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
            best = std::min(best, ms);
            bytes = fs::file_size(out);
        }
        std::printf("%-28s %8zu %10.1f %10ju\n", "inputs → xlsx (in-process)", in.kommunar.size(), best, bytes);
    }
    fs::remove_all(dir);
    return 0;
}
