// The invoice ledger: a SQLite database (libsqlite3, only here) holding every issued invoice and
// credit note with its lines, total, KID and the hashes of its PDF and XML. Numbers come from a
// gap-free series per year, allocated inside the caller's transaction: a run that dies before
// commit leaves no trace, so the series never has a hole. Test invoices have a series of their
// own (stored with negative sequence numbers and year keys, so the version-1 table constraints
// still hold; column `test` marks them).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dv::ledger {

struct Line {
    int lineNo = 0;
    std::string kind;
    std::int64_t quantityHundredths = 0;
    std::string unit;
    std::int64_t unitPriceMicro = 0;
    std::int64_t amountOre = 0;
    std::string description;
};

struct Invoice {
    std::int64_t id = 0;
    int year = 0;
    std::int64_t seq = 0;          // 1, 2, 3 … within the year
    std::string number;            // "202100001"
    std::string type;              // "faktura" or "kreditnota"
    std::string kommunenummer;
    std::string issueDate, dueDate;  // ISO
    std::int64_t totalOre = 0;
    std::string kid;
    std::string credits;           // for a credit note: the number it credits
    std::string status = "aktiv";  // "aktiv", "kreditert"
    std::string contentHash;       // what was billed (kinds, quantities, prices, amounts)
    std::string pdfSha256, xmlSha256;
    bool test = false;             // a test invoice: its own series, never to be paid
    std::vector<Line> lines;
};

// A payment as recorded (src/ledger/payments.cpp): matched to an invoice, or not and why.
struct PaymentRecord {
    std::string ref;            // unique: the same file imported twice records nothing new
    std::string kid;
    std::int64_t amountOre = 0;
    std::string paidDate;       // ISO
    std::string invoiceNumber;  // empty: unmatched
    std::string reason;         // unmatched: why ("ukjend KID", "feil kontrollsiffer", …)
    std::string source;         // file:line
};

struct ReminderRecord {
    std::string invoiceNumber;
    std::string date;  // ISO: the day the reminder is for (--dato)
    std::int64_t outstandingOre = 0;
};

class Ledger {
public:
    // Opens or creates the database (and its directory); throws std::runtime_error naming the path.
    explicit Ledger(const std::string& path);
    ~Ledger();
    Ledger(const Ledger&) = delete;
    Ledger& operator=(const Ledger&) = delete;

    // One transaction per run, begun and committed by the app: BEGIN IMMEDIATE (one writer at a
    // time); a ledger destroyed with its transaction open rolls it back.
    void begin();
    void commit();
    void rollback();
    const std::string& path() const { return path_; }

    // Real and test invoices live in separate series of the same ledger and never meet: each
    // query names the series it reads.
    std::optional<Invoice> active(int year, const std::string& kommunenummer, bool test);
    std::vector<Invoice> forYear(int year, bool test);  // by number
    std::int64_t allocate(int year, bool test);         // the next number in the year's series
    std::int64_t insert(const Invoice& inv); // returns the row id
    void setHashes(std::int64_t id, const std::string& pdf, const std::string& xml);
    // A ledger belongs to one seller: records `orgnr` on first use; returns the other seller's
    // organisation number when the ledger is someone else's.
    std::optional<std::string> claimSeller(const std::string& orgnr);
    // A ledger holds one invoice series: records `series` (how numbers and KIDs are made) on
    // first use; returns the recorded one when it differs.
    std::optional<std::string> claimSeries(const std::string& series);
    void markCredited(std::int64_t id);

    // Payments and reminders (payments.cpp; tables created on first use).
    bool recordPayment(const PaymentRecord& p);  // false: its ref is already recorded
    std::vector<PaymentRecord> payments();       // in the order recorded
    std::optional<Invoice> invoiceByKid(const std::string& kid);  // real series only
    void recordReminder(const ReminderRecord& r);
    std::vector<ReminderRecord> reminders();

private:
    void ensurePaymentTables();
    void exec(const std::string& sql);
    std::optional<std::string> claimMeta(const std::string& key, const std::string& value);
    std::vector<Line> lines(std::int64_t invoiceId);
    void* db_ = nullptr;
    std::string path_;
    bool inTransaction_ = false;
};

}  // namespace dv::ledger
