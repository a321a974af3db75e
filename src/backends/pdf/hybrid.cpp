#include "backends/pdf/hybrid.h"

#include <podofo/podofo.h>

#include <algorithm>
#include <exception>
#include <map>
#include <stdexcept>
#include <thread>
#include <vector>

#include "backends/pdf/flate.h"
#include "backends/pdf/syntax.h"
#include "core/sha256.h"

namespace dv::pdf {
namespace {

using namespace PoDoFo;

constexpr std::size_t PerObjectStream = 1000;

unsigned number(const PdfObject& o) { return o.Reference().ObjectNumber(); }

struct Packed {
    unsigned object, stream, index;
};

// What the file is being built from, and where each object went.
struct File {
    std::string bytes;
    std::map<unsigned, std::size_t> offsets;  // top-level object → byte offset
    std::vector<Packed> packed;               // objects in object streams, by number
};

std::string streamData(const PdfObject& o) {
    char* buf = nullptr;
    pdf_long len = 0;
    o.GetStream()->GetCopy(&buf, &len);
    std::string s(buf, static_cast<std::size_t>(len));
    podofo_free(buf);
    return s;
}

// "n 0 obj" EOL dictionary EOL "stream" EOL data EOL "endstream" EOL "endobj" (PDF/A-2 6.1.7).
void writeStream(unsigned n, const std::string& dict, const std::string& data, File& f) {
    f.offsets[n] = f.bytes.size();
    f.bytes += std::to_string(n) + " 0 obj\n" + dict + "\nstream\n";
    f.bytes += data;
    f.bytes += "\nendstream\nendobj\n";
}

void writeTopLevel(const PdfObject& o, File& f) {
    if (o.HasStream()) {
        std::string data = streamData(o), dict;
        writeStreamDict(o.GetDictionary(), static_cast<long long>(data.size()), dict);
        writeStream(number(o), dict, data, f);
        return;
    }
    f.offsets[number(o)] = f.bytes.size();
    f.bytes += std::to_string(number(o)) + " 0 obj\n";
    writeValue(o, f.bytes);
    f.bytes += "\nendobj\n";
}

// One object stream: "n1 off1 n2 off2 …" then the objects, each on a line of its own; its
// data deflated by deflateAll.
struct ObjectStream {
    unsigned number;
    std::size_t count, first;  // /N, /First
    std::string data;          // raw, then deflated
};

ObjectStream objectStream(const std::vector<const PdfObject*>& objs, unsigned n, File& f) {
    std::string head, body;
    for (std::size_t i = 0; i < objs.size(); ++i) {
        head += std::to_string(number(*objs[i])) + " " + std::to_string(body.size()) + (i + 1 < objs.size() ? " " : "\n");
        writeValue(*objs[i], body);
        body += '\n';
        f.packed.push_back({number(*objs[i]), n, static_cast<unsigned>(i)});
    }
    return {n, objs.size(), head.size(), head + body};
}

// Each stream's data deflated in place, a large one at kLargeStreamLevel. When a long document
// has two or more large streams (the knowledge base: three), a second thread deflates every other
// one: the same bytes, in about half the time.
void deflateAll(std::vector<ObjectStream>& streams) {
    auto level = [](const std::string& raw) { return raw.size() >= kLargeStreamBytes ? kLargeStreamLevel : kStreamLevel; };
    auto every2nd = [&](std::size_t from) {
        for (std::size_t i = from; i < streams.size(); i += 2) streams[i].data = deflate(streams[i].data, level(streams[i].data));
    };
    std::size_t large = 0;
    for (const ObjectStream& o : streams) large += o.data.size() >= kLargeStreamBytes;
    if (large < 2) {
        every2nd(0);
        every2nd(1);
        return;
    }
    std::exception_ptr failed;  // a deflate failure on the second thread is thrown here
    std::thread other([&] {
        try {
            every2nd(1);
        } catch (...) {
            failed = std::current_exception();
        }
    });
    try {
        every2nd(0);
    } catch (...) {
        other.join();
        throw;
    }
    other.join();
    if (failed) std::rethrow_exception(failed);
}

void writeObjectStream(const ObjectStream& o, File& f) {
    std::string dict = "<</Type/ObjStm/N " + std::to_string(o.count) + "/First " + std::to_string(o.first) +
                       "/Filter/FlateDecode/Length " + std::to_string(o.data.size()) + ">>";
    writeStream(o.number, dict, o.data, f);
}

unsigned bytesFor(unsigned v) {
    unsigned n = 1;
    while (v >>= 8) ++n;
    return n;
}

void putBig(std::string& row, unsigned v, unsigned width) {
    for (unsigned i = width; i-- > 0;) row += static_cast<char>((v >> (8 * i)) & 0xFF);
}

// The cross-reference stream of the packed objects: type 2 rows [2 stream index], PNG-Up
// predicted (each row minus the one before: nearly all zeros) and deflated.
void writeXrefStream(unsigned n, unsigned size, File& f) {
    unsigned maxStream = 0, maxIndex = 0;
    for (const Packed& p : f.packed) maxStream = std::max(maxStream, p.stream), maxIndex = std::max(maxIndex, p.index);
    const unsigned w2 = bytesFor(maxStream), w3 = bytesFor(maxIndex), columns = 1 + w2 + w3;
    std::string rows, prev(columns, '\0'), index;
    for (std::size_t i = 0; i < f.packed.size(); ++i) {
        std::string row;
        row += '\2';
        putBig(row, f.packed[i].stream, w2);
        putBig(row, f.packed[i].index, w3);
        rows += '\2';  // PNG filter type Up
        for (unsigned c = 0; c < columns; ++c) rows += static_cast<char>(row[c] - prev[c]);
        prev = row;
        bool starts = i == 0 || f.packed[i - 1].object + 1 != f.packed[i].object;
        if (!starts) continue;
        std::size_t j = i;
        while (j + 1 < f.packed.size() && f.packed[j + 1].object == f.packed[j].object + 1) ++j;
        index += (index.empty() ? "" : " ") + std::to_string(f.packed[i].object) + " " + std::to_string(j - i + 1);
    }
    std::string data = deflate(rows, kStreamLevel);
    std::string dict = "<</Type/XRef/Size " + std::to_string(size) + "/Index[" + index + "]/W[1 " + std::to_string(w2) + " " +
                       std::to_string(w3) + "]/DecodeParms<</Columns " + std::to_string(columns) +
                       "/Predictor 12>>/Filter/FlateDecode/Length " + std::to_string(data.size()) + ">>";
    writeStream(n, dict, data, f);
}

// The classic table: entry 0 (free) and every top-level object, in subsections of consecutive numbers.
std::string classicTable(const std::map<unsigned, std::size_t>& offsets) {
    std::map<unsigned, std::size_t> all = offsets;
    all[0] = 0;
    std::string t = "xref\n";
    char line[32];
    for (auto it = all.begin(); it != all.end();) {
        auto end = it;
        unsigned count = 0;
        while (end != all.end() && end->first == it->first + count) ++end, ++count;
        t += std::to_string(it->first) + " " + std::to_string(count) + "\n";
        for (; it != end; ++it) {
            if (it->first == 0) std::snprintf(line, sizeof line, "%010d %05d f\r\n", 0, 65535);
            else std::snprintf(line, sizeof line, "%010zu %05d n\r\n", it->second, 0);
            t += line;
        }
    }
    return t;
}

}  // namespace

std::string writeHybridFile(const PdfVecObjects& objects, const PdfReference& catalog, const PdfReference& info) {
    std::vector<const PdfObject*> all(objects.begin(), objects.end()), top, packed;
    std::sort(all.begin(), all.end(), [](const PdfObject* a, const PdfObject* b) { return number(*a) < number(*b); });
    unsigned next = 1;
    const PdfObject* cat = nullptr;
    for (const PdfObject* o : all) {
        if (o->Reference().GenerationNumber() != 0) throw std::runtime_error("PDF writer: an object of generation > 0");
        next = std::max(next, number(*o) + 1);
        if (o->Reference() == catalog) cat = o;
        else if (o->HasStream() || o->Reference() == info) top.push_back(o);
        else packed.push_back(o);
    }
    if (!cat) throw std::runtime_error("PDF writer: no catalogue");
    File f;
    f.bytes = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
    writeTopLevel(*cat, f);
    for (const PdfObject* o : top) writeTopLevel(*o, f);
    std::vector<ObjectStream> streams;
    for (std::size_t i = 0; i < packed.size(); i += PerObjectStream) {
        std::vector<const PdfObject*> part(packed.begin() + static_cast<std::ptrdiff_t>(i),
                                           packed.begin() + static_cast<std::ptrdiff_t>(std::min(packed.size(), i + PerObjectStream)));
        streams.push_back(objectStream(part, next++, f));
    }
    deflateAll(streams);
    for (const ObjectStream& o : streams) writeObjectStream(o, f);
    const unsigned xrefNumber = next++;
    writeXrefStream(xrefNumber, next, f);
    const std::size_t xrefStm = f.offsets[xrefNumber];
    const std::string id = sha256Hex(f.bytes).substr(0, 32);
    const std::size_t table = f.bytes.size();
    f.bytes += classicTable(f.offsets);
    f.bytes += "trailer\n<</Size " + std::to_string(next) + "/Root " + std::to_string(catalog.ObjectNumber()) + " 0 R/Info " +
               std::to_string(info.ObjectNumber()) + " 0 R/ID[<" + id + "><" + id + ">]/XRefStm " + std::to_string(xrefStm) +
               ">>\nstartxref\n" + std::to_string(table) + "\n%%EOF\n";
    return f.bytes;
}

}  // namespace dv::pdf
