#include "backends/pdf/syntax.h"

#include <podofo/podofo.h>

#include <cstdio>
#include <stdexcept>

namespace dv::pdf {
namespace {

using namespace PoDoFo;

bool regular(char c) {
    switch (c) {
    case ' ': case '\n': case '\r': case '\t': case '\f': case '\0':
    case '(': case ')': case '<': case '>': case '[': case ']': case '{': case '}': case '/': case '%':
        return false;
    default:
        return true;
    }
}

std::string real(double d) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6f", d);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    return s;
}

// UTF-8 (as PoDoFo returns it) → code points.
std::u32string decode(const std::string& s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        int n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
        char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1Fu) : n == 3 ? (c & 0x0Fu) : (c & 0x07u);
        for (int k = 1; k < n && i + static_cast<std::size_t>(k) < s.size(); ++k) cp = (cp << 6) | (s[i + static_cast<std::size_t>(k)] & 0x3Fu);
        out.push_back(cp);
        i += static_cast<std::size_t>(n);
    }
    return out;
}

// Where PDFDocEncoding and Unicode agree: printable ASCII, tab, line feed, Latin-1 without 0xAD.
bool docEncodable(char32_t c) { return (c >= 0x20 && c <= 0x7E) || c == 0x09 || c == 0x0A || (c >= 0xA1 && c <= 0xFF && c != 0xAD); }

std::string textBytes(const std::u32string& cps) {
    std::string b;
    bool plain = true;
    for (char32_t c : cps) plain = plain && docEncodable(c);
    if (plain) {
        for (char32_t c : cps) b += static_cast<char>(c);
        return b;
    }
    b = "\xFE\xFF";
    auto unit = [&b](char32_t u) {
        b += static_cast<char>((u >> 8) & 0xFF);
        b += static_cast<char>(u & 0xFF);
    };
    for (char32_t c : cps) {
        if (c < 0x10000) {
            unit(c);
        } else {
            unit(0xD800 + ((c - 0x10000) >> 10));
            unit(0xDC00 + ((c - 0x10000) & 0x3FF));
        }
    }
    return b;
}

std::string literal(const std::string& bytes) {
    std::string s = "(";
    for (char c : bytes) {
        if (c == '(' || c == ')' || c == '\\') s += '\\';
        if (c == '\r') s += "\\r";
        else s += c;
    }
    return s + ")";
}

std::string hex(const std::string& bytes) {
    static const char* digits = "0123456789ABCDEF";
    std::string s = "<";
    for (char c : bytes) {
        s += digits[(static_cast<unsigned char>(c) >> 4) & 15];
        s += digits[static_cast<unsigned char>(c) & 15];
    }
    return s + ">";
}

std::string stringToken(const PdfString& s) {
    if (s.IsUnicode()) return literal(textBytes(decode(s.GetStringUtf8())));
    std::string bytes(s.GetString(), static_cast<std::size_t>(s.GetLength()));
    return s.IsHex() ? hex(bytes) : literal(bytes);
}

void writeDict(const PdfDictionary& d, std::string& out, const long long* length) {
    out += "<<";
    for (const auto& [key, value] : d.GetKeys()) {
        if (length && key == PdfName::KeyLength) continue;
        out += '/';
        out += key.GetEscapedName();
        writeValue(*value, out);
    }
    if (length) {
        out += "/Length";
        writeToken(std::to_string(*length), out);
    }
    out += ">>";
}

}  // namespace

void writeToken(std::string_view token, std::string& out) {
    if (token.empty()) return;
    if (!out.empty() && regular(out.back()) && regular(token.front())) out += ' ';
    out += token;
}

void writeValue(const PdfVariant& v, std::string& out) {
    switch (v.GetDataType()) {
    case ePdfDataType_Bool: writeToken(v.GetBool() ? "true" : "false", out); break;
    case ePdfDataType_Number: writeToken(std::to_string(v.GetNumber()), out); break;
    case ePdfDataType_Real: writeToken(real(v.GetReal()), out); break;
    case ePdfDataType_String:
    case ePdfDataType_HexString: out += stringToken(v.GetString()); break;
    case ePdfDataType_Name: out += '/' + v.GetName().GetEscapedName(); break;
    case ePdfDataType_Null: writeToken("null", out); break;
    case ePdfDataType_Reference: {
        const PdfReference& r = v.GetReference();
        writeToken(std::to_string(r.ObjectNumber()) + " " + std::to_string(r.GenerationNumber()) + " R", out);
        break;
    }
    case ePdfDataType_Array:
        out += '[';
        for (const PdfObject& o : v.GetArray()) writeValue(o, out);
        out += ']';
        break;
    case ePdfDataType_Dictionary: writeDict(v.GetDictionary(), out, nullptr); break;
    default: throw std::runtime_error("PDF writer: a value of a type the file writer does not know");
    }
}

void writeStreamDict(const PdfDictionary& d, long long length, std::string& out) { writeDict(d, out, &length); }

}  // namespace dv::pdf
