// The arkivmelding writer's contracts that the folder checks (tests/dispatch/check_dispatch.py)
// cannot see from outside: content-derived UUIDs, and the main document first.
#include <catch2/catch.hpp>

#include <regex>

#include "dispatch/arkivmelding.h"
#include "templates/template.h"

using namespace dv;

namespace {
dispatch::Case sample() {
    dispatch::File main{"1-folgjebrev-4634-masfjorden.pdf", "Brev & vedlegg", "Brev", "application/pdf", "PDF/A-2a", "aa", 10};
    dispatch::File att{"2-avtale-4634-masfjorden.pdf", "Avtale", "Avtale", "application/pdf", "PDF/A-2a", "bb", 20};
    dispatch::Letter l{"4634", "Tittel", "Masfjorden kommune", "945627913", Date{2025, 2, 14}, {main, att}};
    return {"DigiVestland", "vedtak-2025", "Sak", "Sekretariatet", "Kontakt", Date{2025, 2, 14}, {l}};
}
}  // namespace

TEST_CASE("contentUuid: an RFC 9562 version 8 UUID, the same for the same seed", "[dispatch]") {
    std::string a = dispatch::contentUuid("x"), b = dispatch::contentUuid("x"), c = dispatch::contentUuid("y");
    CHECK(a == b);
    CHECK(a != c);
    CHECK(std::regex_match(a, std::regex("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
}

TEST_CASE("arkivmelding: a changed file changes the identifiers; text is escaped; main document first", "[dispatch]") {
    dispatch::Case c = sample();
    std::string x = dispatch::arkivmeldingXml(c);
    CHECK(x.find("Brev &amp; vedlegg") != std::string::npos);
    CHECK(x.find("<tilknyttetRegistreringSom>Hoveddokument") < x.find("<tilknyttetRegistreringSom>Vedlegg"));
    CHECK(x.find("<antallFiler>2</antallFiler>") != std::string::npos);
    // v1 of eFormidling's schema: the external key, the receiver's number, checksum and size.
    CHECK(x.find("<noekkel>vedtak-2025</noekkel>") < x.find("<registrering xsi:type=\"journalpost\">"));
    CHECK(x.find("<noekkel>vedtak-2025/4634</noekkel>") != std::string::npos);
    CHECK(x.find("<organisasjonsnummer>945627913</organisasjonsnummer>") != std::string::npos);
    CHECK(x.find("<sjekksum>bb</sjekksum>") != std::string::npos);
    CHECK(x.find("<filstoerrelse>20</filstoerrelse>") != std::string::npos);
    std::string id = dispatch::messageId(c);
    c.letters[0].files[1].sha256 = "cc";
    CHECK(dispatch::messageId(c) != id);
    CHECK(dispatch::arkivmeldingXml(sample()) == x);
}

TEST_CASE("<!-- forslag til vedtak --> marks the next paragraph, and only a paragraph", "[dispatch][templates]") {
    Diagnostics d;
    auto doc = tmpl::parseMarkdown("t.md", "# Sak\n\n<!-- forslag til vedtak -->\n\nX ber Y signere.\n\nAnna.\n", d);
    REQUIRE(doc);
    REQUIRE(doc->blocks.size() == 3);
    CHECK(doc->blocks[1].role == "forslag-til-vedtak");
    CHECK(doc->blocks[2].role.empty());
    Diagnostics bad;
    CHECK_FALSE(tmpl::parseMarkdown("t.md", "<!-- forslag til vedtak -->\n\n- ein liste\n", bad));
    CHECK(bad.format().find("t.md: 3: ") != std::string::npos);
}
