// libFuzzer harness for the JSON input loader: any bytes as each of the three input files. The
// loader must return diagnostics or a model, never crash, hang, leak or hit undefined behaviour
// (run under ASan and UBSan by `make fuzz`).
#include <cstddef>
#include <cstdint>
#include <string>

#include "input/inputs.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    using Reader = void (*)(const std::string&, const std::string&, dv::Inputs&, dv::Diagnostics&, dv::input::InputReport*);
    for (Reader read : {static_cast<Reader>(dv::input::readKommunar), static_cast<Reader>(dv::input::readPortfolio),
                        static_cast<Reader>(dv::input::readSettings)}) {
        dv::Inputs in;
        dv::Diagnostics diags;
        dv::input::InputReport report;
        read("fuzz.json", text, in, diags, &report);
        if (diags.empty()) dv::input::crossCheck(in, diags);
        (void)diags.format();
    }
    return 0;
}
