// A prepared SQLite statement with its errors thrown as std::runtime_error naming the ledger
// file. Internal to the ledger module (ledger.cpp, payments.cpp): SQLite stays inside src/ledger.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <stdexcept>
#include <string>

namespace dv::ledger::detail {

class Stmt {
public:
    Stmt(void* db, const char* sql, const std::string& path) : db_(static_cast<sqlite3*>(db)), path_(path) {
        if (sqlite3_prepare_v2(db_, sql, -1, &st_, nullptr) != SQLITE_OK) fail();
    }
    ~Stmt() { sqlite3_finalize(st_); }
    Stmt& bind(int i, std::int64_t v) { sqlite3_bind_int64(st_, i, v); return *this; }
    Stmt& bind(int i, const std::string& v) { sqlite3_bind_text(st_, i, v.c_str(), -1, SQLITE_TRANSIENT); return *this; }
    bool step() {
        int rc = sqlite3_step(st_);
        if (rc == SQLITE_ROW) return true;
        if (rc != SQLITE_DONE) fail();
        return false;
    }
    std::int64_t i64(int c) { return sqlite3_column_int64(st_, c); }
    std::string text(int c) {
        const unsigned char* t = sqlite3_column_text(st_, c);
        return t ? reinterpret_cast<const char*>(t) : "";
    }
    int changes() { return sqlite3_changes(db_); }
    [[noreturn]] void fail() { throw std::runtime_error(path_ + ": SQLite: " + sqlite3_errmsg(db_)); }

private:
    sqlite3* db_;
    sqlite3_stmt* st_ = nullptr;
    std::string path_;
};

}  // namespace dv::ledger::detail
