#include "ledger/ledger.h"

#include <sqlite3.h>

#include <filesystem>
#include <stdexcept>

#include "ledger/statement.h"

namespace dv::ledger {
namespace {

using detail::Stmt;

sqlite3* DB(void* p) { return static_cast<sqlite3*>(p); }


const char* kSchema = R"(
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS series (
  year INTEGER PRIMARY KEY,
  last_seq INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS invoice (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  number TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL CHECK (type IN ('faktura', 'kreditnota')),
  kommunenummer TEXT NOT NULL,
  issue_date TEXT NOT NULL,
  due_date TEXT NOT NULL,
  total_ore INTEGER NOT NULL,
  kid TEXT NOT NULL,
  credits TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('aktiv', 'kreditert')),
  content_hash TEXT NOT NULL,
  pdf_sha256 TEXT NOT NULL DEFAULT '',
  xml_sha256 TEXT NOT NULL DEFAULT '',
  UNIQUE (year, seq)
);
CREATE TABLE IF NOT EXISTS invoice_line (
  invoice_id INTEGER NOT NULL REFERENCES invoice(id),
  line_no INTEGER NOT NULL,
  kind TEXT NOT NULL,
  quantity_hundredths INTEGER NOT NULL,
  unit TEXT NOT NULL,
  unit_price_micro INTEGER NOT NULL,
  amount_ore INTEGER NOT NULL,
  description TEXT NOT NULL,
  PRIMARY KEY (invoice_id, line_no)
);
)";

Invoice readInvoice(Stmt& s) {
    Invoice inv;
    inv.id = s.i64(0);
    inv.year = static_cast<int>(s.i64(1));
    inv.seq = s.i64(2);
    inv.number = s.text(3);
    inv.type = s.text(4);
    inv.kommunenummer = s.text(5);
    inv.issueDate = s.text(6);
    inv.dueDate = s.text(7);
    inv.totalOre = s.i64(8);
    inv.kid = s.text(9);
    inv.credits = s.text(10);
    inv.status = s.text(11);
    inv.contentHash = s.text(12);
    inv.pdfSha256 = s.text(13);
    inv.xmlSha256 = s.text(14);
    inv.test = s.i64(15) != 0;
    if (inv.test) inv.seq = -inv.seq;
    return inv;
}

const char* kColumns =
    "id, year, seq, number, type, kommunenummer, issue_date, due_date, total_ore, kid, credits, status, "
    "content_hash, pdf_sha256, xml_sha256, test";

}  // namespace

Ledger::Ledger(const std::string& path) : path_(path) {
    std::filesystem::path p(path);
    if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path());
    sqlite3* db = nullptr;
    if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
        std::string msg = path + ": cannot open the ledger: " + (db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        throw std::runtime_error(msg);
    }
    db_ = db;
    sqlite3_busy_timeout(db, 5000);
    exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
    exec(kSchema);
    // Version 1 ledgers have no test series: add the column (all their invoices are real).
    bool hasTest = false;
    {
        Stmt c(DB(db_), "SELECT 1 FROM pragma_table_info('invoice') WHERE name = 'test'", path_);
        hasTest = c.step();
    }
    if (!hasTest) exec("ALTER TABLE invoice ADD COLUMN test INTEGER NOT NULL DEFAULT 0");
}

Ledger::~Ledger() {
    if (inTransaction_) sqlite3_exec(DB(db_), "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(DB(db_));
}

void Ledger::exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(DB(db_), sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = path_ + ": SQLite: " + (err ? err : "error");
        sqlite3_free(err);
        throw std::runtime_error(msg);
    }
}

void Ledger::begin() {
    exec("BEGIN IMMEDIATE");
    inTransaction_ = true;
}
void Ledger::commit() {
    exec("COMMIT");
    inTransaction_ = false;
}
void Ledger::rollback() {
    inTransaction_ = false;
    exec("ROLLBACK");
}

std::optional<Invoice> Ledger::active(int year, const std::string& kommunenummer, bool test) {
    std::string sql = std::string("SELECT ") + kColumns +
                      " FROM invoice WHERE year = ? AND kommunenummer = ? AND type = 'faktura' AND status = 'aktiv' AND test = ?";
    Stmt s(DB(db_), sql.c_str(), path_);
    s.bind(1, year).bind(2, kommunenummer).bind(3, test ? 1 : 0);
    if (!s.step()) return std::nullopt;
    Invoice inv = readInvoice(s);
    inv.lines = lines(inv.id);
    return inv;
}

