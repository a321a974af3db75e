#include "report/norsk.h"

#include <cstdlib>

namespace dv::norsk {

static std::string grouped(unsigned long long v) {
    std::string digits = std::to_string(v);
    std::string out;
    int n = static_cast<int>(digits.size());
    for (int i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out += kNbsp;
        out += digits[i];
    }
    return out;
}

std::string integer(long long v) {
    return (v < 0 ? "\u2212" : "") + grouped(static_cast<unsigned long long>(std::llabs(v)));
}

std::string quantity(long long hundredths) {
    long long a = hundredths < 0 ? -hundredths : hundredths;
    std::string s = (hundredths < 0 ? "\u2212" : "") + integer(a / 100);
    if (a % 100) s += "," + std::to_string(a % 100 / 10) + (a % 10 ? std::to_string(a % 10) : "");
    return s;
}

std::string money(Money m) {
    long long v = m.ore();
    unsigned long long a = static_cast<unsigned long long>(std::llabs(v));
    std::string frac = std::to_string(a % 100);
    if (frac.size() < 2) frac = "0" + frac;
    return (v < 0 ? "\u2212" : "") + grouped(a / 100) + "," + frac;
}

std::string kroner(Money m) { return integer(m.roundedToKroner().ore() / 100); }

std::string decimal(long long num, long long den, int decimals) {
    long long scale = 1;
    for (int i = 0; i < decimals; ++i) scale *= 10;
    // num/den × scale rounded half away from zero, without overflow for our magnitudes.
    __int128 n = static_cast<__int128>(num) * scale;
    bool neg = (n < 0) != (den < 0);
    __int128 an = n < 0 ? -n : n, ad = den < 0 ? -den : den;
    __int128 q = an / ad, r = an % ad;
    if (2 * r >= ad) ++q;
    long long v = static_cast<long long>(q);
    std::string s = grouped(static_cast<unsigned long long>(v / scale));
    if (decimals > 0) {
        std::string f = std::to_string(v % scale);
        f.insert(0, static_cast<std::size_t>(decimals) - f.size(), '0');
        s += "," + f;
    }
    return (neg && v != 0 ? "\u2212" : "") + s;
}

std::string percent(long long num, long long den, int decimals) {
    return decimal(num * 100, den, decimals) + kNbsp + "%";
}

std::string rate(Rate r) {
    long long micro = r.micro();
    if (micro % Rate::kUnitsPerKrone == 0) return integer(micro / Rate::kUnitsPerKrone);
    if (micro % Rate::kUnitsPerOre == 0) return decimal(micro, Rate::kUnitsPerKrone, 2);
    return decimal(micro, Rate::kUnitsPerKrone, 4);
}

std::string date(const Date& d) {
    static const char* months[] = {"januar", "februar", "mars", "april", "mai", "juni", "juli",
                                   "august", "september", "oktober", "november", "desember"};
    return std::to_string(d.day) + ". " + months[d.month - 1] + " " + std::to_string(d.year);
}

std::string shortDate(const Date& d) {
    std::string iso = d.iso();
    return iso.substr(8, 2) + "." + iso.substr(5, 2) + "." + iso.substr(0, 4);
}

std::string orgnr(const std::string& s) {
    if (s.size() != 9) return s;
    return s.substr(0, 3) + kNbsp + s.substr(3, 3) + kNbsp + s.substr(6, 3);
}

std::string account(const std::string& s) {
    if (s.size() != 11) return s;
    return s.substr(0, 4) + "." + s.substr(4, 2) + "." + s.substr(6, 5);
}

Language languageFor(const Kommune& k, const Settings& s) {
    switch (k.malform) {
        case Malform::Nynorsk: return Language::Nynorsk;
        case Malform::Bokmal: return Language::Bokmal;
        case Malform::Noytral: return s.neutralLanguage;
    }
    return Language::Nynorsk;
}

}  // namespace dv::norsk
