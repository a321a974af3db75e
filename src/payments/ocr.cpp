#include "payments/ocr.h"

#include <sstream>

namespace dv::payments {
namespace {

struct Record {
    int line;
    std::string text;
    std::string field(int from, int to) const { return text.substr(static_cast<std::size_t>(from - 1), static_cast<std::size_t>(to - from + 1)); }
    std::string type() const { return text.substr(6, 2); }
};

bool digits(const std::string& s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos; }

std::optional<Date> ddmmyy(const std::string& s) {
    if (!digits(s)) return std::nullopt;
    return Date::parseIso("20" + s.substr(4, 2) + "-" + s.substr(2, 2) + "-" + s.substr(0, 2));
}

class Parser {
public:
    Parser(const std::string& file, Diagnostics& diags) : file_(file), diags_(diags) {}

    bool fail(const Record& r, const std::string& msg) {
        diags_.add(file_, std::to_string(r.line) + ":1", msg);
        return false;
    }
    bool number(const Record& r, int from, int to, long long& out, const char* what) {
        std::string f = r.field(from, to);
        if (!digits(f)) return fail(r, std::string("expected digits for the ") + what + " in positions " + std::to_string(from) + "–" + std::to_string(to) + ", got \"" + f + "\"");
        out = std::stoll(f);
        return true;
    }
    bool amountItems(const std::vector<Record>& rs, std::size_t& i, const std::string& assignment, std::vector<Payment>& out, Money& sum);
    bool assignment(const std::vector<Record>& rs, std::size_t& i, std::vector<Payment>& out, long long& tx, long long& records, Money& sum);
    bool transmission(const std::vector<Record>& rs, std::vector<Payment>& out);

private:
    std::string file_, transmission_;
    Diagnostics& diags_;
};

bool Parser::amountItems(const std::vector<Record>& rs, std::size_t& i, const std::string& assignment, std::vector<Payment>& out, Money& sum) {
    const Record& a = rs[i];
    if (i + 1 >= rs.size() || rs[i + 1].type() != "31") return fail(a, "amount item 1 without its amount item 2 on the next line");
    long long tx = 0, ore = 0;
    if (!number(a, 9, 15, tx, "transaction number") || !number(a, 33, 49, ore, "amount")) return false;
    if (a.field(32, 32) != "0" && a.field(32, 32) != " ") return fail(a, "a negative amount item (sign \"" + a.field(32, 32) + "\") is not a payment");
    auto date = ddmmyy(a.field(16, 21));
    if (!date) return fail(a, "expected a settlement date DDMMYY in positions 16–21, got \"" + a.field(16, 21) + "\"");
    std::string kid = a.field(50, 74);
    kid.erase(0, kid.find_first_not_of(' '));
    if (rs[i + 1].field(9, 15) != a.field(9, 15)) return fail(rs[i + 1], "amount item 2 has transaction number " + rs[i + 1].field(9, 15) + ", item 1 " + a.field(9, 15));
    out.push_back({"ocr:" + transmission_ + ":" + assignment + ":" + a.field(9, 15), kid, Money::ore(ore), *date,
                   file_ + ":" + std::to_string(a.line)});
    sum = sum + Money::ore(ore);
    i += 2;
    return true;
}

bool Parser::assignment(const std::vector<Record>& rs, std::size_t& i, std::vector<Payment>& out, long long& tx, long long& records, Money& sum) {
    const Record& start = rs[i];
    const std::string number = start.field(18, 24);
    std::size_t first = i++;
    long long n = 0;
    Money s;
    while (i < rs.size() && rs[i].type() == "30") {
        if (!amountItems(rs, i, number, out, s)) return false;
        ++n;
    }
    if (i >= rs.size() || rs[i].text.substr(0, 8) != "NY090088")
        return fail(i < rs.size() ? rs[i] : rs.back(), "assignment " + number + " has no end record (NY090088): the file is truncated or out of order");
    const Record& end = rs[i];
    long long wantTx = 0, wantRecords = 0, wantSum = 0;
    if (!this->number(end, 9, 16, wantTx, "number of transactions") || !this->number(end, 17, 24, wantRecords, "number of records") ||
        !this->number(end, 25, 41, wantSum, "sum of amounts"))
        return false;
    const long long recs = static_cast<long long>(i - first + 1);
    if (wantTx != n) return fail(end, "assignment " + number + " says " + std::to_string(wantTx) + " transactions, the file has " + std::to_string(n));
    if (wantRecords != recs) return fail(end, "assignment " + number + " says " + std::to_string(wantRecords) + " records, the file has " + std::to_string(recs));
    if (wantSum != s.ore()) return fail(end, "assignment " + number + " says a sum of " + std::to_string(wantSum) + " øre, its amount items add up to " + std::to_string(s.ore()));
    ++i;
    tx += n;
    records += recs;
    sum = sum + s;
    return true;
}

bool Parser::transmission(const std::vector<Record>& rs, std::vector<Payment>& out) {
    if (rs.front().text.substr(0, 8) != "NY000010") return fail(rs.front(), "an OCR giro file starts with a transmission start record (NY000010)");
    transmission_ = rs.front().field(17, 23);
    std::size_t i = 1;
    long long tx = 0, records = 2;
    Money sum;
    while (i < rs.size() && rs[i].text.substr(0, 8) == "NY090020")
        if (!assignment(rs, i, out, tx, records, sum)) return false;
    if (i >= rs.size() || rs[i].text.substr(0, 8) != "NY000089")
        return fail(i < rs.size() ? rs[i] : rs.back(), i < rs.size() ? "unexpected record \"" + rs[i].text.substr(0, 8) + "\" (expected an assignment start NY090020 or the transmission end NY000089)"
                                                     : "no transmission end record (NY000089): the file is truncated");
    const Record& end = rs[i];
    long long wantTx = 0, wantRecords = 0, wantSum = 0;
    if (!number(end, 9, 16, wantTx, "number of transactions") || !number(end, 17, 24, wantRecords, "number of records") ||
        !number(end, 25, 41, wantSum, "sum of amounts"))
        return false;
    if (wantTx != tx) return fail(end, "the transmission says " + std::to_string(wantTx) + " transactions, the file has " + std::to_string(tx));
    if (wantRecords != records) return fail(end, "the transmission says " + std::to_string(wantRecords) + " records, the file has " + std::to_string(records));
    if (wantSum != sum.ore()) return fail(end, "the transmission says a sum of " + std::to_string(wantSum) + " øre, its amount items add up to " + std::to_string(sum.ore()));
    if (i + 1 != rs.size()) return fail(rs[i + 1], "records after the transmission end");
    return true;
}

}  // namespace

bool looksLikeOcr(const std::string& bytes) { return bytes.rfind("NY0000", 0) == 0; }

std::vector<Payment> parseOcr(const std::string& file, const std::string& bytes, Diagnostics& diags) {
    std::vector<Record> rs;
    std::istringstream in(bytes);
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() && in.peek() == EOF) break;
        if (line.size() != 80 || line.rfind("NY", 0) != 0) {
            diags.add(file, std::to_string(n) + ":1", "expected a record of 80 characters starting with \"NY\", got " + std::to_string(line.size()) + " characters");
            return {};
        }
        rs.push_back({n, line});
    }
    std::vector<Payment> out;
    if (rs.empty()) {
        diags.add(file, "1:1", "empty OCR file");
        return {};
    }
    Parser p(file, diags);
    if (!p.transmission(rs, out)) return {};
    return out;
}

}  // namespace dv::payments
