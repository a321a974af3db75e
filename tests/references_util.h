// Test fixture: the references a finance officer collects before a real run. The shipped inputs
// carry each municipality's published rules (field, format, required) but not the references
// themselves, which each municipality gives its orderer; a real run refuses an invoice whose buyer
// requires one it lacks. Confirmed-input fixtures call this to stand for that collection: every
// buyer that requires a reference gets a made-up value in its format (and BuyerReference where the
// source names no field).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace dvtest {

inline void collectReferences(nlohmann::json& kommunar) {
    static const std::map<std::string, std::string> sample = {
        {"^[0-9]{5}$", "12345"}, {"^[0-9]{6}$", "123456"}, {"^[0-9A-Za-zÆØÅæøå]+$", "AB123"}};
    for (auto& m : kommunar["kommunar"]) {
        auto& f = m["faktura"];
        if (f.value("referanse_krevst", nlohmann::json()) != true || !f.value("referanse", nlohmann::json()).is_null()) continue;
        const auto format = f.value("referanseformat", nlohmann::json());
        std::string value = "REF" + m["kommunenummer"].get<std::string>();
        if (!format.is_null()) {
            auto it = sample.find(format.get<std::string>());
            if (it == sample.end()) throw std::runtime_error("collectReferences: no sample for format " + format.get<std::string>());
            value = it->second;
        }
        f["referanse"] = value;
        if (f.value("referansefelt", nlohmann::json()).is_null()) f["referansefelt"] = "BuyerReference";
    }
}

}  // namespace dvtest
