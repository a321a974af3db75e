#include "backends/pdf/flate.h"

#include <zlib.h>

#include <stdexcept>

namespace dv::pdf {

std::string deflate9(std::string_view bytes) {
    uLongf size = compressBound(static_cast<uLong>(bytes.size()));
    std::string out(size, '\0');
    int rc = compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(bytes.data()),
                       static_cast<uLong>(bytes.size()), Z_BEST_COMPRESSION);
    if (rc != Z_OK) throw std::runtime_error("PDF writer: deflate failed");
    out.resize(size);
    return out;
}

}  // namespace dv::pdf
