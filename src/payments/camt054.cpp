#include "payments/camt054.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>

namespace dv::payments {
namespace {

using Node = xmlNode*;

std::string name(Node n) { return n && n->name ? reinterpret_cast<const char*>(n->name) : ""; }

Node child(Node n, const std::string& want) {
    for (Node c = n ? n->children : nullptr; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && name(c) == want) return c;
    return nullptr;
}

Node path(Node n, std::initializer_list<const char*> names) {
    for (const char* s : names) n = child(n, s);
    return n;
}

std::string text(Node n) {
    if (!n) return {};
    xmlChar* t = xmlNodeGetContent(n);
    std::string s = t ? reinterpret_cast<const char*>(t) : "";
    xmlFree(t);
    auto a = s.find_first_not_of(" \t\r\n"), b = s.find_last_not_of(" \t\r\n");
    return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

std::string attr(Node n, const char* a) {
    xmlChar* v = n ? xmlGetProp(n, reinterpret_cast<const xmlChar*>(a)) : nullptr;
    std::string s = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return s;
}

std::string where(const std::string& file, Node n) { return file + ":" + std::to_string(n ? xmlGetLineNo(n) : 0); }

// "1234.5" → øre; nullopt when not an amount with at most two decimals.
std::optional<Money> amount(const std::string& s) {
    auto dot = s.find('.');
    std::string whole = s.substr(0, dot), frac = dot == std::string::npos ? "" : s.substr(dot + 1);
    if (whole.empty() || whole.find_first_not_of("0123456789") != std::string::npos || frac.size() > 2 ||
        frac.find_first_not_of("0123456789") != std::string::npos || whole.size() > 13)
        return std::nullopt;
    return Money::ore(std::stoll(whole) * 100 + (frac.empty() ? 0 : std::stoll((frac + "0").substr(0, 2))));
}

struct Entry {
    std::string file, msgId;
    Node ntry;
    int index;
};

bool transaction(const Entry& e, Node tx, int n, std::vector<Payment>& out, Diagnostics& diags) {
    Node amt = child(tx, "Amt");
    if (!amt) amt = path(tx, {"AmtDtls", "TxAmt", "Amt"});
    if (!amt && n == 0) amt = child(e.ntry, "Amt");
    auto m = amount(text(amt));
    if (!amt || !m || attr(amt, "Ccy") != "NOK") {
        diags.add(e.file, std::to_string(xmlGetLineNo(amt ? amt : tx)) + ":1", "expected an amount in NOK with at most two decimals, got \"" + text(amt) + "\" " + attr(amt, "Ccy"));
        return false;
    }
    auto date = Date::parseIso(text(path(e.ntry, {"BookgDt", "Dt"})).substr(0, 10));
    if (!date) {
        diags.add(e.file, std::to_string(xmlGetLineNo(e.ntry)) + ":1", "the entry has no booking date (BookgDt/Dt)");
        return false;
    }
    std::string kid = text(path(tx, {"RmtInf", "Strd", "CdtrRefInf", "Ref"}));
    std::string ref = text(path(tx, {"Refs", "AcctSvcrRef"}));
    if (ref.empty()) ref = text(child(e.ntry, "AcctSvcrRef")) + "/" + std::to_string(n);
    out.push_back({"camt:" + e.msgId + ":" + std::to_string(e.index) + ":" + ref, kid, *m, *date, where(e.file, tx)});
    return true;
}

bool entry(const Entry& e, std::vector<Payment>& out, Diagnostics& diags) {
    if (text(child(e.ntry, "CdtDbtInd")) != "CRDT") return true;  // a debit is not a payment to us
    int n = 0;
    for (Node d = e.ntry->children; d; d = d->next) {
        if (name(d) != "NtryDtls") continue;
        for (Node tx = d->children; tx; tx = tx->next)
            if (name(tx) == "TxDtls" && !transaction(e, tx, n++, out, diags)) return false;
    }
    if (n == 0) {
        diags.add(e.file, std::to_string(xmlGetLineNo(e.ntry)) + ":1", "a credit entry without transaction details (NtryDtls/TxDtls): no KID to match");
        return false;
    }
    return true;
}

}  // namespace

bool looksLikeXml(const std::string& bytes) {
    auto p = bytes.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    return p != std::string::npos && bytes[p] == '<';
}

std::vector<Payment> parseCamt054(const std::string& file, const std::string& bytes, Diagnostics& diags) {
    std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
        xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), file.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
        xmlFreeDoc);
    if (!doc) {
        const xmlError* err = xmlGetLastError();
        std::string msg = err && err->message ? err->message : "parse error";
        while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
        diags.add(file, err ? std::to_string(err->line) + ":" + std::to_string(err->int2) : "1:1", "not well-formed XML: " + msg);
        return {};
    }
    Node root = xmlDocGetRootElement(doc.get());
    const std::string ns = root && root->ns && root->ns->href ? reinterpret_cast<const char*>(root->ns->href) : "";
    Node body = child(root, "BkToCstmrDbtCdtNtfctn");
    if (name(root) != "Document" || ns.rfind("urn:iso:std:iso:20022:tech:xsd:camt.054.", 0) != 0 || !body) {
        diags.add(file, "/" + name(root), "not an ISO 20022 camt.054 credit notification (Document/BkToCstmrDbtCdtNtfctn in a camt.054 namespace); namespace \"" + ns + "\"");
        return {};
    }
    const std::string msgId = text(path(body, {"GrpHdr", "MsgId"}));
    std::vector<Payment> out;
    int index = 0;
    for (Node nt = body->children; nt; nt = nt->next) {
        if (name(nt) != "Ntfctn") continue;
        for (Node e = nt->children; e; e = e->next)
            if (name(e) == "Ntry" && !entry({file, msgId, e, index++}, out, diags)) return {};
    }
    return out;
}

}  // namespace dv::payments
