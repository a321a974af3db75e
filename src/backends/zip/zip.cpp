#include "backends/zip/zip.h"

#include <zip.h>

#include <stdexcept>

namespace dv::zip {

void write(const std::string& path, const std::vector<Entry>& entries, const Date& date) {
    int code = 0;
    zip_t* za = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (!za) throw std::runtime_error(path + ": cannot create zip archive (libzip error " + std::to_string(code) + ")");
    auto fail = [&](const std::string& what) {
        std::string msg = path + ": " + what + ": " + zip_strerror(za);
        zip_discard(za);
        throw std::runtime_error(msg);
    };
    // DOS date/time: 12:00:00 on the document date.
    zip_uint16_t dosDate = static_cast<zip_uint16_t>(((date.year - 1980) << 9) | (date.month << 5) | date.day);
    zip_uint16_t dosTime = static_cast<zip_uint16_t>(12 << 11);
    for (const Entry& e : entries) {
        zip_source_t* src = zip_source_buffer(za, e.bytes.data(), e.bytes.size(), 0);
        if (!src) fail("cannot add " + e.name);
        zip_int64_t idx = zip_file_add(za, e.name.c_str(), src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
        if (idx < 0) {
            zip_source_free(src);
            fail("cannot add " + e.name);
        }
        zip_uint64_t i = static_cast<zip_uint64_t>(idx);
        if (zip_set_file_compression(za, i, e.stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, e.stored ? 0 : 1) != 0) fail("cannot set compression for " + e.name);
        if (zip_file_set_dostime(za, i, dosTime, dosDate, 0) != 0) fail("cannot set the date of " + e.name);
    }
    if (zip_close(za) != 0) fail("cannot write");
}

std::vector<Entry> read(const std::string& path) {
    int code = 0;
    zip_t* za = zip_open(path.c_str(), ZIP_RDONLY, &code);
    if (!za) throw std::runtime_error(path + ": cannot open zip archive (libzip error " + std::to_string(code) + ")");
    std::vector<Entry> out;
    zip_int64_t n = zip_get_num_entries(za, 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        zip_stat_t st;
        zip_stat_init(&st);
        zip_stat_index(za, static_cast<zip_uint64_t>(i), 0, &st);
        zip_file_t* f = zip_fopen_index(za, static_cast<zip_uint64_t>(i), 0);
        if (!f) {
            zip_close(za);
            throw std::runtime_error(path + ": cannot read entry " + std::to_string(i));
        }
        Entry e;
        e.name = st.name;
        e.bytes.resize(st.size);
        zip_fread(f, e.bytes.data(), st.size);
        zip_fclose(f);
        out.push_back(std::move(e));
    }
    zip_close(za);
    return out;
}

}  // namespace dv::zip
