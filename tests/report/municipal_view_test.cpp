// File names from municipality names: readable ASCII for every Latin letter the inputs may hold.
#include <catch2/catch.hpp>

#include "report/municipal_view.h"

using dv::slugify;

TEST_CASE("issue 15: file names transliterate Norwegian and Sami letters instead of dropping them", "[municipal]") {
    CHECK(slugify("Bjørnafjorden") == "bjornafjorden");
    CHECK(slugify("Årdal") == "ardal");
    CHECK(slugify("Sør-Fron") == "sor-fron");
    CHECK(slugify("Kárášjohka") == "karasjohka");
    CHECK(slugify("Porsáŋgu") == "porsangu");
    CHECK(slugify("Guovdageaidnu – Kautokeino") == "guovdageaidnu-kautokeino");
    CHECK(slugify("Unjárga Nesseby") == "unjarga-nesseby");
    CHECK(slugify("Čáhcesuolu") == "cahcesuolu");
    CHECK(slugify("Deatnu Tana") == "deatnu-tana");
    CHECK(slugify("Ŧ Đ Ž") == "t-d-z");
    CHECK(slugify("Ærøy") == "aeroy");
    CHECK(slugify("  ") == "");
}

#include "input/inputs.h"

TEST_CASE("issue 15: a year that needs no deflator states every member's amount; its view holds no whole table",
          "[municipal]") {
    // The 2024 model indexes nothing: with the deflator rows gone the hearing's amounts are
    // still computed, and no member is said to pay nothing.
    dv::Inputs in = dv::input::loadInputs(DV_SOURCE_DIR "/inputs");
    in.settings.deflator.clear();
    const dv::Occasion* hearing = in.settings.occasionById("hoyring-2024");
    REQUIRE(hearing);
    dv::Diagnostics d;
    auto views = dv::buildMunicipalViews(in, *hearing, d);
    INFO(d.format());
    REQUIRE(views);
    REQUIRE(views->size() == in.kommunar.size());
    for (const auto& mv : *views) {
        const auto& years = mv.value.find("aar")->list();
        REQUIRE(years.size() == 1);
        const auto& y = years.front();
        CHECK(y.find("aar")->str() == "2024");
        if (mv.kommune->host) continue;
        CHECK_FALSE(y.find("ikkje_medlem")->flag());
        CHECK(y.find("betalar")->flag());
        CHECK(y.find("bidrag")->str() != "0");
        CHECK(y.find("kommunar") == nullptr);  // own figures and totals only: linear in the municipalities
    }
    // A model that does index, with no deflator for a year it needs, is an error, not a sentence.
    for (auto& m : in.settings.models) m.indexation.fixed = true;
    dv::Diagnostics e;
    CHECK_FALSE(dv::buildMunicipalViews(in, *hearing, e));
    REQUIRE_FALSE(e.empty());
    CHECK(e.items()[0].place == "/deflator");
    CHECK(e.items()[0].message.find("no deflator for 2022") != std::string::npos);
}