std::vector<Line> Ledger::lines(std::int64_t invoiceId) {
    Stmt l(DB(db_), "SELECT line_no, kind, quantity_hundredths, unit, unit_price_micro, amount_ore, description "
                    "FROM invoice_line WHERE invoice_id = ? ORDER BY line_no", path_);
    l.bind(1, invoiceId);
    std::vector<Line> out;
    while (l.step())
        out.push_back({static_cast<int>(l.i64(0)), l.text(1), l.i64(2), l.text(3), l.i64(4), l.i64(5), l.text(6)});
    return out;
}

std::vector<Invoice> Ledger::forYear(int year, bool test) {
    std::string sql = std::string("SELECT ") + kColumns + " FROM invoice WHERE year = ? AND test = ? ORDER BY abs(seq)";
    Stmt s(DB(db_), sql.c_str(), path_);
    s.bind(1, year).bind(2, test ? 1 : 0);
    std::vector<Invoice> out;
    while (s.step()) out.push_back(readInvoice(s));
    for (Invoice& inv : out) inv.lines = lines(inv.id);
    return out;
}

std::int64_t Ledger::allocate(int year, bool test) {
    const int key = test ? -year : year;
    Stmt up(DB(db_), "INSERT INTO series(year, last_seq) VALUES (?, 1) "
                     "ON CONFLICT(year) DO UPDATE SET last_seq = last_seq + 1", path_);
    up.bind(1, key);
    up.step();
    Stmt q(DB(db_), "SELECT last_seq FROM series WHERE year = ?", path_);
    q.bind(1, key);
    q.step();
    return q.i64(0);
}

std::int64_t Ledger::insert(const Invoice& inv) {
    Stmt s(DB(db_), "INSERT INTO invoice(year, seq, number, type, kommunenummer, issue_date, due_date, total_ore, kid, "
                    "credits, status, content_hash, pdf_sha256, xml_sha256, test) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", path_);
    s.bind(1, inv.year).bind(2, inv.test ? -inv.seq : inv.seq).bind(3, inv.number).bind(4, inv.type).bind(5, inv.kommunenummer)
        .bind(6, inv.issueDate).bind(7, inv.dueDate).bind(8, inv.totalOre).bind(9, inv.kid).bind(10, inv.credits)
        .bind(11, inv.status).bind(12, inv.contentHash).bind(13, inv.pdfSha256).bind(14, inv.xmlSha256).bind(15, inv.test ? 1 : 0);
    s.step();
    std::int64_t id = sqlite3_last_insert_rowid(DB(db_));
    for (const Line& l : inv.lines) {
        Stmt ls(DB(db_), "INSERT INTO invoice_line VALUES (?,?,?,?,?,?,?,?)", path_);
        ls.bind(1, id).bind(2, l.lineNo).bind(3, l.kind).bind(4, l.quantityHundredths).bind(5, l.unit)
            .bind(6, l.unitPriceMicro).bind(7, l.amountOre).bind(8, l.description);
        ls.step();
    }
    return id;
}

void Ledger::setHashes(std::int64_t id, const std::string& pdf, const std::string& xml) {
    Stmt s(DB(db_), "UPDATE invoice SET pdf_sha256 = ?, xml_sha256 = ? WHERE id = ?", path_);
    s.bind(1, pdf).bind(2, xml).bind(3, id);
    s.step();
}

std::optional<std::string> Ledger::claimMeta(const std::string& key, const std::string& value) {
    {
        Stmt q(DB(db_), "SELECT value FROM meta WHERE key = ?", path_);
        q.bind(1, key);
        if (q.step()) {
            std::string recorded = q.text(0);
            if (recorded != value) return recorded;
            return std::nullopt;
        }
    }
    Stmt ins(DB(db_), "INSERT INTO meta(key, value) VALUES (?, ?)", path_);
    ins.bind(1, key).bind(2, value);
    ins.step();
    return std::nullopt;
}

std::optional<std::string> Ledger::claimSeller(const std::string& orgnr) { return claimMeta("seller", orgnr); }
std::optional<std::string> Ledger::claimSeries(const std::string& series) { return claimMeta("series", series); }

void Ledger::markCredited(std::int64_t id) {
    Stmt s(DB(db_), "UPDATE invoice SET status = 'kreditert' WHERE id = ?", path_);
    s.bind(1, id);
    s.step();
}

}  // namespace dv::ledger
