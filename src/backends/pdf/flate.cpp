#include "backends/pdf/flate.h"

#include <zlib.h>

#include <map>
#include <stdexcept>

namespace dv::pdf {
namespace {

// One deflate state per level and thread, reset between streams: deflateInit allocates and clears
// about 270 KB, which a small stream (a ToUnicode CMap, a cross-reference stream) cost more than
// its compression. A reset state gives the bytes a fresh one gives.
struct Deflater {
    z_stream z{};
    explicit Deflater(int level) {
        if (deflateInit(&z, level) != Z_OK) throw std::runtime_error("PDF writer: deflate failed");
    }
    ~Deflater() { deflateEnd(&z); }
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;
};

Deflater& deflaterFor(int level) {
    thread_local std::map<int, Deflater> states;
    return states.try_emplace(level, level).first->second;
}

}  // namespace

std::string deflate(std::string_view bytes, int level) {
    z_stream& z = deflaterFor(level).z;
    if (deflateReset(&z) != Z_OK) throw std::runtime_error("PDF writer: deflate failed");
    std::string out(deflateBound(&z, static_cast<uLong>(bytes.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    z.avail_in = static_cast<uInt>(bytes.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    if (::deflate(&z, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("PDF writer: deflate failed");
    out.resize(z.total_out);
    return out;
}

}  // namespace dv::pdf
