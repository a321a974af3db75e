#include <catch2/catch.hpp>

#include "core/checkdigit.h"

TEST_CASE("organisation numbers: MOD11 with Brønnøysund weights", "[checkdigit]") {
    CHECK(dv::validOrgnr("964338531"));  // Bergen kommune
    CHECK(dv::validOrgnr("945627913"));  // Masfjorden kommune
    CHECK(dv::validOrgnr("971159928"));  // Ulvik herad
    CHECK_FALSE(dv::validOrgnr("964338532"));
    CHECK_FALSE(dv::validOrgnr("96433853"));
    CHECK_FALSE(dv::validOrgnr("96433853a"));
}

TEST_CASE("account numbers: MOD11", "[checkdigit]") {
    CHECK(dv::validAccount("12345678903"));
    CHECK_FALSE(dv::validAccount("12345678904"));
    CHECK_FALSE(dv::validAccount("1234567890"));
}

TEST_CASE("KID check digits", "[checkdigit]") {
    // Luhn: 7992739871 → 3 (the textbook example)
    CHECK(dv::mod10CheckDigit("7992739871") == '3');
    CHECK(dv::validKid("79927398713"));
    CHECK_FALSE(dv::validKid("79927398710"));
    // MOD11 with weights 2..7 from the right: 12345678 → sum 2·8+3·7+4·6+5·5+6·4+7·3+2·2+3·1 = 138,
    // 138 mod 11 = 6, 11 − 6 = 5
    CHECK(dv::mod11CheckDigit("12345678") == '5');
    CHECK(dv::validKid("123456785"));
}
