#include "backends/pdf/flate.h"

#include <zlib.h>

#include <stdexcept>

namespace dv::pdf {

std::string deflate(std::string_view bytes, int level) {
    uLongf size = compressBound(static_cast<uLong>(bytes.size()));
    std::string out(size, '\0');
    int rc = compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(bytes.data()),
                       static_cast<uLong>(bytes.size()), level);
    if (rc != Z_OK) throw std::runtime_error("PDF writer: deflate failed");
    out.resize(size);
    return out;
}

}  // namespace dv::pdf
